package fitlab.experiment;

import fitlab.UserError;
import fitlab.checkpoint.Checkpoint;
import fitlab.checkpoint.Checkpoints;
import fitlab.checkpoint.InitialWeights;
import fitlab.config.Cell;
import fitlab.config.ExperimentConfig;
import fitlab.experiment.checkpoints.Retention;
import fitlab.model.Model;
import fitlab.model.Models;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.CheckpointFiles;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.runfolder.RunFolder;
import fitlab.train.Loss;
import fitlab.train.Optimizer;
import fitlab.train.SessionState;
import fitlab.train.TrainingSession;
import fitlab.train.stopping.EarlyStopping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts a cell from its initial weights, or continues one from a checkpoint, and trains it with {@link CellTraining}.
 * One cell runs on one thread and draws only from its own streams, so its results do not depend on other cells.
 */
final class CellRunner {
    private final RunFolder run;
    private final Path experimentDir;
    private final ProgressListener progress;
    private final RunControl control;
    private final int evalHelpers;
    private final TrainedLogs logs = new TrainedLogs();

    CellRunner(RunFolder run, Path experimentDir, ProgressListener progress, RunControl control) {
        this(run, experimentDir, progress, control, 0);
    }

    /** @param evalHelpers threads each cell may use, besides its own, to evaluate its splits after every epoch */
    CellRunner(RunFolder run, Path experimentDir, ProgressListener progress, RunControl control, int evalHelpers) {
        this.run = run;
        this.experimentDir = experimentDir;
        this.progress = progress;
        this.control = control;
        this.evalHelpers = evalHelpers;
    }

    /** Trains a cell from epoch 0 into {@code cells/<id>/}. */
    CellSummary run(Cell cell, CellData data) {
        ExperimentConfig c = cell.config();
        CellFolder folder = prepare(run.cell(cell.id()));
        Recipe recipe = Recipe.of(c, data.splits().train().features(), data.classes());
        Model model = Models.create(recipe.model(), Streams.init(c, recipe.model()));
        c.model().init().ifPresent(p -> model.loadStateDict(InitialWeights.read(experimentDir.resolve(p))));
        Loss loss = Loss.of(recipe.loss(), model.outputs());
        Fitting fitting = recipe.optimizer()
                .<Fitting>map(spec -> new Fitting.GradientTraining(new TrainingSession(model, loss,
                        Optimizer.create(spec, model.parameterSlots()), recipe.training(), data.learnFrom(), Streams.shuffle(c),
                        Streams.dropout(c))))
                .orElseGet(() -> Fitting.closedForm(model, data.learnFrom()));
        MetricsLog.create(folder.metrics(), loss.isClassification());
        CellTraining training = new CellTraining(new CellSetup(cell, data, folder, recipe, model, loss, fitting,
                new EarlyStopping(recipe.stopping())), progress, control, evalHelpers);
        CellSummary summary = training.train(0, recipe.training().epochs(), true);
        logs.keep(cell.id(), training.loggedRows());
        return summary;
    }

    /** The metrics of the cells this runner trained from epoch 0, as they were appended to their metrics.csv. */
    TrainedLogs logs() {
        return logs;
    }

    /**
     * Finishes a cell of an interrupted run in place: from its newest complete checkpoint (metrics after it are
     * dropped, a torn last line included), or from scratch when it has none. The result equals an uninterrupted run's.
     */
    CellSummary finishInterrupted(Cell cell, CellData data) {
        CellFolder folder = run.cell(cell.id());
        List<Integer> epochs = CheckpointFiles.epochs(folder);
        if (epochs.isEmpty()) {
            deleteTree(folder.root());
            return run(cell, data);
        }
        // the newest checkpoint whose metrics row is complete (a row torn after its checkpoint was written, e.g. by a
        // full disk, is measured again)
        List<MetricsRow> logged = Files.isRegularFile(folder.metrics()) ? MetricsLog.read(folder.metrics()) : List.of();
        int lastLogged = logged.isEmpty() ? -1 : logged.get(logged.size() - 1).epoch();
        epochs = epochs.stream().filter(e -> e <= lastLogged).toList();
        if (epochs.isEmpty()) {
            deleteTree(folder.root());
            return run(cell, data);
        }
        int from = epochs.get(epochs.size() - 1);
        Checkpoint checkpoint = Checkpoints.read(folder.checkpoint(from));
        MetricsLog.truncateAfter(folder.metrics(), from);
        CellTraining training = restore(cell, data, checkpoint, folder.checkpoint(from), folder);
        Retention retention = Retention.continuing(cell.config().checkpoint(), folder, from, training.bestEpoch());
        return training.train(from + 1, training.configuredEpochs(), true, retention);
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UserError("cannot clear " + root + ": " + e.getMessage());
        }
    }

    /**
     * Continues a cell from the checkpoint of {@code fromEpoch} into {@code target} (a new folder), rebuilding the
     * model, optimizer, random streams and early-stopping state from the file alone. The metrics of epochs
     * 0..fromEpoch are copied, so the new metrics.csv continues the numbering.
     *
     * @param untilEpoch   the last epoch to train
     * @param honourStop   stop where early stopping says so (as the original run would); false trains on regardless
     */
    CellSummary continueFrom(Cell cell, CellData data, Path checkpointFile, CellFolder source, CellFolder target, int untilEpoch,
                       boolean honourStop) {
        Checkpoint checkpoint = Checkpoints.read(checkpointFile);
        prepare(target);
        copyMetrics(source.metrics(), target.metrics(), checkpoint.epoch());
        return restore(cell, data, checkpoint, checkpointFile, target).train(checkpoint.epoch() + 1, untilEpoch, honourStop);
    }

    /** A cell's training state rebuilt from a checkpoint alone: weights, optimizer, random streams, early stopping. */
    private CellTraining restore(Cell cell, CellData data, Checkpoint checkpoint, Path checkpointFile, CellFolder into) {
        int fromEpoch = checkpoint.epoch();
        ExperimentConfig c = cell.config();
        Recipe recipe = Recipe.of(c, data.splits().train().features(), data.classes());
        Model model = Checkpoints.rebuild(checkpoint);
        Loss loss = Loss.of(recipe.loss(), model.outputs());
        Fitting fitting = recipe.optimizer().<Fitting>map(spec -> {
            Optimizer optimizer = Optimizer.create(spec, model.parameterSlots());
            SessionState state = new SessionState(fromEpoch, new java.util.LinkedHashMap<>(checkpoint.optimizerStateDict()),
                    rng(checkpoint, "shuffle", checkpointFile), rng(checkpoint, "dropout", checkpointFile));
            return new Fitting.GradientTraining(TrainingSession.restore(model, loss, optimizer, recipe.training(), data.learnFrom(), state));
        }).orElseGet(() -> Fitting.closedForm(model, data.learnFrom()));
        EarlyStopping stopping = EarlyStopping.restore(recipe.stopping(), checkpoint.earlyStopping());
        return new CellTraining(new CellSetup(cell, data, into, recipe, model, loss, fitting, stopping), progress, control, evalHelpers);
    }

    private static long[] rng(Checkpoint c, String name, Path file) {
        long[] s = c.rngState().get(name);
        if (s == null) {
            throw new UserError(file + ": rng_state has no '" + name + "' stream; cannot resume training from it");
        }
        return s;
    }

    private static void copyMetrics(Path from, Path to, int lastEpoch) {
        List<MetricsRow> rows = MetricsLog.read(from);
        MetricsLog.create(to, !rows.isEmpty() && rows.get(0).hasAccuracy());
        try (MetricsLog.Appender out = MetricsLog.appender(to)) {
            for (MetricsRow r : rows) {
                if (r.epoch() <= lastEpoch) {
                    out.append(r);
                }
            }
        }
    }

    private static CellFolder prepare(CellFolder folder) {
        try {
            Files.createDirectories(folder.checkpoints());
        } catch (IOException e) {
            throw new UserError("cannot create " + folder.checkpoints() + ": " + e.getMessage());
        }
        return folder;
    }
}
