package fitlab.report;

import fitlab.config.Experiment;
import fitlab.config.ExperimentConfig;
import fitlab.config.SweepAxis;
import fitlab.runfolder.RunFolder;
import java.util.List;
import java.util.Optional;

/** Everything the reporter reads from a run folder, loaded once: the resolved experiment and every cell. */
public record LoadedRun(RunFolder folder, Experiment experiment, String experimentYaml, List<CellRun> cells) {
    public static final String SEED = "seed";

    public LoadedRun {
        cells = List.copyOf(cells);
    }

    public ExperimentConfig base() {
        return experiment.base();
    }

    public Optional<SweepAxis> axis(String path) {
        return experiment.sweep().stream().filter(a -> a.path().equals(path)).findFirst();
    }

    public boolean sweeps(String path) {
        return axis(path).isPresent();
    }
}
