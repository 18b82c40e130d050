package fitlab.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * A sweep over seeds (lesson 11's repeats) diagnoses each cell against the best validation loss of the cells with its
 * own seed, not against the luckiest draw of the whole sweep.
 */
class CellDiagnosesSeedGroupTest {
    @TempDir
    Path dir;

    @Test
    void eachCellIsComparedWithTheBestOfItsOwnSeed() throws IOException {
        Path run = dir.resolve("run");
        Cli.Result r = Cli.run("run", "experiments/11-bias-variance.yaml", "--quick", "--out", run.toString(), "--no-report");
        assertEquals(0, r.exitCode(), r.err());
        Table summary = Table.read().csv(run.resolve("summary.csv").toFile());
        Map<Long, Double> bestOfSeed = new HashMap<>();
        for (int i = 0; i < summary.rowCount(); i++) {
            String cell = summary.getString(i, "cell");
            long seed = Long.parseLong(summary.getString(i, "seed"));
            double lowest = MetricsLog.read(run.resolve("cells").resolve(cell).resolve("metrics.csv")).stream()
                    .mapToDouble(MetricsRow::validationLoss).min().orElseThrow();
            bestOfSeed.merge(seed, lowest, Math::min);
        }
        assertTrue(bestOfSeed.size() > 1, "the quick run sweeps several seeds: " + bestOfSeed.keySet());
        assertTrue(bestOfSeed.values().stream().distinct().count() > 1, "the draws differ: " + bestOfSeed);
        for (int i = 0; i < summary.rowCount(); i++) {
            long seed = Long.parseLong(summary.getString(i, "seed"));
            assertEquals(bestOfSeed.get(seed), summary.doubleColumn("diagnosis_sweep_min_validation_loss").get(i), 1e-12,
                    summary.getString(i, "cell") + " is judged against the best of seed " + seed);
        }
    }
}
