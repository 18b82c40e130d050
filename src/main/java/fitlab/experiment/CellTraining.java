package fitlab.experiment;

import fitlab.checkpoint.Checkpoint;
import fitlab.checkpoint.Checkpoints;
import fitlab.checkpoint.WholeModels;
import fitlab.config.ConfigWriter;
import fitlab.experiment.checkpoints.Retention;
import fitlab.pth.PthWriter;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.train.SessionState;
import fitlab.train.stopping.Decision;
import fitlab.train.stopping.EarlyStopping;
import fitlab.train.stopping.StopReason;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The epoch loop of one cell: train, evaluate every split in eval mode, append the metrics line, feed early
 * stopping, write the epoch's checkpoint. Epoch 0 is the initial weights (measured, checkpointed, not trained).
 * Nothing here depends on whether the cell started fresh or was restored from a checkpoint: that is what makes
 * finishing an interrupted run, or continuing a cell, bit-identical.
 */
final class CellTraining {
    private final CellSetup setup;
    private final CellFolder folder;
    private final EarlyStopping stopping;
    private final ProgressListener progress;
    private final RunControl control;
    private final int evalHelpers;
    private final Map<String, Object> config;
    /** The rows this object logged, in the order it logged them. */
    private final List<MetricsRow> logged = new java.util.ArrayList<>();

    /** @param evalHelpers threads the cell may use, besides its own, to evaluate its splits after every epoch */
    CellTraining(CellSetup setup, ProgressListener progress, RunControl control, int evalHelpers) {
        this.setup = setup;
        this.folder = setup.folder();
        this.stopping = setup.stopping();
        this.progress = progress;
        this.control = control;
        this.evalHelpers = evalHelpers;
        this.config = ConfigWriter.toMap(setup.cell().config());
    }

    /** The best epoch early stopping has seen so far (-1 before any); after a restore, the one best.pth holds. */
    int bestEpoch() {
        return stopping.bestEpoch().orElse(-1);
    }

    /** The last epoch the cell's config asks for. */
    int configuredEpochs() {
        return setup.recipe().training().epochs();
    }

    /**
     * Runs epochs {@code first..last}. With {@code honourStop}, training ends where early stopping says stop (with
     * {@code action: stop}) or at divergence; without, it trains on (a continued model that keeps overfitting), and
     * early stopping, once it has ended, is no longer fed.
     */
    CellSummary train(int first, int last, boolean honourStop) {
        return train(first, last, honourStop, new Retention(setup.cell().config().checkpoint(), folder));
    }

    /**
     * Runs epochs {@code first..last} with the given retention state. A cell whose early stopping already ended
     * it (an interrupted run that had stopped, or diverged, at its last checkpoint) is only finished off.
     */
    CellSummary train(int first, int last, boolean honourStop, Retention retention) {
        // a continuation past the stop (honourStop false) that trains all its epochs completed them: the reason the
        // original run stopped belongs to that run, not to this one
        StopReason reason = honourStop && stopping.ended() ? stopping.stopReason().orElse(StopReason.COMPLETED) : StopReason.COMPLETED;
        int lastEpoch = first - 1;
        long start = System.nanoTime();
        // closing the retention waits for the checkpoint writer: on every way out, nothing is still being written
        try (retention; EpochMeter meter = meter(retention);
                MetricsLog.Appender metrics = MetricsLog.appender(folder.metrics())) {
            for (int epoch = first; epoch <= last && !(honourStop && stopping.ended()); epoch++) {
                if (epoch > 0) {
                    setup.fitting().epoch();
                }
                MetricsRow row = meter.measure(epoch, (System.nanoTime() - start) / 1e9);
                metrics.append(row);
                logged.add(row);
                Optional<StopReason> stop = stopAfter(epoch, row, honourStop);
                Supplier<Checkpoint> checkpoint = checkpointNow(epoch, row);
                retention.epochDone(epoch, stop.isPresent() || epoch == last, bestEpoch(), checkpoint);
                progress.epochLogged(folder.id(), row, bestEpoch(), stopping.markers());
                progress.epochDone();
                lastEpoch = epoch;
                if (stop.isPresent()) {
                    reason = stop.get();
                    break;
                }
                if (control.stopRequested()) {
                    retention.ensureWritten(epoch, checkpoint);
                    throw new RunControl.Interrupted("cell " + folder.id() + " stopped after epoch " + epoch);
                }
            }
            retention.finish(lastEpoch);
        }
        return finish(reason, lastEpoch);
    }

    private EpochMeter meter(Retention retention) {
        double lr = setup.recipe().optimizer().map(o -> o.lr()).orElse(Double.NaN);
        return new EpochMeter(setup.model(), setup.loss(), setup.data(), lr, evalHelpers, retention::writerIdle);
    }

    /** Feeds early stopping, while it has not ended: the reason to stop after this epoch, if there is one. */
    private Optional<StopReason> stopAfter(int epoch, MetricsRow row, boolean honourStop) {
        if (stopping.ended()) {
            return Optional.empty();
        }
        String monitor = setup.cell().config().earlyStopping().monitor();
        Decision decision = stopping.update(epoch, row.trainLoss(), row.validationLoss(), row.monitored(monitor));
        if (decision.stop() && (honourStop || decision.reason().orElse(null) == StopReason.DIVERGED)) {
            return Optional.of(decision.reason().orElse(StopReason.PATIENCE));
        }
        return Optional.empty();
    }

    /**
     * This epoch's checkpoint, built when the retention asks for it: in this epoch's step, before the next epoch
     * trains ({@link Retention#epochDone}, {@link Retention#ensureWritten}), so the weights, the optimizer state and
     * the random streams it reads are this epoch's. Built only then: capturing the optimizer state at every epoch,
     * for the one in {@code checkpoint.every} that is written, was a tenth of a polynomial cell's time.
     */
    private Supplier<Checkpoint> checkpointNow(int epoch, MetricsRow row) {
        return () -> checkpoint(epoch, setup.fitting().state(), row);
    }

    private Checkpoint checkpoint(int epoch, Optional<SessionState> state, MetricsRow row) {
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
        if (state.isPresent()) {
            rng.put("shuffle", state.get().shuffleRng());
            rng.put("dropout", state.get().dropoutRng());
            optimizer = new LinkedHashMap<>(state.get().optimizerState());
        }
        return new Checkpoint(epoch, setup.model().stateDict(), optimizer, metrics, setup.model().spec().toMap(), rng,
                stopping.snapshot(), config, Checkpoints.modulePrefixes(setup.model()));
    }

    /** The rows this object appended to metrics.csv, in order: all of them for a cell trained from epoch 0. */
    List<MetricsRow> loggedRows() {
        return java.util.Collections.unmodifiableList(logged);
    }

    /**
     * The row metrics.csv holds for {@code epoch}: kept from this session's epochs (reading the file back parsed
     * every number of the cell once more), read from the file for an epoch an earlier session logged.
     */
    private MetricsRow loggedRow(int epoch) {
        if (!logged.isEmpty() && epoch >= logged.get(0).epoch() && epoch <= logged.get(logged.size() - 1).epoch()) {
            MetricsRow row = logged.get(epoch - logged.get(0).epoch());
            if (row.epoch() == epoch) {
                return row;
            }
        }
        return MetricsLog.read(folder.metrics()).get(epoch);
    }

    /** After the last epoch: the whole-model file if asked for, then summary.json. */
    private CellSummary finish(StopReason reason, int lastEpoch) {
        if (setup.cell().config().checkpoint().wholeModel()) {
            PthWriter.write(folder.wholeModel(), WholeModels.toPyObject(setup.model()));
        }
        int best = stopping.bestEpoch().orElse(lastEpoch);
        double bestValidation = loggedRow(best).validationLoss();
        CellSummary summary = new CellSummary(folder.id(), setup.cell().values(), reason.key(), lastEpoch, best, bestValidation,
                stopping.markers(), setup.model().parameters().length, setup.data().noiseFloor(), setup.data().dataDir(),
                setup.cell().config().earlyStopping().monitor());
        fitlab.io.AtomicFiles.write(folder.summaryJson(), summary.toJson());
        progress.cellDone(folder.id(), summary.stopReason());
        return summary;
    }
}
