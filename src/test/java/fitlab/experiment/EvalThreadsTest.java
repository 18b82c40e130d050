package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.testsupport.MetricsFiles;
import fitlab.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A single MLP cell with spare threads shares its evaluation out (one cell, three threads: two helpers); every
 * metric and every checkpoint byte must equal the run on one thread, dropout and mini-batches included.
 */
class EvalThreadsTest {
    @TempDir
    Path dir;

    @Test
    void oneCellOnThreeThreadsEqualsOneThreadBitForBit() throws IOException {
        Path yaml = dir.resolve("mlp.yaml");
        Files.writeString(yaml, """
                name: eval-threads
                seed: 4
                data: {kind: regression1d, function: sin(2*pi*x), x: [0, 1], noise: 0.1, train: 150, validation: 170, test: 400}
                model: {kind: mlp, hidden: [24, 24], activation: tanh, dropout: 0.1}
                training: {optimizer: adam, lr: 0.01, epochs: 40, batch: 32}
                early_stopping: {monitor: validation_loss, patience: 1000, action: mark}
                checkpoint: {every: 1, keep: all}
                """);
        Path one = dir.resolve("one");
        Path three = dir.resolve("three");
        for (var run : List.of(List.of(one, "1"), List.of(three, "3"))) {
            Cli.Result r = Cli.run("run", yaml.toString(), "--out", run.get(0).toString(), "--threads", (String) run.get(1));
            assertEquals(0, r.exitCode(), r.err());
        }
        Path cellOne;
        try (Stream<Path> cells = Files.list(one.resolve("cells"))) {
            cellOne = cells.findFirst().orElseThrow();
        }
        Path cellThree = three.resolve("cells").resolve(cellOne.getFileName());
        assertEquals(MetricsFiles.withoutSeconds(cellOne.resolve("metrics.csv")), MetricsFiles.withoutSeconds(cellThree.resolve("metrics.csv")));
        int compared = 0;
        try (Stream<Path> files = Files.list(cellOne.resolve("checkpoints"))) {
            for (Path f : files.sorted().toList()) {
                assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(cellThree.resolve("checkpoints").resolve(f.getFileName())), f.toString());
                compared++;
            }
        }
        assertTrue(compared >= 41, "compared " + compared + " checkpoints");
        assertEquals(Files.readString(cellOne.resolve("summary.json")), Files.readString(cellThree.resolve("summary.json")));
    }

    @Test
    void spareThreadsGoToEvaluationOnlyWhenCellsLeaveThemIdle() {
        assertEquals(1, SweepRunner.evalHelpers(2, 1));
        assertEquals(0, SweepRunner.evalHelpers(2, 2));
        assertEquals(0, SweepRunner.evalHelpers(2, 9));
        assertEquals(0, SweepRunner.evalHelpers(1, 1));
        assertEquals(1, SweepRunner.evalHelpers(8, 3)); // 3 cells × 2 threads
        assertEquals(3, SweepRunner.evalHelpers(8, 2));
    }
}
