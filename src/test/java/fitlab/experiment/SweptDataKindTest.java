package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.cli.Cli;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep over data.kind (lesson 13: moons with 2 classes, spiral with 3) is read back from the run folder's
 * experiment.yaml with each cell's own class count, so verify, resume and the report see the data as it was trained
 * (the base's "classes: 2" written out once gave the spiral cells 2 classes on reading back).
 */
class SweptDataKindTest {
    @TempDir
    Path dir;

    @Test
    void theResolvedConfigGivesEachSweptKindItsOwnClassCount() throws Exception {
        Path run = dir.resolve("run");
        Cli.Result r = Cli.run("run", "experiments/13-classification-capacity.yaml", "--quick", "--set", "training.epochs=15",
                "--out", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        Experiment trained = ExperimentLoader.load(Path.of("experiments/13-classification-capacity.yaml"),
                List.of("training.epochs=15"), true);
        Experiment readBack = ExperimentLoader.load(run.resolve("experiment.yaml"), List.of(), false);
        assertEquals(trained.cells().stream().map(c -> c.config().data().classes()).toList(),
                readBack.cells().stream().map(c -> c.config().data().classes()).toList());
        assertTrue(readBack.cells().stream().anyMatch(c -> c.config().data().classes() == 3), "the spiral keeps 3 classes");
        assertFalse(Files.readString(run.resolve("experiment.yaml")).contains("classes:"));
        Cli.Result v = Cli.run("verify", run.toString());
        assertEquals(0, v.exitCode(), v.err());
    }
}
