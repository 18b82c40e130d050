package fitlab.shard;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.ShardRecord;
import fitlab.testsupport.Slurm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Slurm job array: a one-node cluster started on this machine (examples/slurm/one-node-cluster.sh), the sweep
 * submitted with examples/slurm/submit.sh (three array tasks, one shard each, then the merge job that depends on
 * them), and the merged run equal to the unsharded one, byte for byte. The daemons started are stopped afterwards.
 */
class SlurmArrayTest {
    static final Path CLUSTER = Path.of("examples/slurm/one-node-cluster.sh").toAbsolutePath();
    static final Path SUBMIT = Path.of("examples/slurm/submit.sh").toAbsolutePath();

    @TempDir
    static Path dir;
    static Path state;
    static boolean started;

    @BeforeAll
    static void cluster() throws Exception {
        Slurm.require();
        state = dir.resolve("slurm-state");
        // stop in @AfterAll and, should the JVM die first, in a shutdown hook: the daemons must never outlive the test
        Runtime.getRuntime().addShutdownHook(new Thread(SlurmArrayTest::stopQuietly));
        started = true;
        Result r = exec(List.of("bash", CLUSTER.toString(), "start", state.toString()), Map.of(), 120);
        assertEquals(0, r.code(), "cluster start failed:\n" + r.output() + log("slurmctld.log") + log("slurmd.log"));
    }

    @AfterAll
    static void stop() throws Exception {
        if (started) {
            List<Long> pids = new ArrayList<>();
            for (String pid : new String[] {"slurmctld.pid", "slurmd.pid"}) {
                Path f = state.resolve(pid);
                if (Files.isRegularFile(f)) {
                    pids.add(Long.parseLong(Files.readString(f).strip()));
                }
            }
            Result r = exec(List.of("bash", CLUSTER.toString(), "stop", state.toString()), Map.of(), 60);
            started = false;
            assertEquals(0, r.code(), r.output());
            assertEquals(2, pids.size(), "both daemons had written their pid");
            for (long pid : pids) {
                assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "daemon " + pid + " stopped");
            }
        }
    }

    private static void stopQuietly() {
        if (started) {
            try {
                exec(List.of("bash", CLUSTER.toString(), "stop", state.toString()), Map.of(), 60);
            } catch (Exception ignored) {
                // best effort while the JVM is going down
            }
        }
    }

    @Test
    void aJobArrayOfThreeShardsAndItsMergeJobGiveTheUnshardedRun() throws Exception {
        Path yaml = dir.resolve("sweep.yaml");
        Files.writeString(yaml, """
                name: slurm-sweep
                seed: 4
                data: {kind: regression1d, function: sin(4*x), x: [0, 1], noise: 0.1, train: 25, validation: 40, test: 100}
                model: {kind: polynomial, basis: legendre, degree: 3}
                training: {optimizer: adam, lr: 0.05, epochs: 80, batch: full}
                early_stopping: {patience: 1000}
                checkpoint: {every: 1, keep: all}
                sweep:
                  model.degree: [1, 2, 4, 6, 9]
                """);
        Path whole = dir.resolve("whole");
        Cli.Result ref = Cli.run("run", yaml.toString(), "--out", whole.toString(), "--threads", "1");
        assertEquals(0, ref.exitCode(), ref.err());

        Path work = dir.resolve("cluster-work");
        String fitlab = Path.of(System.getProperty("java.home"), "bin", "java") + " -Djava.awt.headless=true -cp "
                + System.getProperty("java.class.path") + " fitlab.cli.Main";
        Result submitted = exec(List.of("bash", SUBMIT.toString(), "--wait", yaml.toString(), "3", work.toString()),
                Map.of("SLURM_CONF", state.resolve("slurm.conf").toString(), "FITLAB", fitlab), 600);
        assertEquals(0, submitted.code(), submitted.output() + logs(work));
        assertTrue(submitted.output().contains("array job"), submitted.output());

        for (int k = 1; k <= 3; k++) {
            ShardRecord record = ShardRecord.STORE.read(new RunFolder(work.resolve("shards/shard-" + k + "-of-3")));
            assertEquals(k, record.shard(), "SLURM_ARRAY_TASK_ID " + (k - 1) + " ran shard " + k);
            assertEquals(3, record.of(), "SLURM_ARRAY_TASK_COUNT");
        }
        SameRun.assertSame(whole, work.resolve("run"));
        assertTrue(Files.readString(work.resolve("logs/merge.out")).contains("merged 3 shards"), logs(work));
    }

    private static String logs(Path work) throws IOException {
        StringBuilder sb = new StringBuilder();
        if (Files.isDirectory(work.resolve("logs"))) {
            try (var files = Files.list(work.resolve("logs"))) {
                for (Path f : files.sorted().toList()) {
                    sb.append("\n--- ").append(f.getFileName()).append('\n').append(Files.readString(f));
                }
            }
        }
        return sb.toString();
    }

    private static String log(String name) throws IOException {
        Path f = state.resolve(name);
        return Files.isRegularFile(f) ? "\n--- " + name + "\n" + Files.readString(f) : "";
    }

    record Result(int code, String output) {}

    static Result exec(List<String> cmd, Map<String, String> env, int timeoutSeconds) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Result(-1, "timed out: " + new String(out, StandardCharsets.UTF_8));
        }
        return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }
}
