package fitlab.config;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExperimentLoaderTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    private UserError fails(String yaml, String... sets) throws IOException {
        Path f = write(yaml);
        return assertThrows(UserError.class, () -> ExperimentLoader.load(f, List.of(sets), false));
    }

    @Test
    void bundledLessonOneLoadsWithDefaultsFilled() {
        Experiment e = ExperimentLoader.load(Path.of("experiments/01-polynomial-degree.yaml"), List.of(), false);
        assertEquals("polynomial-degree", e.base().name());
        assertEquals(15, e.cells().size());
        assertEquals("degree=1", e.cells().get(0).id());
        assertEquals(15, e.cells().get(14).config().model().degree());
        assertEquals(0.1, e.base().data().noise());
        assertEquals(0.999, e.base().training().beta2());
        assertFalse(e.base().question().zh().isBlank());
    }

    @Test
    void anEmptyEarlyStoppingSectionIsTheStoppingRulesOwnDefaults() throws IOException {
        Experiment e = ExperimentLoader.load(write("name: d\n"), List.of(), false);
        assertEquals(fitlab.train.stopping.EarlyStoppingConfig.DEFAULTS, e.base().earlyStopping(),
                "the binder fills early_stopping from EarlyStoppingConfig.DEFAULTS, not from literals of its own");
    }

    @Test
    void earlyStoppingEnumsAreReadIntoTheStoppingRulesTypes() throws IOException {
        Experiment e = ExperimentLoader.load(write("""
                early_stopping:
                  mode: max
                  stop_on: up
                  action: stop
                  strip_length: 2
                """), List.of(), false);
        var s = e.base().earlyStopping();
        assertEquals(fitlab.train.stopping.MonitorMode.MAX, s.mode());
        assertEquals(fitlab.train.stopping.StopCriterion.UP, s.stopOn());
        assertEquals(fitlab.train.stopping.StopAction.STOP, s.action());
        assertEquals(2, s.prechelt().stripLength());
        UserError bad = fails("early_stopping:\n  stop_on: pqq\n");
        assertTrue(bad.getMessage().contains("early_stopping.stop_on") && bad.getMessage().contains("patience | gl | pq | up"),
                bad.getMessage());
    }

    @Test
    void sweepIsCartesianInStableOrder() throws IOException {
        Path f = write("""
                sweep:
                  model.degree: [1, 3]
                  seed: [0, 1, 2]
                """);
        Experiment e = ExperimentLoader.load(f, List.of(), false);
        assertEquals(List.of("degree=1,seed=0", "degree=1,seed=1", "degree=1,seed=2",
                "degree=3,seed=0", "degree=3,seed=1", "degree=3,seed=2"),
                e.cells().stream().map(Cell::id).toList());
        assertEquals(2, e.cells().get(2).config().seed());
        assertEquals(3, e.cells().get(3).config().model().degree());
    }

    @Test
    void setOverridesAnyFieldAndReplacesASweptOne() throws IOException {
        Path f = write("""
                model:
                  degree: 2
                sweep:
                  model.degree: [1, 3]
                """);
        Experiment e = ExperimentLoader.load(f, List.of("model.degree=7", "training.lr=0.5", "data.x=[-1, 2]"), false);
        assertEquals(1, e.cells().size());
        assertEquals(7, e.cells().get(0).config().model().degree());
        assertEquals(0.5, e.base().training().lr());
        assertEquals(-1, e.base().data().xMin());
        Experiment s = ExperimentLoader.load(f, List.of("sweep.model.degree=[5,6,9]"), false);
        assertEquals(List.of("degree=5", "degree=6", "degree=9"), s.cells().stream().map(Cell::id).toList());
    }

    @Test
    void quickAppliesTheFilesQuickSection() {
        Experiment e = ExperimentLoader.load(Path.of("experiments/01-polynomial-degree.yaml"), List.of(), true);
        assertEquals(1000, e.base().training().epochs());
        assertEquals(List.of("degree=1", "degree=4", "degree=15"), e.cells().stream().map(Cell::id).toList());
    }

    @Test
    void resolvedConfigReadsBackToTheSameCells() throws IOException {
        Experiment e = ExperimentLoader.load(Path.of("experiments/01-polynomial-degree.yaml"), List.of("seed=3"), true);
        Path resolved = dir.resolve("experiment.yaml");
        Files.writeString(resolved, ConfigWriter.toYaml(e));
        Experiment again = ExperimentLoader.load(resolved, List.of(), false);
        assertEquals(e.cells(), again.cells());
    }

    @Test
    void unknownKeyNamesFileLineColumnAndSuggests() throws IOException {
        UserError e = fails("""
                data:
                  noise: 0.1
                  trian: 30
                """);
        assertTrue(e.getMessage().startsWith(dir.resolve("exp.yaml") + ":3:3: data.trian: unknown key"), e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'train'?"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "data:\\n  noise: -0.1|2:10|data.noise|must be >= 0",
        "model:\\n  degree: -1|2:11|model.degree|must be between 1 and",
        "model:\\n  degree: 0|2:11|model.degree|must be between 1 and",
        "training:\\n  lr: 0|2:7|training.lr|must be > 0",
        "training:\\n  lr: -3|2:7|training.lr|must be > 0",
        "data:\\n  train: 0|2:10|data.train|must be between 1",
        "data:\\n  test: -5|2:9|data.test|must be between 1",
        "data:\\n  x: [1, 1]|2:6|data.x|range is empty",
        "data:\\n  x: [2, 1]|2:6|data.x|range is empty",
        "model:\\n  degree: four|2:11|model.degree|expected a whole number",
        "training:\\n  epochs: 1.5|2:11|training.epochs|expected a whole number",
        "training:\\n  optimizer: adamm|2:14|training.optimizer|did you mean 'adam'",
        "training:\\n  batch: half|2:10|training.batch|expected 'full' or a batch size",
        "model:\\n  kind: mlp\\n  hidden: [8, 0]|3:15|model.hidden|must be between 1",
        "report:\\n  language: fr|2:13|report.language|expected en | zh",
        "checkpoint:\\n  keep: some|2:9|checkpoint.keep|expected all | last | best",
        "model:\\n  dropout: 1.0|2:12|model.dropout|must be < 1",
    })
    void badValuesNameFileLineAndField(String yaml, String lineCol, String field, String problem) throws IOException {
        UserError e = fails(yaml.replace("\\n", "\n"));
        String expected = dir.resolve("exp.yaml") + ":" + lineCol + ": " + field + ": ";
        assertTrue(e.getMessage().startsWith(expected), () -> "expected prefix " + expected + " in: " + e.getMessage());
        assertTrue(e.getMessage().contains(problem), e.getMessage());
        assertFalse(e.getMessage().contains("\n"), "one line");
    }

    @Test
    void missingRequiredPathForCsvData() throws IOException {
        UserError e = fails("data:\n  kind: csv\n");
        assertTrue(e.getMessage().contains(":2:3: data.path: required value is missing"), e.getMessage());
    }

    @Test
    void badSweepValueIsReportedAtTheSweep() throws IOException {
        UserError e = fails("sweep:\n  model.degree: [1, -2]\n");
        assertTrue(e.getMessage().contains(":2:21: model.degree: must be between 1"), e.getMessage());
    }

    @Test
    void badSetValueNamesTheFlag() throws IOException {
        UserError e = fails("seed: 1\n", "training.lr=-1");
        assertTrue(e.getMessage().startsWith("--set training.lr=-1: training.lr: must be > 0"), e.getMessage());
        UserError typo = fails("seed: 1\n", "modle.degree=3");
        assertTrue(typo.getMessage().contains("modle: unknown key (did you mean 'model'?)"), typo.getMessage());
    }

    @Test
    void invalidYamlSyntaxHasAPosition() throws IOException {
        UserError e = fails("data:\n  noise: [0.1\n");
        assertTrue(e.getMessage().startsWith(dir.resolve("exp.yaml") + ":"), e.getMessage());
        assertTrue(e.getMessage().contains("invalid YAML"), e.getMessage());
    }

    @Test
    void relativeFilePathsResolveAgainstTheExperimentsFolder() throws IOException {
        Path f = write("data:\n  kind: csv\n  path: points\nmodel:\n  kind: mlp\n  init: ../weights/init.pth\n");
        Experiment e = ExperimentLoader.load(f, List.of(), false);
        assertEquals(dir.resolve("points").toString(), e.base().data().path());
        assertEquals(dir.getParent().resolve("weights/init.pth").toString(), e.base().model().init().orElseThrow());
        Path resolved = dir.resolve("elsewhere/experiment.yaml");
        Files.createDirectories(resolved.getParent());
        Files.writeString(resolved, ConfigWriter.toYaml(e));
        assertEquals(e.cells(), ExperimentLoader.load(resolved, List.of(), false).cells(), "a run folder's copy finds the same files");
    }

    @Test
    void missingFileIsAUserError() {
        UserError e = assertThrows(UserError.class, () -> ExperimentLoader.load(dir.resolve("nope.yaml"), List.of(), false));
        assertTrue(e.getMessage().contains("nope.yaml: no such file"));
    }
}
