package fitlab.experiment;

import fitlab.checkpoint.Checkpoint;
import fitlab.checkpoint.Checkpoints;
import fitlab.checkpoint.WholeModels;
import fitlab.config.Cell;
import fitlab.config.ConfigWriter;
import fitlab.config.ExperimentConfig;
import fitlab.experiment.checkpoints.Retention;
import fitlab.model.Model;
import fitlab.model.PolynomialModel;
import fitlab.pth.PthWriter;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.train.EpochEvaluator;
import fitlab.train.EvalResult;
import fitlab.train.LeastSquares;
import fitlab.train.Loss;
import fitlab.train.SessionState;
import fitlab.train.TrainingSession;
import fitlab.train.stopping.Decision;
import fitlab.train.stopping.EarlyStopping;
import fitlab.train.stopping.StopReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The epoch loop of one cell: train, evaluate every split in eval mode, append the metrics line, feed early
 * stopping, write the epoch's checkpoint. Epoch 0 is the initial weights (measured, checkpointed, not trained).
 * Nothing here depends on whether the cell started fresh or was restored from a checkpoint: that is what makes
 * finishing an interrupted run, or continuing a cell, bit-identical.
 */
final class CellTraining {
    private final Cell cell;
    private final CellData data;
    private final CellFolder folder;
    private final Recipe recipe;
    private final Model model;
    private final Loss loss;
    private final TrainingSession session;
    private final EarlyStopping stopping;
    private final ProgressListener progress;
    private final Map<String, Object> config;
    private final RunControl control;
    private final int evalHelpers;

    CellTraining(Cell cell, CellData data, CellFolder folder, Recipe recipe, Model model, Loss loss, TrainingSession session,
                 EarlyStopping stopping, ProgressListener progress, RunControl control, int evalHelpers) {
        this.cell = cell;
        this.data = data;
        this.folder = folder;
        this.recipe = recipe;
        this.model = model;
        this.loss = loss;
        this.session = session;
        this.stopping = stopping;
        this.progress = progress;
        this.config = ConfigWriter.toMap(cell.config());
        this.control = control;
        this.evalHelpers = evalHelpers;
    }

    /** The best epoch early stopping has seen so far (-1 before any); after a restore, the one best.pth holds. */
    int bestEpoch() {
        return stopping.bestEpoch().orElse(-1);
    }

    /** The last epoch the cell's config asks for. */
    int configuredEpochs() {
        return recipe.training().epochs();
    }

    /**
     * Runs epochs {@code first..last}. With {@code honourStop}, training ends where early stopping says stop (with
     * {@code action: stop}) or at divergence; without, it trains on (a continued model that keeps overfitting), and
     * early stopping, once it has ended, is no longer fed.
     */
    CellSummary train(int first, int last, boolean honourStop) {
        return train(first, last, honourStop, new Retention(cell.config().checkpoint(), folder));
    }

    /**
     * Runs epochs {@code first..last} with the given retention state. A cell whose early stopping already ended
     * it (an interrupted run that had stopped, or diverged, at its last checkpoint) is only finished off.
     */
    CellSummary train(int first, int last, boolean honourStop, Retention retention) {
        ExperimentConfig c = cell.config();
        double lr = recipe.optimizer().map(o -> o.lr()).orElse(Double.NaN);
        long start = System.nanoTime();
        // a continuation past the stop (honourStop false) that trains all its epochs completed them: the reason the
        // original run stopped belongs to that run, not to this one
        StopReason reason = honourStop && stopping.ended() ? stopping.stopReason().orElse(StopReason.COMPLETED) : StopReason.COMPLETED;
        int lastEpoch = first - 1;
        // closing the retention waits for the checkpoint writer: on every way out, nothing is still being written
        try (retention; EpochEvaluator evaluation = new EpochEvaluator(model, loss, evalHelpers, retention::writerIdle)) {
            for (int epoch = first; epoch <= last && !(honourStop && stopping.ended()); epoch++) {
                if (epoch > 0) {
                    if (session != null) {
                        session.trainEpoch();
                    } else {
                        LeastSquares.fit((PolynomialModel) model, data.learnFrom());
                    }
                }
                MetricsRow row = measure(evaluation, epoch, lr, (System.nanoTime() - start) / 1e9);
                MetricsLog.append(folder.metrics(), row);
                boolean stop = false;
                if (!stopping.ended()) {
                    Decision decision = stopping.update(epoch, row.trainLoss(), row.validationLoss(), CellRunner.monitoredValue(c, row));
                    if (decision.stop() && (honourStop || decision.reason().orElse(null) == StopReason.DIVERGED)) {
                        stop = true;
                        reason = decision.reason().orElse(StopReason.PATIENCE);
                    }
                }
                boolean isLast = stop || epoch == last;
                SessionState state = session != null ? session.state() : null;
                int current = epoch;
                retention.epochDone(epoch, isLast, stopping.bestEpoch().orElse(-1), () -> checkpoint(current, state, row));
                progress.epochLogged(folder.id(), row, stopping.bestEpoch().orElse(-1), stopping.markers());
                progress.epochDone();
                lastEpoch = epoch;
                if (stop) {
                    break;
                }
                if (control.stopRequested()) {
                    retention.ensureWritten(epoch, () -> checkpoint(current, state, row));
                    throw new RunControl.Interrupted("cell " + folder.id() + " stopped after epoch " + epoch);
                }
            }
            retention.finish(lastEpoch);
        }
        if (cell.config().checkpoint().wholeModel()) {
            PthWriter.write(folder.wholeModel(), WholeModels.toPyObject(model));
        }
        CellSummary summary = summary(reason, lastEpoch);
        fitlab.io.AtomicFiles.write(folder.summaryJson(), summary.toJson());
        progress.cellDone(folder.id(), summary.stopReason());
        return summary;
    }

    private MetricsRow measure(EpochEvaluator evaluation, int epoch, double lr, double seconds) {
        List<EvalResult> results = evaluation.evaluate(List.of(data.splits().train(), data.splits().validation(), data.splits().test()));
        EvalResult train = results.get(0);
        EvalResult validation = results.get(1);
        EvalResult test = results.get(2);
        return new MetricsRow(epoch, train.loss(), validation.loss(), test.loss(),
                train.accuracy().orElse(Double.NaN), validation.accuracy().orElse(Double.NaN), test.accuracy().orElse(Double.NaN),
                lr, seconds);
    }

    private Checkpoint checkpoint(int epoch, SessionState state, MetricsRow row) {
        LinkedHashMap<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_loss", row.trainLoss());
        metrics.put("validation_loss", row.validationLoss());
        metrics.put("test_loss", row.testLoss());
        if (row.hasAccuracy()) {
            metrics.put("train_accuracy", row.trainAccuracy());
            metrics.put("validation_accuracy", row.validationAccuracy());
            metrics.put("test_accuracy", row.testAccuracy());
        }
        LinkedHashMap<String, long[]> rng = new LinkedHashMap<>();
        Map<String, Object> optimizer = null;
        if (state != null) {
            rng.put("shuffle", state.shuffleRng());
            rng.put("dropout", state.dropoutRng());
            optimizer = new LinkedHashMap<>(state.optimizerState());
        }
        return new Checkpoint(epoch, model.stateDict(), optimizer, metrics, model.spec().toMap(), rng, stopping.snapshot(),
                config, Checkpoints.modulePrefixes(model));
    }

    private CellSummary summary(StopReason reason, int lastEpoch) {
        List<MetricsRow> rows = MetricsLog.read(folder.metrics());
        int best = stopping.bestEpoch().orElse(lastEpoch);
        double bestValidation = rows.get(best).validationLoss();
        return new CellSummary(folder.id(), cell.values(), reason.key(), lastEpoch, best, bestValidation, stopping.markers(),
                model.parameters().length, data.noiseFloor(), data.dataDir(), cell.config().earlyStopping().monitor());
    }
}
