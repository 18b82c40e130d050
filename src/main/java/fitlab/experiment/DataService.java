package fitlab.experiment;

import fitlab.config.Experiment;
import fitlab.data.DatasetFiles;
import fitlab.runfolder.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code fitlab data}: writes each distinct dataset of an experiment as train/validation/test CSV. */
public final class DataService {
    private DataService() {}

    /** Writes the datasets under {@code out} (as a run folder lays them out) and returns the folders written. */
    public static List<String> write(Experiment experiment, Path out) {
        // the function's errors carry its position, as they do for fitlab run (Preflight)
        experiment.cells().stream().map(c -> c.config().data()).distinct()
                .filter(d -> d.kind() == fitlab.config.DataKind.REGRESSION1D)
                .forEach(d -> Preflight.checkFunction(d, experiment.locationOf("data.function"), experiment.locationOf("data.x")));
        DataPlan plan = DataPlan.build(experiment.cells(), new RunFolder(out), experiment.folder(), false);
        List<String> written = new ArrayList<>();
        for (CellData d : plan.distinct()) {
            Path folder = d.dataDir().equals("data") ? out : out.resolve(d.dataDir().substring("data/".length()));
            DatasetFiles.write(d.splits(), folder);
            written.add(folder.toString());
        }
        return written;
    }
}
