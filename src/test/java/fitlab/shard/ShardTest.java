package fitlab.shard;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.UserError;
import fitlab.runfolder.Shard;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** {@code --shard} values and the engines' environment variables. */
class ShardTest {
    @Test
    void explicitAndEngineShards() {
        assertEquals(new Shard(2, 5), Shard.parse("2/5", Map.of()));
        assertEquals(new Shard(1, 3), Shard.parse("slurm", Map.of("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "3",
                "SLURM_ARRAY_TASK_MIN", "0")));
        assertEquals(new Shard(3, 3), Shard.parse("slurm", Map.of("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "3",
                "SLURM_ARRAY_TASK_MIN", "1")), "an array numbered 1-3");
        assertEquals(new Shard(4, 4), Shard.parse("k8s/4", Map.of("JOB_COMPLETION_INDEX", "3")));
    }

    @Test
    void badValuesNameWhatWasExpected() {
        assertTrue(assertThrows(UserError.class, () -> Shard.parse("slurm", Map.of())).getMessage()
                .contains("environment variable SLURM_ARRAY_TASK_ID is not set"));
        assertTrue(assertThrows(UserError.class, () -> Shard.parse("k8s/4", Map.of("JOB_COMPLETION_INDEX", "4"))).getMessage()
                .contains("1 <= K <= N"));
        assertTrue(assertThrows(UserError.class, () -> Shard.parse("slurm", Map.of("SLURM_ARRAY_TASK_ID", "5",
                "SLURM_ARRAY_TASK_COUNT", "3", "SLURM_ARRAY_TASK_MIN", "0"))).getMessage().contains("must be consecutive"));
        assertThrows(UserError.class, () -> Shard.parse("3", Map.of()));
        assertThrows(UserError.class, () -> Shard.parse("0/3", Map.of()));
    }

    @Test
    void theShardsOfASplitHoldEveryPositionExactlyOnce() {
        for (int n = 1; n <= 7; n++) {
            List<Integer> seen = new java.util.ArrayList<>();
            for (int k = 1; k <= n; k++) {
                int kk = k;
                int nn = n;
                // positions stand in for cells: select works on any list
                seen.addAll(new Shard(k, n).select(IntStream.range(0, 20).boxed().map(i -> cell(i)).toList()).stream()
                        .map(c -> Integer.parseInt(c.id())).peek(i -> assertEquals(kk - 1, i % nn)).toList());
            }
            assertEquals(IntStream.range(0, 20).boxed().toList(), seen.stream().sorted().toList());
        }
    }

    private static fitlab.config.Cell cell(int i) {
        return new fitlab.config.Cell(Integer.toString(i), Map.of(), null);
    }

    @Test
    void mergeAndShardAreInTheHelp() {
        fitlab.cli.Cli.Result help = fitlab.cli.Cli.run("merge", "--help");
        assertEquals(0, help.exitCode(), help.err());
        assertTrue(help.out().startsWith("Usage: fitlab merge"), help.out());
        assertTrue(help.out().contains("--out=RUN_DIR"), help.out());
        fitlab.cli.Cli.Result run = fitlab.cli.Cli.run("run", "--help");
        assertTrue(run.out().contains("--shard=K/N|slurm|k8s/N"), run.out());
        assertTrue(run.out().contains("JOB_COMPLETION_INDEX"), run.out());
    }
}
