package fitlab.experiment;

import fitlab.UserError;
import fitlab.checkpoint.Checkpoint;
import fitlab.checkpoint.Checkpoints;
import fitlab.config.Cell;
import fitlab.config.ConfigWriter;
import fitlab.config.ExperimentConfig;
import fitlab.data.Dataset;
import fitlab.model.Model;
import fitlab.model.Models;
import fitlab.model.PolynomialModel;
import fitlab.random.Rng;
import fitlab.train.EvalResult;
import fitlab.train.Evaluation;
import fitlab.train.LeastSquares;
import fitlab.train.Loss;
import fitlab.train.Optimizer;
import fitlab.train.SessionState;
import fitlab.train.TrainingSession;
import fitlab.train.stopping.Decision;
import fitlab.train.stopping.EarlyStopping;
import fitlab.train.stopping.StopReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains one cell epoch by epoch: evaluates every split in eval mode, appends the metrics line, feeds early
 * stopping, and writes the epoch's checkpoint. Epoch 0 is the initial weights. One cell runs on one thread and
 * draws only from its own streams, so its results do not depend on what other cells do.
 */
final class CellRunner {
    private final RunFolder run;
    private final Path experimentDir;
    private final ProgressListener progress;

    CellRunner(RunFolder run, Path experimentDir, ProgressListener progress) {
        this.run = run;
        this.experimentDir = experimentDir;
        this.progress = progress;
    }

    CellSummary run(Cell cell, CellData data) {
        ExperimentConfig c = cell.config();
        CellFolder folder = run.cell(cell.id());
        try {
            Files.createDirectories(folder.checkpoints());
        } catch (IOException e) {
            throw new UserError("cannot create " + folder.checkpoints() + ": " + e.getMessage());
        }
        Recipe recipe = Recipe.of(c, data.splits().train().features(), data.classes());
        Model model = initialModel(c, recipe);
        Loss loss = Loss.of(recipe.loss(), model.outputs());
        Map<String, Object> config = ConfigWriter.toMap(c);
        boolean accuracy = loss.isClassification();
        MetricsLog.create(folder.metrics(), accuracy);
        Retention retention = new Retention(c.checkpoint(), folder);
        EarlyStopping stopping = new EarlyStopping(recipe.stopping());

        TrainingSession session = recipe.optimizer()
                .map(spec -> new TrainingSession(model, loss, Optimizer.create(spec, model.parameterSlots()), recipe.training(),
                        data.learnFrom(), Streams.shuffle(c), Streams.dropout(c)))
                .orElse(null);
        double lr = recipe.optimizer().map(o -> o.lr()).orElse(Double.NaN);
        long start = System.nanoTime();
        int epochs = recipe.training().epochs();
        StopReason reason = StopReason.COMPLETED;
        int lastEpoch = 0;
        for (int epoch = 0; epoch <= epochs; epoch++) {
            if (epoch > 0) {
                if (session != null) {
                    session.trainEpoch();
                } else {
                    LeastSquares.fit((PolynomialModel) model, data.learnFrom());
                }
            }
            MetricsRow row = measure(epoch, model, loss, data, lr, (System.nanoTime() - start) / 1e9);
            MetricsLog.append(folder.metrics(), row);
            Decision decision = stopping.update(epoch, row.trainLoss(), row.validationLoss(), monitored(c, row));
            boolean last = decision.stop() || epoch == epochs;
            SessionState state = session != null ? session.state() : null;
            int current = epoch;
            retention.epochDone(epoch, last, stopping.bestEpoch().orElse(-1),
                    () -> checkpoint(current, model, state, row, stopping, config));
            progress.epochDone();
            lastEpoch = epoch;
            if (decision.stop()) {
                reason = decision.reason().orElse(StopReason.PATIENCE);
                break;
            }
        }
        retention.finish(lastEpoch);
        CellSummary summary = summary(cell, stopping, reason, lastEpoch, model, data, c);
        Checkpoints.writeBytes(summary.toJson(), folder.summaryJson());
        progress.cellDone(cell.id(), summary.stopReason());
        return summary;
    }

    private Model initialModel(ExperimentConfig c, Recipe recipe) {
        Model model = Models.create(recipe.model(), Streams.init(c, recipe.model()));
        c.model().init().ifPresent(p -> model.loadStateDict(InitialWeights.read(experimentDir.resolve(p))));
        return model;
    }

    private static MetricsRow measure(int epoch, Model model, Loss loss, CellData data, double lr, double seconds) {
        EvalResult train = Evaluation.of(model, loss, data.splits().train());
        EvalResult validation = Evaluation.of(model, loss, data.splits().validation());
        EvalResult test = Evaluation.of(model, loss, data.splits().test());
        return new MetricsRow(epoch, train.loss(), validation.loss(), test.loss(),
                train.accuracy().orElse(Double.NaN), validation.accuracy().orElse(Double.NaN), test.accuracy().orElse(Double.NaN),
                lr, seconds);
    }

    static double monitored(ExperimentConfig c, MetricsRow row) {
        return switch (c.earlyStopping().monitor()) {
            case "train_loss" -> row.trainLoss();
            case "validation_accuracy" -> row.validationAccuracy();
            case "train_accuracy" -> row.trainAccuracy();
            default -> row.validationLoss();
        };
    }

    private static Checkpoint checkpoint(int epoch, Model model, SessionState state, MetricsRow row, EarlyStopping stopping,
                                         Map<String, Object> config) {
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

    private CellSummary summary(Cell cell, EarlyStopping stopping, StopReason reason, int lastEpoch, Model model,
                                CellData data, ExperimentConfig c) {
        List<MetricsRow> rows = MetricsLog.read(run.cell(cell.id()).metrics());
        int best = stopping.bestEpoch().orElse(lastEpoch);
        double bestValidation = rows.get(best).validationLoss();
        List<Marker> markers = stopping.markers().stream()
                .map(m -> new Marker(m.name(), m.epoch(), m.value(), m.explanation())).toList();
        return new CellSummary(cell.id(), cell.values(), reason.key(), lastEpoch, best, bestValidation, markers,
                model.parameters().length, data.noiseFloor(), data.dataDir(), c.earlyStopping().monitor());
    }
}
