package fitlab.experiment;

import fitlab.UserError;
import fitlab.config.Cell;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.CheckpointFiles;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.RunLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;

/**
 * {@code fitlab resume RUN_DIR --cell ID}: continues one cell from a checkpoint into
 * {@code cells/<id>@resume-from-<E>/}, never touching the original cell, so the two can be compared line by line.
 */
public final class ContinueService {
    private ContinueService() {}

    /**
     * @param fromEpoch the checkpoint to continue from (default: the newest one)
     * @param epochs    how many epochs to train after it; when given, training goes on past any early-stopping
     *                  point (the lesson: a reloaded model trained without early stopping keeps overfitting);
     *                  when absent, the cell's configured epochs with its early-stopping rules
     */
    public static Path continueCell(Path runDir, String cellId, OptionalInt fromEpoch, OptionalInt epochs, ProgressListener progress) {
        return continueCell(runDir, cellId, fromEpoch, epochs, progress, new RunControl());
    }

    /** As above, stoppable cleanly through {@code control} (the cell stops after a complete checkpoint). */
    public static Path continueCell(Path runDir, String cellId, OptionalInt fromEpoch, OptionalInt epochs, ProgressListener progress,
                              RunControl control) {
        RunFolder run = RunFolder.existing(runDir);
        try (RunLock lock = RunLock.acquire(run.root())) {
            return continueLocked(run, cellId, fromEpoch, epochs, progress, control);
        }
    }

    private static Path continueLocked(RunFolder run, String cellId, OptionalInt fromEpoch, OptionalInt epochs, ProgressListener progress,
                                     RunControl control) {
        Experiment experiment = ExperimentLoader.loadRunFolder(run.experimentYaml());
        Cell cell = experiment.cell(cellId);
        CellFolder source = run.cell(cellId);
        int from = fromEpoch.isPresent() ? fromEpoch.getAsInt() : newestCheckpoint(source);
        Path checkpoint = source.checkpoint(from);
        if (!Files.isRegularFile(checkpoint)) {
            throw new UserError(checkpoint + ": no checkpoint for epoch " + from + " (checkpoint.every / keep may have skipped or pruned it)");
        }
        CellFolder target = target(run, cellId, from);
        if (Files.exists(target.root())) {
            throw new UserError(target.root() + ": already exists; a resumed cell is never overwritten");
        }
        int until = epochs.isPresent() ? from + epochs.getAsInt() : cell.config().training().epochs();
        if (until <= from) {
            throw new UserError("nothing to train: epoch " + from + " is already at or past epoch " + until + " (pass --epochs N)");
        }
        DataPlan data = DataPlan.read(experiment.cells(), run);
        continueInto(run, cell, data, from, target, until, epochs.isEmpty(), progress, control);
        return target.root();
    }

    /** The folder a cell continued from epoch {@code from} goes to. */
    static CellFolder target(RunFolder run, String cellId, int from) {
        return run.cell(cellId + "@resume-from-" + from);
    }

    /**
     * The one way a cell is continued into a new folder, shared by {@code fitlab resume} and a run's
     * {@code early_stopping.continue_after_stop}, so the two write the same files.
     */
    static CellSummary continueInto(RunFolder run, Cell cell, DataPlan data, int from, CellFolder target, int until,
                                    boolean honourStop, ProgressListener progress, RunControl control) {
        CellFolder source = run.cell(cell.id());
        progress.start(until - from, 1);
        try {
            return new CellRunner(run, run.root(), progress, control).continueFrom(cell, data.forCell(cell.id()), source.checkpoint(from),
                    source, target, until, honourStop);
        } finally {
            progress.finish();
        }
    }

    static int newestCheckpoint(CellFolder cell) {
        List<Integer> epochs = CheckpointFiles.epochs(cell);
        if (epochs.isEmpty()) {
            throw new UserError(cell.checkpoints() + ": no checkpoints to resume from");
        }
        return epochs.get(epochs.size() - 1);
    }
}
