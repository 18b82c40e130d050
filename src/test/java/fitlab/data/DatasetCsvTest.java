package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import fitlab.random.Rng;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetCsvTest {

    @TempDir
    Path dir;

    @Test
    void oneFeatureIsWrittenAsXAndYWithShortestRoundTripDoubles() {
        Dataset d = new Dataset("train", 3, 1, new double[] {0.1, -0.0, 1e-7}, new double[] {1.0, 2.5, -3e22});
        String text = new String(DatasetCsv.toBytes(d), StandardCharsets.UTF_8);
        assertEquals("x,y\n0.1,1.0\n-0.0,2.5\n1.0E-7,-3.0E22\n", text);
    }

    @Test
    void severalFeaturesAreNamedX1X2AndSoOn() {
        Dataset d = new Dataset("t", 1, 3, new double[] {1, 2, 3}, new double[] {1});
        assertEquals("x1,x2,x3,y\n1.0,2.0,3.0,1.0\n", new String(DatasetCsv.toBytes(d), StandardCharsets.UTF_8));
    }

    @Test
    void roundTripIsBitExactForAwkwardDoubles() {
        Rng rng = Rng.seeded(17);
        int n = 5000;
        double[] x = new double[2 * n];
        double[] y = new double[n];
        for (int i = 0; i < 2 * n; i++) {
            x[i] = switch (i % 4) {
                case 0 -> rng.nextGaussian();
                case 1 -> Math.scalb(rng.nextDouble() - 0.5, rng.nextInt(2000) - 1000);
                case 2 -> finiteFromBits(rng.nextLong());
                default -> rng.nextInt(1000) - 500;
            };
        }
        for (int i = 0; i < n; i++) {
            y[i] = finiteFromBits(rng.nextLong());
        }
        x[0] = Double.MIN_VALUE;
        x[1] = -Double.MAX_VALUE;
        y[0] = -0.0;
        Dataset original = new Dataset("train", n, 2, x, y);
        Path file = dir.resolve("train.csv");
        DatasetCsv.write(original, file);
        Dataset back = DatasetCsv.read(file, "train");
        assertEquals(2, back.features());
        assertEquals(n, back.rows());
        for (int i = 0; i < 2 * n; i++) {
            assertEquals(Double.doubleToRawLongBits(x[i]), Double.doubleToRawLongBits(back.x()[i]), "x[" + i + "]");
        }
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(y[i]), Double.doubleToRawLongBits(back.y()[i]), "y[" + i + "]");
        }
    }

    @Test
    void writingIsAtomicAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("sub/folder/test.csv");
        DatasetCsv.write(new Dataset("test", 1, 1, new double[] {1}, new double[] {2}), file);
        DatasetCsv.write(new Dataset("test", 1, 1, new double[] {3}, new double[] {4}), file);
        assertEquals("x,y\n3.0,4.0\n", Files.readString(file));
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void nonFiniteValuesAreRefusedOnWrite() {
        Dataset d = new Dataset("train", 1, 1, new double[] {Double.NaN}, new double[] {0});
        assertThrows(IllegalArgumentException.class, () -> DatasetCsv.toBytes(d));
    }

    @Test
    void readsAByteOrderMarkCrlfLineEndsQuotesSpacesAndBlankLines() throws IOException {
        Path file = dir.resolve("windows.csv");
        String text = "\uFEFFx1,x2,y\r\n1.5, -2,0\r\n\r\n\"3e-1\",4.,1\r\n+.5,-7E+2,1\r\n";
        Files.write(file, text.getBytes(StandardCharsets.UTF_8));
        Dataset d = DatasetCsv.read(file, "test");
        assertEquals(3, d.rows());
        assertArrayEquals(new double[] {1.5, -2, 0.3, 4, 0.5, -700}, d.x());
        assertArrayEquals(new double[] {0, 1, 1}, d.y());
    }

    @Test
    void acceptsX1AsTheNameOfASingleFeature() throws IOException {
        Dataset d = DatasetCsv.read(write("x1,y\n1,2\n"), "test");
        assertEquals(1, d.features());
        assertArrayEquals(new double[] {2}, d.y());
    }

    @Test
    void emptyFile() throws IOException {
        assertMessage("", "f.csv: the file is empty; expected the header x,y (one feature) or x1,x2,...,y");
        assertMessage("\uFEFF\r\n  \n", "f.csv: the file is empty;");
    }

    @Test
    void headerOnly() throws IOException {
        assertMessage("x,y\n", "f.csv:1: only a header, no data rows");
        assertEquals(0, DatasetCsv.readAllowingEmpty(write("x1,x2,y\r\n"), "validation").rows());
    }

    @Test
    void wrongHeader() throws IOException {
        assertMessage("a,b\n1,2\n", "f.csv:1: expected the header x,y (one feature) or x1,x2,...,y, got a,b");
        assertMessage("x2,x1,y\n1,2,3\n", "f.csv:1: expected the header");
        assertMessage("y\n1\n", "f.csv:1: expected the header");
    }

    @Test
    void missingColumn() throws IOException {
        assertMessage("x1,x2,y\n1,2,3\n4,5\n", "f.csv:3: expected 3 values (x1,x2,y), got 2");
    }

    @Test
    void extraColumn() throws IOException {
        assertMessage("x,y\r\n1,2\r\n3,4,5\r\n", "f.csv:3: expected 2 values (x,y), got 3");
    }

    @Test
    void nonNumericCell() throws IOException {
        assertMessage("x1,x2,y\n1,2,0\n1,two,1\n",
                "f.csv:3: column 2 (x2): expected a number such as -1.25 or 3.0E-4, got \"two\"");
        assertMessage("x,y\n1,0x10\n", "f.csv:2: column 2 (y): expected a number");
        assertMessage("x,y\n1,2d\n", "f.csv:2: column 2 (y): expected a number");
        assertMessage("x,y\n1,1,5\n", "f.csv:2: expected 2 values");
    }

    @Test
    void emptyCell() throws IOException {
        assertMessage("x,y\n,1\n", "f.csv:2: column 1 (x): expected a number, got an empty cell");
    }

    @Test
    void nanAndInfinity() throws IOException {
        assertMessage("x,y\n1,NaN\n", "f.csv:2: column 2 (y): expected a finite number, got NaN");
        assertMessage("x,y\n-Infinity,1\n", "f.csv:2: column 1 (x): expected a finite number, got -Infinity");
        assertMessage("x,y\n1,inf\n", "f.csv:2: column 2 (y): expected a finite number, got inf");
        assertMessage("x,y\n1e999,1\n", "f.csv:2: column 1 (x): expected a finite number, got 1e999 (too large");
    }

    @Test
    void lineNumbersCountBlankLinesAndTheByteOrderMark() throws IOException {
        assertMessage("\uFEFFx,y\r\n\r\n1,2\r\n1,oops\r\n", "f.csv:4: column 2 (y)");
    }

    @Test
    void notUtf8() throws IOException {
        Path file = dir.resolve("f.csv");
        Files.write(file, new byte[] {'x', ',', 'y', '\n', (byte) 0xff, ',', '1', '\n'});
        UserError e = assertThrows(UserError.class, () -> DatasetCsv.read(file, "train"));
        assertTrue(e.getMessage().contains("f.csv: not UTF-8 text"), e.getMessage());
    }

    @Test
    void missingFile() {
        UserError e = assertThrows(UserError.class, () -> DatasetCsv.read(dir.resolve("nope.csv"), "train"));
        String expected = "nope.csv: no such file; expected a CSV file with columns x,y or x1,x2,...,y";
        assertTrue(e.getMessage().endsWith(expected), e.getMessage());
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("f.csv");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }

    private void assertMessage(String content, String expectedStart) throws IOException {
        Path file = write(content);
        UserError e = assertThrows(UserError.class, () -> DatasetCsv.read(file, "train"));
        String message = e.getMessage();
        String prefix = dir + java.io.File.separator;
        String relative = message.startsWith(prefix) ? message.substring(prefix.length()) : message;
        assertTrue(relative.startsWith(expectedStart), "message: " + message);
        assertFalse(message.contains("\n"), "one line: " + message);
    }

    private static double finiteFromBits(long bits) {
        double value = Double.longBitsToDouble(bits);
        return Double.isFinite(value) ? value : 1.5;
    }
}
