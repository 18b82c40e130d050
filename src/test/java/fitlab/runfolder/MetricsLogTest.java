package fitlab.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.csv written through an open appender: readable line by line while it is open, the same bits read back. */
class MetricsLogTest {
    @Test
    void everyAppendedLineIsReadableWhileTheFileIsStillOpen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(MetricsLog.FILE);
        MetricsLog.create(file, true);
        MetricsRow first = new MetricsRow(0, 0.1 + 0.2, Math.PI, 1e-300, 0.5, 2.0 / 3, 1, 0.02, 0.001);
        MetricsRow second = new MetricsRow(1, Double.MIN_VALUE, 0.3, 7, 0.25, 0.75, 0, 0.02, 0.002);
        try (MetricsLog.Appender log = MetricsLog.appender(file)) {
            log.append(first);
            // the live page and `fitlab report` read a running cell's file: each epoch is there as soon as it is logged
            assertEquals(List.of(first), MetricsLog.read(file));
            log.append(second);
            assertEquals(List.of(first, second), MetricsLog.read(file));
        }
        assertEquals(0, MetricsLog.tornLine(file), "every line complete");
        assertEquals(3, Files.readString(file).split("\n").length, "the header and two lines");
    }

    @Test
    void aMissingFileIsAOneLineErrorNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("cells/x/" + MetricsLog.FILE);
        UserError e = assertThrows(UserError.class, () -> MetricsLog.appender(file));
        assertTrue(e.getMessage().startsWith("cannot write " + file), e.getMessage());
    }

    @Test
    void awkwardDoublesReadBackToTheirBits(@TempDir Path dir) {
        Path file = dir.resolve(MetricsLog.FILE);
        MetricsLog.create(file, false);
        java.util.SplittableRandom random = new java.util.SplittableRandom(17);
        List<MetricsRow> written = new java.util.ArrayList<>();
        double[] special = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -0.0, Double.MIN_VALUE,
            Double.MAX_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL), 1e-5, 1e22, 0.1 + 0.2};
        try (MetricsLog.Appender a = MetricsLog.appender(file)) {
            for (int epoch = 0; epoch < 20_000; epoch++) {
                double[] v = new double[5];
                for (int k = 0; k < v.length; k++) {
                    v[k] = switch (random.nextInt(4)) {
                        case 0 -> special[random.nextInt(special.length)];
                        case 1 -> Double.longBitsToDouble(random.nextLong());
                        case 2 -> Math.scalb(random.nextDouble(), random.nextInt(-1074, 1024));
                        default -> random.nextGaussian();
                    };
                }
                MetricsRow row = new MetricsRow(epoch, v[0], v[1], v[2], Double.NaN, Double.NaN, Double.NaN, v[3], v[4]);
                a.append(row);
                written.add(row);
            }
        }
        List<MetricsRow> read = MetricsLog.read(file);
        assertEquals(written.size(), read.size());
        for (int i = 0; i < read.size(); i++) {
            MetricsRow w = written.get(i);
            MetricsRow r = read.get(i);
            double[] a = {w.trainLoss(), w.validationLoss(), w.testLoss(), w.lr(), w.seconds()};
            double[] b = {r.trainLoss(), r.validationLoss(), r.testLoss(), r.lr(), r.seconds()};
            for (int k = 0; k < a.length; k++) {
                // the bits Double.parseDouble gives for the written text (NaN's payload is not written)
                assertEquals(Double.doubleToLongBits(Double.parseDouble(Double.toString(a[k]))), Double.doubleToLongBits(b[k]),
                        "line " + (i + 2) + " field " + (k + 1) + ": " + a[k]);
            }
        }
    }

    @Test
    void aFieldThatIsNoNumberIsAnErrorNamingTheLineAndTheField(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(MetricsLog.FILE);
        Files.writeString(file, MetricsLog.header(false) + "\n0,0.5,0.25,0.3,0.01,0.1\n1,0.4,zero,0.3,0.01,0.1\n");
        UserError e = assertThrows(UserError.class, () -> MetricsLog.read(file));
        assertEquals(file + ":3: not a number: For input string: \"zero\"", e.getMessage());
        Files.writeString(file, MetricsLog.header(false) + "\n0,0.5,0.25,0.3,0.01\n");
        e = assertThrows(UserError.class, () -> MetricsLog.read(file));
        assertEquals(file + ":2: expected 6 fields, got 5", e.getMessage());
    }
}
