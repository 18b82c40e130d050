package fitlab.report;

import fitlab.checkpoint.Checkpoints;
import fitlab.data.DatasetFiles;
import fitlab.data.Splits;
import fitlab.model.Model;
import fitlab.runfolder.CheckpointFiles;
import java.util.List;

/** Models and data read back from a cell's files: what the fit and boundary charts draw. */
final class FittedModels {
    private FittedModels() {}

    /** The model training produced at its last epoch ({@code last.pth}). */
    static Model last(CellRun c) {
        return Checkpoints.rebuild(Checkpoints.read(c.folder().last()));
    }

    static Model atEpoch(CellRun c, int epoch) {
        return Checkpoints.rebuild(Checkpoints.read(c.folder().checkpoint(epoch)));
    }

    /** The epochs with a checkpoint file on disk (retention may have deleted some), ascending. */
    static List<Integer> checkpointEpochs(CellRun c) {
        return CheckpointFiles.epochs(c.folder());
    }

    /** The cell's data splits (train, validation, test) from its data folder. */
    static Splits data(LoadedRun run, CellRun c) {
        return DatasetFiles.read(run.folder().root().resolve(c.summary().dataDir()));
    }

    /** A 1-input model's outputs at each x. */
    static double[] predict1d(Model model, double[] x) {
        return model.predict(x, x.length);
    }
}
