package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run-folder defects of issue 13: a damaged run folder is not resumed as a different experiment; a folder
 * left by a run killed before it wrote its config is reusable and resume says how; verify of a checkpoint that is
 * not there is a user error; Ctrl-C and resume leave exactly the files of an uninterrupted run even off the
 * {@code every} grid; a report refuses a torn metrics.csv.
 */
class RunFolderInputsTest {
    @TempDir
    Path dir;

    static final String YAML = """
            name: inputs
            seed: 5
            data: {kind: regression1d, function: sin(4*x), x: [0, 1], noise: 0.1, train: 20, validation: 20, test: 40}
            model: {kind: mlp, hidden: [6], activation: tanh}
            training: {optimizer: adam, lr: 0.02, epochs: 120}
            early_stopping: {patience: 1000}
            checkpoint: {every: 25}
            sweep:
              model.hidden: [[4], [6]]
            """;

    Path experiment() throws Exception {
        Path yaml = dir.resolve("inputs.yaml");
        Files.writeString(yaml, YAML);
        return yaml;
    }

    Path run(String name) throws Exception {
        Path out = dir.resolve(name);
        Cli.Result r = Cli.run("run", experiment().toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        return out;
    }

    @Test
    void aConfigCutInHalfIsRefusedByResumeAndNothingIsTrained() throws Exception {
        Path out = run("cut");
        Path yaml = out.resolve("experiment.yaml");
        String text = Files.readString(yaml);
        Files.writeString(yaml, text.substring(0, text.length() / 2).replaceFirst("\n[^\n]*$", "\n"));
        TreeSet<String> before = CrashSafetyTest.files(out);
        Cli.Result r = Cli.run("run", "--resume", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("experiment.yaml: has changed since the run started"), r.err());
        assertFalse(r.out().contains("cells already finished"), r.out());
        assertEquals(before, CrashSafetyTest.files(out), "resume wrote or deleted files");
    }

    @Test
    void editedOrMissingDataIsRefusedByResume() throws Exception {
        Path out = run("data");
        Path train = out.resolve("data/train.csv");
        Files.writeString(train, Files.readString(train).replace("\n0.", "\n1."));
        Cli.Result r = Cli.run("run", "--resume", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("data/train.csv: has changed"), r.err());
        Files.delete(train);
        r = Cli.run("run", "--resume", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("data/train.csv: is missing"), r.err());
    }

    @Test
    void aFolderKilledBeforeItsConfigIsReusableAndResumeSaysHow() throws Exception {
        Path yaml = experiment();
        Path out = dir.resolve("first-moment");
        Files.createDirectories(out);
        // what a run killed right after creating its folder leaves: the lock file, command.txt, a torn temp file
        Files.writeString(out.resolve(".lock"), "12345\n");
        Files.writeString(out.resolve("command.txt"), "fitlab run " + yaml + " --out " + out + "\n");
        Files.writeString(out.resolve(".experiment.yaml.123.tmp"), "name: inp");
        Cli.Result resume = Cli.run("run", "--resume", out.toString());
        assertEquals(2, resume.exitCode(), resume.err());
        assertTrue(resume.err().contains("stopped before it started") && resume.err().contains("fitlab run " + yaml + " --out " + out),
                resume.err());
        Cli.Result again = Cli.run("run", yaml.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, again.exitCode(), again.err());
        Path reference = run("reference");
        CrashSafetyTest.assertSameRun(reference, out, "after the first moment");
        assertFalse(Files.exists(out.resolve(".experiment.yaml.123.tmp")));
    }

    @Test
    void theRestartHintAddsOutWhenTheCommandHadNone() throws Exception {
        Path out = dir.resolve("stamped");
        Files.createDirectories(out);
        Files.writeString(out.resolve(".lock"), "");
        Files.writeString(out.resolve("command.txt"), "fitlab run experiments/01-polynomial-degree.yaml --quick\n");
        Cli.Result r = Cli.run("run", "--resume", out.toString());
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("fitlab run experiments/01-polynomial-degree.yaml --quick --out " + out), r.err());
    }

    @Test
    void verifyingACheckpointThatIsNotThereIsAUserErrorNotAFailedCheck() throws Exception {
        Path out = run("verify");
        Cli.Result r = Cli.run("verify", out.toString(), "--epochs", "99999");
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("has no epoch 99999"), r.err());
        assertEquals(0, Cli.run("verify", out.toString(), "--epochs", "0,25").exitCode());
    }

    @Test
    void ctrlCOffTheCheckpointGridThenResumeLeavesExactlyTheUninterruptedFiles() throws Exception {
        Path reference = run("reference");
        Path out = dir.resolve("interrupted");
        RunControl control = new RunControl();
        AtomicInteger epochs = new AtomicInteger();
        ProgressListener stopAt38 = new ProgressListener() {
            @Override public void start(long totalEpochs, int cells) {}
            @Override public void epochDone() {
                if (epochs.incrementAndGet() == 38) { // epoch 37 of the first cell: not a multiple of every: 25
                    control.requestStop();
                }
            }
            @Override public void cellDone(String cellId, String stopReason) {}
            @Override public void message(String line) {}
            @Override public void finish() {}
        };
        RunRequest request = new RunRequest(experiment(), Optional.of(out), dir.resolve("runs"), 1, List.of(), false,
                Optional.empty(), "fitlab run inputs.yaml");
        assertThrows(RunControl.Interrupted.class, () -> RunService.run(request, stopAt38, control));
        assertTrue(Files.exists(out.resolve("cells/hidden=4/checkpoints/epoch-0037.pth")), "the interrupt wrote its checkpoint");
        Cli.Result r = Cli.run("run", "--resume", out.toString(), "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(Files.exists(out.resolve("cells/hidden=4/checkpoints/epoch-0037.pth")), "epoch-0037.pth left behind");
        CrashSafetyTest.assertSameRun(reference, out, "after Ctrl-C at epoch 37");
    }

    @Test
    void aReportRefusesATornMetricsLineAndResumeRepairsIt() throws Exception {
        Path reference = run("reference");
        Path out = run("torn");
        Path metrics = out.resolve("cells/hidden=6/metrics.csv");
        byte[] whole = Files.readAllBytes(metrics);
        String text = new String(whole, StandardCharsets.UTF_8);
        int lines = (int) text.lines().count();
        Files.write(metrics, java.util.Arrays.copyOf(whole, whole.length - 7)); // cut inside the last line
        Cli.Result report = Cli.run("report", out.toString());
        assertEquals(2, report.exitCode(), report.err());
        assertTrue(report.err().contains(metrics + ":" + lines + ": the last line is cut off"), report.err());
        assertTrue(report.err().contains("fitlab run --resume " + out), report.err());
        Cli.Result resume = Cli.run("run", "--resume", out.toString(), "--threads", "1");
        assertEquals(0, resume.exitCode(), resume.err());
        CrashSafetyTest.assertSameRun(reference, out, "after repairing a torn metrics.csv");
        assertEquals(0, Cli.run("report", out.toString()).exitCode());
    }
}
