package fitlab.report;

import fitlab.checkpoint.Checkpoints;
import fitlab.data.DatasetFiles;
import fitlab.data.Splits;
import fitlab.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Models and data read back from a cell's files: what the fit and boundary charts draw. */
final class FittedModels {
    private static final Pattern EPOCH_FILE = Pattern.compile("epoch-(\\d+)\\.pth");

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
        List<Integer> out = new ArrayList<>();
        Path dir = c.folder().checkpoints();
        if (!Files.isDirectory(dir)) {
            return out;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(p -> {
                Matcher mt = EPOCH_FILE.matcher(p.getFileName().toString());
                if (mt.matches()) {
                    out.add(Integer.parseInt(mt.group(1)));
                }
            });
        } catch (java.io.IOException e) {
            throw new fitlab.UserError(dir + ": cannot list checkpoints: " + e.getMessage());
        }
        out.sort(null);
        return out;
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
