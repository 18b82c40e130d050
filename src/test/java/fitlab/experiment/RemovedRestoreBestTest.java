package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.cli.FitlabCommand;
import fitlab.config.ConfigWriter;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.runfolder.Fingerprint;
import fitlab.runfolder.RunFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code early_stopping.restore_best} never changed a run and was removed: a new experiment file that sets it is a
 * one-line user error, while a run folder an older fitlab wrote (its experiment.yaml has the key) still reports,
 * verifies and resumes.
 */
class RemovedRestoreBestTest {
    private static final String YAML = """
            name: removed-key
            data: {kind: regression1d, function: sin(2*pi*x), x: [0, 1], noise: 0.1, train: 10, validation: 10, test: 20}
            model: {kind: polynomial, degree: 2}
            training: {optimizer: adam, lr: 0.05, epochs: 4}
            """;

    private record Result(int code, String out, String err) {}

    private static Result fitlab(String... args) {
        CommandLine cl = FitlabCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void aNewFileSettingItIsAOneLineErrorAtItsLineAndColumnAndNothingIsWritten(@TempDir Path dir) throws Exception {
        for (String value : List.of("false", "true")) {
            Path yaml = dir.resolve("e-" + value + ".yaml");
            Files.writeString(yaml, YAML + "early_stopping:\n  patience: 3\n  restore_best: " + value + "\n");
            Path out = dir.resolve("run-" + value);
            Result r = fitlab("run", yaml.toString(), "--out", out.toString(), "--no-report");
            assertEquals(2, r.code(), r.err());
            String err = r.err().strip();
            assertEquals(1, err.lines().count(), err);
            assertTrue(err.contains(yaml + ":7:17: early_stopping.restore_best: was removed"), err);
            assertTrue(err.contains("best.pth") && err.contains("last.pth") && err.contains("delete this line"), err);
            assertFalse(err.contains("Exception"), err);
            assertFalse(Files.exists(out), "nothing is written before the config is valid");
        }
    }

    @Test
    void theResolvedConfigNoLongerWritesIt(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, YAML);
        Experiment e = ExperimentLoader.load(yaml, List.of(), false);
        assertFalse(ConfigWriter.toYaml(e).contains("restore_best"));
        assertFalse(ConfigWriter.toMap(e.base()).toString().contains("restore_best"));
    }

    @Test
    void anOlderRunFolderWhoseExperimentYamlHasItStillReportsVerifiesAndResumes(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, YAML);
        Path out = dir.resolve("run");
        assertEquals(0, fitlab("run", yaml.toString(), "--out", out.toString(), "--no-report").code());
        RunFolder run = RunFolder.existing(out);
        String resolved = Files.readString(run.experimentYaml());
        Experiment current = ExperimentLoader.loadRunFolder(run.experimentYaml());
        // what an older fitlab wrote: the key right after patience, as ConfigWriter used to place it
        String older = resolved.replaceFirst("(?m)^(\\s+)patience: (\\d+)\\n", "$1patience: $2\n$1restore_best: false\n");
        assertTrue(older.contains("  restore_best: false\n"), older);
        Files.writeString(run.experimentYaml(), older);
        Fingerprint.record(run); // as that older run recorded it, so run --resume accepts the folder

        assertEquals(current.cells(), ExperimentLoader.loadRunFolder(run.experimentYaml()).cells(),
                "the key is dropped: the same cells as without it");
        Result verify = fitlab("verify", out.toString());
        assertEquals(0, verify.code(), verify.err());
        Result resume = fitlab("run", "--resume", out.toString(), "--no-report");
        assertEquals(0, resume.code(), resume.err());
        Result report = fitlab("report", out.toString());
        assertEquals(0, report.code(), report.err());
        assertTrue(Files.isRegularFile(run.reportDir().resolve("index.html")));
    }
}
