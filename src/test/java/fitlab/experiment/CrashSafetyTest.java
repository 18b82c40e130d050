package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CheckpointFiles;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.testsupport.MetricsFiles;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crash safety with real processes: kill -9 at many moments of a run (checkpoint writes and metrics appends
 * included), resume each time, and get exactly the uninterrupted run; Ctrl-C stops cleanly; a second writer is
 * refused; a full disk (a file-size limit) leaves nothing corrupt and the run resumes once space is back.
 */
@Tag("slow")
class CrashSafetyTest {
    @TempDir
    static Path dir;
    static Path yaml;
    static Path reference;

    @BeforeAll
    static void referenceRun() throws Exception {
        yaml = dir.resolve("crash.yaml");
        Files.writeString(yaml, """
                name: crash
                seed: 11
                data: {kind: regression1d, function: sin(5*x), x: [0, 1], noise: 0.1, train: 30, validation: 30, test: 100}
                model: {kind: mlp, hidden: [8], activation: tanh, dropout: 0.1, degree: 6}
                training: {optimizer: adam, lr: 0.02, epochs: 150, batch: 10, shuffle: true}
                early_stopping: {patience: 40}
                checkpoint: {every: 1, keep: 6}
                sweep:
                  model.kind: [mlp, polynomial]
                """);
        reference = dir.resolve("reference");
        Process p = fitlab("run", yaml.toString(), "--out", reference.toString(), "--threads", "2").start();
        assertEquals(0, p.waitFor(), new String(p.getErrorStream().readAllBytes()));
    }

    /**
     * The Ctrl-C and lock tests act on a run while it is going; 2000 epochs keep it going long enough on any machine.
     * Their reference is the same run, uninterrupted (made in-process: the results do not depend on that).
     */
    // long enough that Ctrl-C, sent once 20 epochs are logged, lands in training even when this JVM is slow to send it
    // (at 2000, a loaded CI machine once delivered it while the finished run was drawing its report)
    static final String LONG = "training.epochs=5000";
    private static Path longReference;

    static synchronized Path longReference() {
        if (longReference == null) {
            longReference = dir.resolve("reference-long");
            Cli.Result r = Cli.run("run", yaml.toString(), "--out", longReference.toString(), "--threads", "2", "--set", LONG);
            assertEquals(0, r.exitCode(), r.err());
        }
        return longReference;
    }

    /**
     * Ctrl-C as the child JVM will see it: SIGINT (exit 130), or SIGTERM (exit 143, the same shutdown path) when this
     * process ignores SIGINT and the child inherits that, as under nohup or a shell's background job, where a JVM
     * never sees SIGINT at all and the run would simply finish.
     */
    record Interrupt(String flag, int exitCode) {
        static Interrupt likeCtrlC() throws IOException {
            return sigintIgnored() ? new Interrupt("-TERM", 143) : new Interrupt("-INT", 130);
        }

        void send(Process p) throws IOException, InterruptedException {
            new ProcessBuilder("kill", flag, Long.toString(p.pid())).start().waitFor();
        }

        /** Linux's /proc/self/status SigIgn mask has bit 1 (signal 2, SIGINT) set. */
        static boolean sigintIgnored() throws IOException {
            Path status = Path.of("/proc/self/status");
            if (!Files.exists(status)) {
                return false;
            }
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("SigIgn:")) {
                    return (Long.parseUnsignedLong(line.substring(7).trim(), 16) & 0x2) != 0;
                }
            }
            return false;
        }
    }

    /** The real command line in a fresh JVM, as a user runs it. */
    static ProcessBuilder fitlab(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "fitlab.cli.Main"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    }

    @Test
    void killedAtTwentyFiveMomentsAndResumedEqualsTheUninterruptedRun() throws Exception {
        // Kill moments are tied to progress, not wall time, so a loaded machine cannot make them miss: moment 0 is as
        // soon as the run folder exists (data being written), moment i is just after the MLP cell logged epoch 6i - 1,
        // so the kill lands in that epoch's checkpoint write, the next metrics append or the training in between.
        int moments = 25;
        int interrupted = 0;
        for (int i = 0; i < moments; i++) {
            Path run = dir.resolve("killed-" + i);
            Process p = fitlab("run", yaml.toString(), "--out", run.toString(), "--threads", "2")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String delay = i == 0 ? "run folder created" : "epoch " + (6 * i - 1) + " logged";
            if (i == 0) {
                waitFor(() -> Files.exists(run.resolve("experiment.yaml")), p);
            } else {
                int epochs = 6 * i;
                waitFor(() -> Files.exists(run.resolve("cells/kind=mlp/metrics.csv"))
                        && MetricsLog.read(run.resolve("cells/kind=mlp/metrics.csv")).size() >= epochs, p);
            }
            if (p.isAlive()) {
                p.destroyForcibly(); // SIGKILL
                interrupted++;
            }
            p.waitFor();
            Cli.Result r = Cli.run("run", "--resume", run.toString(), "--threads", "2");
            assertEquals(0, r.exitCode(), "resume after kill at " + delay + ": " + r.err());
            assertSameRun(reference, run, "kill at " + delay);
            Cli.Result v = Cli.run("verify", run.toString());
            assertEquals(0, v.exitCode(), "verify after kill at " + delay + ":\n" + v.out());
        }
        assertEquals(moments, interrupted, "every kill hit a running process");
    }

    /**
     * Killed in its very first moments, from 0 ms on (before the JVM is up, as the folder appears, as the lock, command.txt,
     * experiment.yaml, the data and the fingerprint appear): the folder is absent, or {@code run --resume} finishes it,
     * or resume says it never started and {@code run --out} on the same folder, as its hint says, makes the run.
     */
    @Test
    void killedInItsFirstMomentsTheFolderIsAlwaysFinishedOrRestarted() throws Exception {
        String[] moments = {"0 ms", "100 ms", "folder", ".lock", "command.txt", "experiment.yaml", "data/train.csv",
                "fingerprint.json"};
        for (int i = 0; i < moments.length; i++) {
            Path run = dir.resolve("first-" + i);
            String moment = moments[i];
            Process p = fitlab("run", yaml.toString(), "--out", run.toString(), "--threads", "2")
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (moment.endsWith(" ms")) {
                Thread.sleep(Long.parseLong(moment.replace(" ms", "")));
            } else if (moment.equals("folder")) {
                waitFor(() -> Files.isDirectory(run), p);
            } else {
                waitFor(() -> Files.exists(run.resolve(moment)), p);
            }
            p.destroyForcibly();
            p.waitFor();
            if (!Files.exists(run)) {
                Cli.Result r = Cli.run("run", yaml.toString(), "--out", run.toString(), "--threads", "2");
                assertEquals(0, r.exitCode(), "run --out after a kill at " + moment + " (no folder): " + r.err());
            } else {
                Cli.Result resume = Cli.run("run", "--resume", run.toString(), "--threads", "2");
                if (resume.exitCode() != 0) {
                    assertEquals(2, resume.exitCode(), resume.err());
                    // the recorded command, or (killed before command.txt was written) the general form
                    assertTrue(resume.err().contains("start it again with: fitlab run " + yaml + " --out " + run)
                            || !Files.exists(run.resolve("command.txt"))
                            && resume.err().contains("start it again with: fitlab run EXPERIMENT.yaml --out " + run),
                            "kill at " + moment + ": " + resume.err());
                    Cli.Result again = Cli.run("run", yaml.toString(), "--out", run.toString(), "--threads", "2");
                    assertEquals(0, again.exitCode(), "run --out after a kill at " + moment + ": " + again.err());
                }
            }
            assertSameRun(reference, run, "kill at " + moment);
        }
    }

    @Test
    void ctrlCStopsAfterACheckpointAndSaysHowToResume() throws Exception {
        Path run = dir.resolve("sigint");
        Process p = fitlab("run", yaml.toString(), "--out", run.toString(), "--threads", "2", "--set", LONG)
                .redirectError(ProcessBuilder.Redirect.PIPE).start();
        waitForEpochs(run.resolve("cells/kind=mlp/metrics.csv"), 20);
        Interrupt signal = Interrupt.likeCtrlC();
        signal.send(p);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes());
        assertEquals(signal.exitCode(), p.exitValue(), err);
        assertTrue(err.contains("fitlab run --resume " + run), err);
        List<MetricsRow> rows = MetricsLog.read(run.resolve("cells/kind=mlp/metrics.csv"));
        assertTrue(rows.size() < 2001, "stopped early");
        int last = rows.get(rows.size() - 1).epoch();
        assertTrue(Files.exists(run.resolve("cells/kind=mlp/checkpoints/epoch-%04d.pth".formatted(last))),
                "the last measured epoch " + last + " has its checkpoint: " + CheckpointFiles.epochs(new CellFolder(run.resolve("cells/kind=mlp"))));
        assertEquals(0, Cli.run("run", "--resume", run.toString()).exitCode());
        assertSameRun(longReference(), run, "after Ctrl-C");
    }

    @Test
    void ctrlCWhileTheReportIsDrawnStopsAndSaysTheRunIsComplete() throws Exception {
        Path run = dir.resolve("sigint-report");
        ProcessBuilder b = fitlab("run", "experiments/13-classification-capacity.yaml", "--quick", "--out", run.toString(), "--threads", "2");
        Process p = b.redirectOutput(ProcessBuilder.Redirect.PIPE).redirectError(ProcessBuilder.Redirect.PIPE).start();
        Interrupt signal = Interrupt.likeCtrlC();
        var stdout = new java.io.BufferedReader(new java.io.InputStreamReader(p.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = stdout.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.startsWith("report: reading")) {
                signal.send(p);
                break;
            }
        }
        assertTrue(seen.toString().contains("report: reading"), "the report started: " + seen);
        stdout.transferTo(java.io.Writer.nullWriter());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes());
        assertEquals(signal.exitCode(), p.exitValue(), err);
        assertTrue(err.contains("the run is complete. Draw its report with: fitlab report " + run), err);
        // the run itself is whole: verify passes, and the report is drawn on request
        assertEquals(0, Cli.run("verify", run.toString()).exitCode());
        assertEquals(0, Cli.run("report", run.toString()).exitCode());
    }

    @Test
    void aSecondWriterIsRefusedWhileARunIsGoing() throws Exception {
        Path run = dir.resolve("locked");
        Process p = fitlab("run", yaml.toString(), "--out", run.toString(), "--threads", "1", "--set", LONG)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            waitForEpochs(run.resolve("cells/kind=mlp/metrics.csv"), 5);
            for (String[] args : List.of(new String[] {"run", "--resume", run.toString()},
                    new String[] {"resume", run.toString(), "--cell", "kind=mlp", "--epochs", "3"},
                    new String[] {"report", run.toString()})) {
                Cli.Result r = Cli.run(args);
                assertEquals(2, r.exitCode(), String.join(" ", args));
                assertTrue(r.err().contains("another fitlab process (pid " + p.pid() + ") is writing this run folder"), r.err());
            }
        } finally {
            p.destroyForcibly();
            p.waitFor();
        }
        // the lock dies with the process: resuming now works
        assertEquals(0, Cli.run("run", "--resume", run.toString()).exitCode());
        assertSameRun(longReference(), run, "after the lock holder died");
    }

    @Test
    void aFullDiskFailsWithOneLineAndTheRunResumesOnceThereIsSpace() throws Exception {
        Path run = dir.resolve("full");
        List<String> cmd = new ArrayList<>(fitlab("run", yaml.toString(), "--out", run.toString()).command());
        String joined = String.join(" ", cmd.stream().map(a -> "'" + a + "'").toList());
        // RLIMIT_FSIZE: no file may grow past 10 KiB, so a metrics append or a checkpoint write fails mid-run
        Process p = new ProcessBuilder("bash", "-c", "ulimit -f 10; exec " + joined)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.PIPE).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        String err = new String(p.getErrorStream().readAllBytes()).strip();
        assertEquals(2, p.exitValue(), err);
        assertEquals(1, err.lines().count(), err);
        assertTrue(err.matches("fitlab: cannot write .*" + File.separator + ".*: File too large"), err);
        assertEquals(0, Cli.run("run", "--resume", run.toString()).exitCode());
        assertSameRun(reference, run, "after a full disk");
    }

    interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls until {@code condition} holds or the process ends. */
    static void waitFor(Condition condition, Process p) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (p.isAlive() && System.nanoTime() < deadline) {
            try {
                if (condition.holds()) {
                    return;
                }
            } catch (fitlab.UserError e) {
                // a file being created: look again
            }
            Thread.sleep(1);
        }
    }

    static void waitForEpochs(Path metrics, int epochs) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            try {
                if (Files.exists(metrics) && MetricsLog.read(metrics).size() > epochs) {
                    return;
                }
            } catch (fitlab.UserError e) {
                // the file exists but its header is not written yet: look again
            }
            Thread.sleep(20);
        }
        fail("no progress in " + metrics);
    }

    /** Same metrics (but for wall seconds), byte-identical checkpoints and summaries, the same report data. */
    static void assertSameRun(Path expected, Path actual, String when) throws IOException {
        assertEquals(Files.readString(expected.resolve("summary.csv")), Files.readString(actual.resolve("summary.csv")), when);
        assertEquals(files(expected.resolve("cells")), files(actual.resolve("cells")), when + ": the same files");
        for (String f : files(expected.resolve("cells"))) {
            Path a = expected.resolve("cells").resolve(f);
            Path b = actual.resolve("cells").resolve(f);
            if (f.endsWith("metrics.csv")) {
                assertEquals(MetricsFiles.withoutSeconds(a), MetricsFiles.withoutSeconds(b), when + ": " + f);
            } else {
                assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), when + ": " + f);
            }
        }
        Path chartsA = expected.resolve("report/charts/charts.json");
        if (Files.exists(chartsA)) {
            assertEquals(Files.readString(chartsA), Files.readString(actual.resolve("report/charts/charts.json")), when + ": report");
        }
    }

    static TreeSet<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            TreeSet<String> out = new TreeSet<>();
            walk.filter(Files::isRegularFile).forEach(p -> out.add(root.relativize(p).toString()));
            return out;
        }
    }
}
