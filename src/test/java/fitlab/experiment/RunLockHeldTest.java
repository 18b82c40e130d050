package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import fitlab.cli.Cli;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.RunLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What follows a run's training (fitlab run's claims and report) runs before the run lock is released: no other
 * process can write the folder between the last checkpoint and the report. The lock is free once the run returns.
 */
class RunLockHeldTest {
    private static final String TINY = """
            name: tiny
            question: Which degree?
            seed: 0
            data:
              kind: regression1d
              function: sin(2*pi*x)
              x: [0, 1]
              noise: 0.1
              train: 10
              validation: 10
              test: 10
            model:
              kind: polynomial
            training:
              optimizer: lstsq
            sweep:
              model.degree: [1, 3]
            """;

    @TempDir
    Path dir;

    private void assertLocked(RunFolder run) {
        UserError e = assertThrows(UserError.class, () -> RunLock.acquire(run.root()).close());
        assertTrue(e.getMessage().contains("is writing this run folder"), e.getMessage());
    }

    @Test
    void afterTheTrainingTheLockIsStillHeldThenReleased() throws IOException {
        Path yaml = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path out = dir.resolve("run");
        RunRequest request = new RunRequest(yaml, Optional.of(out), dir.resolve("runs"), 1, List.of(), false, Optional.empty(), "test");
        int cells = RunService.run(request, ProgressListener.SILENT, new RunControl(), result -> {
            assertLocked(result.folder());
            return result.cells().size();
        });
        assertEquals(2, cells);
        RunLock.acquire(out).close(); // released on return

        int again = RunService.finishInterrupted(out, 1, ProgressListener.SILENT, new RunControl(), result -> {
            assertLocked(result.folder());
            return result.cells().size();
        });
        assertEquals(2, again);
        RunLock.acquire(out).close();
    }

    @Test
    void fitlabRunDrawsItsReportUnderTheLockItTrainedWith() throws IOException {
        Path yaml = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        Path out = dir.resolve("run");
        Cli.Result r = Cli.run("run", yaml.toString(), "--out", out.toString(), "--threads", "1");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals("", r.err());
        assertTrue(r.out().contains("report: "), r.out());
        assertTrue(Files.isRegularFile(out.resolve("report/index.html")));
        RunLock.acquire(out).close(); // released when the command ends
    }

    @Test
    void fitlabMergeDrawsItsReportUnderTheLockItMergedWith() throws IOException {
        Path yaml = Files.writeString(dir.resolve("tiny.yaml"), TINY);
        for (String k : List.of("1/2", "2/2")) {
            Cli.Result r = Cli.run("run", yaml.toString(), "--shard", k, "--out", dir.resolve("shard-" + k.charAt(0)).toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        Path merged = dir.resolve("merged");
        var kind = fitlab.merge.MergeService.merge(List.of(dir.resolve("shard-1"), dir.resolve("shard-2")), merged, "test", result -> {
            assertLocked(result.folder());
            return result.kind();
        });
        assertEquals(fitlab.merge.MergeService.Kind.SHARDS, kind);
        RunLock.acquire(merged).close();

        for (int seed : new int[] {1, 2}) {
            Cli.Result r = Cli.run("run", yaml.toString(), "--set", "seed=" + seed, "--no-report", "--out", dir.resolve("seed-" + seed).toString());
            assertEquals(0, r.exitCode(), r.err());
        }
        Path klass = dir.resolve("class");
        int students = fitlab.merge.MergeService.merge(List.of(dir.resolve("seed-1"), dir.resolve("seed-2")), klass, "test", result -> {
            assertLocked(result.folder());
            return result.inputs();
        });
        assertEquals(2, students);
        RunLock.acquire(klass).close();

        Cli.Result r = Cli.run("merge", dir.resolve("shard-1").toString(), dir.resolve("shard-2").toString(), "--out",
                dir.resolve("merged-cli").toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("merged 2 shards") && r.out().contains("report: "), r.out());
        RunLock.acquire(dir.resolve("merged-cli")).close();
    }
}
