package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.testsupport.MetricsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Saving does not change the fit: every checkpoint reproduces its logged losses, and resuming is bit-identical. */
class VerifyResumeTest {
    @TempDir
    static Path dir;
    static Path adamRun;
    static Path sgdRun;

    @BeforeAll
    static void runs() throws IOException {
        Path yaml = dir.resolve("mlp.yaml");
        Files.writeString(yaml, """
                name: verify-mlp
                seed: 5
                data: {kind: regression1d, function: sin(6*x), x: [0, 1], noise: 0.2, train: 40, validation: 40, test: 100}
                model: {kind: mlp, hidden: [12, 12], activation: tanh, dropout: 0.1}
                training: {optimizer: adam, lr: 0.02, epochs: 60, batch: 16, shuffle: true}
                early_stopping: {patience: 10}
                """);
        adamRun = dir.resolve("adam");
        assertEquals(0, Cli.run("run", yaml.toString(), "--out", adamRun.toString()).exitCode());
        sgdRun = dir.resolve("sgd");
        Cli.Result r = Cli.run("run", yaml.toString(), "--out", sgdRun.toString(), "--set", "training.optimizer=sgd",
                "--set", "training.lr=0.05", "--set", "training.momentum=0.9", "--set", "model.dropout=0.0",
                "--set", "training.batch=full");
        assertEquals(0, r.exitCode(), r.err());
    }

    @Test
    void verifyReproducesEveryEpochOfLessonOneAndAnMlp() {
        Path lesson = dir.resolve("lesson1");
        assertEquals(0, Cli.run("run", "experiments/01-polynomial-degree.yaml", "--quick", "--out", lesson.toString()).exitCode());
        for (Path run : List.of(lesson, adamRun, sgdRun)) {
            Cli.Result r = Cli.run("verify", run.toString());
            assertEquals(0, r.exitCode(), r.out());
            assertTrue(r.out().contains("reproduce metrics.csv bit for bit"), r.out());
            assertFalse(r.out().contains("MISMATCH"));
        }
    }

    @Test
    void verifyBestChecksBestPthEvenWhenItsEpochFileWasPruned() throws IOException {
        Path run = dir.resolve("pruned-best");
        copy(adamRun, run);
        int best = CellSummary.read(run.resolve("cells/base/summary.json")).bestEpoch();
        // checkpoint.keep can prune the best epoch's own file; best.pth keeps its weights
        Files.delete(run.resolve(String.format("cells/base/checkpoints/epoch-%04d.pth", best)));
        Cli.Result r = Cli.run("verify", run.toString(), "--epochs", "best");
        assertEquals(0, r.exitCode(), r.out() + r.err());
        assertTrue(r.out().contains("reproduce metrics.csv bit for bit"), r.out());
    }

    @Test
    void aFlippedByteInOneTensorFailsVerifyNamingThatEpoch() throws IOException {
        Path run = dir.resolve("flipped");
        copy(adamRun, run);
        Path file = run.resolve("cells/base/checkpoints/epoch-0017.pth");
        byte[] bytes = Files.readAllBytes(file);
        int at = indexOf(bytes, "data/0".getBytes()) ;
        assertTrue(at > 0);
        // the first storage record's payload starts at the next multiple of 64 after its local header
        int payload = ((at + 6 + 4 + 63) / 64) * 64;
        bytes[payload + 3] ^= 0x01;
        Files.write(file, bytes);
        Cli.Result r = Cli.run("verify", run.toString());
        assertEquals(1, r.exitCode(), r.out());
        assertTrue(r.out().contains("MISMATCH"), r.out());
        assertTrue(r.out().contains("first: base epoch 17"), r.out());
        assertEquals(1, r.out().lines().filter(l -> l.contains("MISMATCH")).count(), r.out());
    }

    @ParameterizedTest(name = "{0} from epoch {1}")
    @CsvSource({"adam,0", "adam,1", "adam,best", "adam,last", "sgd,0", "sgd,1", "sgd,best", "sgd,last"})
    void resumingGivesTheUninterruptedMetrics(String which, String from) throws IOException {
        Path original = which.equals("adam") ? adamRun : sgdRun;
        Path run = dir.resolve("resume-" + which + "-" + from);
        copy(original, run);
        int epoch = switch (from) {
            case "best" -> CellSummary.read(run.resolve("cells/base/summary.json")).bestEpoch();
            case "last" -> 60;
            default -> Integer.parseInt(from);
        };
        int more = epoch == 60 ? 10 : 60 - epoch;
        Cli.Result r = Cli.run("resume", run.toString(), "--cell", "base", "--from-epoch", Integer.toString(epoch),
                "--epochs", Integer.toString(more));
        assertEquals(0, r.exitCode(), r.err());
        Path resumed = run.resolve("cells/base@resume-from-" + epoch + "/metrics.csv");
        List<String> a = MetricsFiles.withoutSeconds(run.resolve("cells/base/metrics.csv")).lines().toList();
        List<String> b = MetricsFiles.withoutSeconds(resumed).lines().toList();
        assertEquals(1 + epoch + more + 1, b.size());
        int common = Math.min(a.size(), b.size());
        assertEquals(a.subList(0, common), b.subList(0, common));
        Cli.Result v = Cli.run("verify", run.toString(), "--cell", "base", "--epochs", "0,1,60");
        assertEquals(0, v.exitCode(), v.out());
    }

    @Test
    void aResumedModelTrainedWithoutEarlyStoppingKeepsOverfitting() throws IOException {
        Path run = dir.resolve("overfit");
        copy(adamRun, run);
        Cli.Result r = Cli.run("resume", run.toString(), "--cell", "base", "--epochs", "400");
        assertEquals(0, r.exitCode(), r.err());
        List<MetricsRow> rows = MetricsLog.read(run.resolve("cells/base@resume-from-60/metrics.csv"));
        double minValidation = rows.stream().mapToDouble(MetricsRow::validationLoss).min().orElseThrow();
        MetricsRow last = rows.get(rows.size() - 1);
        assertEquals(460, last.epoch());
        assertTrue(last.validationLoss() > 1.2 * minValidation, "validation rises after its minimum: " + last.validationLoss() + " vs " + minValidation);
        assertTrue(last.trainLoss() < rows.get(60).trainLoss(), "training loss keeps falling");
    }

    @Test
    void resumeNeverOverwritesAndRejectsBadInput() throws IOException {
        Path run = dir.resolve("twice");
        copy(adamRun, run);
        assertEquals(0, Cli.run("resume", run.toString(), "--cell", "base", "--from-epoch", "5", "--epochs", "2").exitCode());
        Cli.Result again = Cli.run("resume", run.toString(), "--cell", "base", "--from-epoch", "5", "--epochs", "2");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());
        Cli.Result noCell = Cli.run("resume", run.toString(), "--cell", "nope");
        assertEquals(2, noCell.exitCode());
        assertTrue(noCell.err().contains("no cell 'nope'"), noCell.err());
        assertEquals(2, Cli.run("verify", dir.resolve("not-a-run").toString()).exitCode());
    }

    static void copy(Path from, Path to) throws IOException {
        try (var walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
