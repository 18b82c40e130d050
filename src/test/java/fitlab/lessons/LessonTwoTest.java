package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.train.stopping.Marker;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lesson 02 on its --quick run: the widest network's validation loss rises after its minimum and early stopping
 * marks (within 5%) that minimum; the narrowest underfits (training loss far above the noise floor σ² = 0.09).
 */
@Tag("slow")
class LessonTwoTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {0, 1, 3})
    void widestOverfitsNarrowestUnderfits(int seed) {
        Path run = dir.resolve("run");
        Cli.Result r = Cli.run("run", "experiments/02-mlp-width.yaml", "--quick", "--out", run.toString(), "--set", "seed=" + seed);
        assertEquals(0, r.exitCode(), r.err());

        CellSummary widest = CellSummary.read(run.resolve("cells/hidden=128-128/summary.json"));
        List<MetricsRow> rows = MetricsLog.read(run.resolve("cells/hidden=128-128/metrics.csv"));
        MetricsRow minimum = rows.stream().skip(1).min((a, b) -> Double.compare(a.validationLoss(), b.validationLoss())).orElseThrow();
        MetricsRow last = rows.get(rows.size() - 1);
        assertEquals(minimum.epoch(), widest.bestEpoch(), "the best-epoch marker sits at the validation minimum");
        assertTrue(last.validationLoss() > 1.1 * minimum.validationLoss(),
                "validation rises after its minimum: " + minimum.validationLoss() + " -> " + last.validationLoss());
        assertTrue(last.trainLoss() < minimum.trainLoss(), "while training loss keeps falling");
        Marker patience = widest.markers().stream().filter(m -> m.name().equals("patience")).findFirst()
                .orElseThrow(() -> new AssertionError("early stopping fires on the widest net"));
        // Keras semantics: patience fires 200 epochs after the best epoch seen so far; that epoch is (close to) the minimum
        MetricsRow seenBest = rows.subList(1, patience.epoch() + 1).stream()
                .min((a, b) -> Double.compare(a.validationLoss(), b.validationLoss())).orElseThrow();
        assertEquals(seenBest.epoch() + 200, patience.epoch(), "patience 200 after the best epoch seen");
        assertTrue(seenBest.validationLoss() <= 1.05 * minimum.validationLoss(),
                "where early stopping stops is within 5% of the minimum: " + seenBest.validationLoss() + " vs " + minimum.validationLoss());

        List<MetricsRow> narrow = MetricsLog.read(run.resolve("cells/hidden=1-1/metrics.csv"));
        double narrowTrain = narrow.get(narrow.size() - 1).trainLoss();
        assertTrue(narrowTrain > 1.5 * 0.09, "the narrowest underfits: train " + narrowTrain + " vs noise floor 0.09");

        if (seed == 0) {
            Cli.Result v = Cli.run("verify", run.toString());
            assertEquals(0, v.exitCode(), v.out());
            assertTrue(v.out().contains("reproduce metrics.csv bit for bit"), v.out());
        }
    }
}
