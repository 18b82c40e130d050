package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import fitlab.testsupport.MetricsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/** Lesson 01's claims on its full sweep (a few seconds): the U-shape of validation loss against degree. */
@Tag("slow")
class LessonOneTest {
    @TempDir
    Path dir;

    static Table summary(Path run) {
        return Table.read().csv(CsvReadOptions.builder(run.resolve("summary.csv").toFile()).build());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 1})
    void validationLossIsUShapedInTheDegree(int seed) {
        Path run = dir.resolve("seed" + seed);
        Cli.Result r = Cli.run("run", "experiments/01-polynomial-degree.yaml", "--out", run.toString(), "--set", "seed=" + seed,
                "--set", "checkpoint.every=500", "--threads", "2");
        assertEquals(0, r.exitCode(), r.err());
        Table t = summary(run);
        int best = 0;
        for (int i = 1; i < t.rowCount(); i++) {
            if (t.doubleColumn("final_validation_loss").get(i) < t.doubleColumn("final_validation_loss").get(best)) {
                best = i;
            }
        }
        int bestDegree = Integer.parseInt(t.column("model.degree").getString(best));
        assertTrue(bestDegree >= 3 && bestDegree <= 6, "lowest final validation loss at degree " + bestDegree);
        double noise = 0.01;
        double degreeOneTrain = t.doubleColumn("final_train_loss").get(0);
        assertTrue(degreeOneTrain > 5 * noise, "degree 1 underfits: train " + degreeOneTrain);
        assertEquals("underfit", t.stringColumn("diagnosis").get(0));
        int last = t.rowCount() - 1;
        double train15 = t.doubleColumn("final_train_loss").get(last);
        double validation15 = t.doubleColumn("final_validation_loss").get(last);
        assertTrue(train15 < noise && validation15 > 2.5 * train15, "degree 15 overfits: train " + train15 + " validation " + validation15);
        assertEquals("overfit", t.stringColumn("diagnosis").get(last));
    }

    @Test
    void sameSeedSameMetricsWhateverTheThreadCount() throws IOException {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        for (var p : List.of(Map.entry(one, "1"), Map.entry(two, "2"))) {
            Cli.Result r = Cli.run("run", "experiments/01-polynomial-degree.yaml", "--quick", "--out", p.getKey().toString(),
                    "--threads", p.getValue());
            assertEquals(0, r.exitCode(), r.err());
        }
        try (var cells = Files.list(one.resolve("cells"))) {
            for (Path cell : cells.toList()) {
                String a = MetricsFiles.withoutSeconds(cell.resolve("metrics.csv"));
                String b = MetricsFiles.withoutSeconds(two.resolve("cells").resolve(cell.getFileName()).resolve("metrics.csv"));
                assertEquals(a, b, cell.getFileName().toString());
                assertTrue(a.lines().count() > 100);
                assertArrayEquals(Files.readAllBytes(cell.resolve("last.pth")),
                        Files.readAllBytes(two.resolve("cells").resolve(cell.getFileName()).resolve("last.pth")));
            }
        }
        assertEquals(Files.readString(one.resolve("summary.csv")), Files.readString(two.resolve("summary.csv")));
    }
}
