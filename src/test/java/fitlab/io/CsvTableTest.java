package fitlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsvTableTest {
    /** Characters around which Tablesaw's writer quotes, trims or marks comments, and some that it leaves alone. */
    private static final String ALPHABET = "ab1.=[] ,\"#\n\r\t\u0001\u00a0é中'\\;-";
    private static final double[] DOUBLES = {Double.NaN, -0.0, 0.0, 1e-5, 1e22, Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY, Double.MIN_VALUE, -Double.MAX_VALUE, 0.1 + 0.2, 3.0};
    private static final int[] INTS = {Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -5, 7, 3000};

    @Test
    void plainWriterGivesTablesawsBytesOnRandomTables() {
        SplittableRandom random = new SplittableRandom(20261203);
        int plain = 0;
        int library = 0;
        for (int trial = 0; trial < 3000; trial++) {
            CsvTable table = randomTable(random);
            Optional<byte[]> fast = table.plainCsv();
            byte[] expected = table.tablesawCsv();
            if (fast.isPresent()) {
                plain++;
                assertEquals(new String(expected, StandardCharsets.UTF_8), new String(fast.get(), StandardCharsets.UTF_8),
                        "table " + trial);
            } else {
                library++;
            }
            assertArrayEquals(expected, table.csv(), "table " + trial);
        }
        // both ways must have been exercised often, or the comparison proves little
        assertTrue(plain > 500, "plain tables: " + plain);
        assertTrue(library > 500, "tables left to Tablesaw: " + library);
    }

    @Test
    void commasAreQuotedAndMissingNumbersAreEmpty() {
        CsvTable t = new CsvTable("s", List.of(new CsvTable.Texts("cell", List.of("degree=4,seed=0", "x#")),
                new CsvTable.Doubles("loss", new double[] {Double.NaN, 1e-7}),
                new CsvTable.Ints("epoch", new int[] {Integer.MIN_VALUE, 12})));
        assertEquals("cell,loss,epoch\n\"degree=4,seed=0\",,\nx#,1.0E-7,12\n",
                new String(t.plainCsv().orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void textTablesawWouldChangeIsLeftToTablesaw() {
        for (String awkward : List.of("", " lead", "trail ", "#comment", "say \"hi\"", "two\nlines")) {
            CsvTable t = new CsvTable("s", List.of(new CsvTable.Texts("cell", List.of(awkward))));
            assertTrue(t.plainCsv().isEmpty(), awkward);
        }
        // '#' marks a comment only at the start of a line
        CsvTable second = new CsvTable("s", List.of(new CsvTable.Texts("a", List.of("x")),
                new CsvTable.Texts("b", List.of("#x"))));
        assertEquals("a,b\nx,#x\n", new String(second.plainCsv().orElseThrow(), StandardCharsets.UTF_8));
    }

    @Test
    void columnsOfDifferentLengthsOrOneNameAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CsvTable("s", List.of(
                new CsvTable.Ints("a", new int[] {1}), new CsvTable.Ints("b", new int[] {1, 2}))));
        assertThrows(IllegalArgumentException.class, () -> new CsvTable("s", List.of(
                new CsvTable.Ints("a", new int[] {1}), new CsvTable.Ints("A", new int[] {2}))));
    }

    private static CsvTable randomTable(SplittableRandom random) {
        int rows = random.nextInt(4);
        int columns = 1 + random.nextInt(4);
        List<CsvTable.Column> out = new ArrayList<>();
        for (int j = 0; j < columns; j++) {
            String name = (random.nextInt(4) == 0 ? text(random) : "c") + j;
            switch (random.nextInt(3)) {
                case 0 -> {
                    List<String> values = new ArrayList<>();
                    for (int i = 0; i < rows; i++) {
                        values.add(random.nextInt(3) == 0 ? "plain" + i : text(random));
                    }
                    out.add(new CsvTable.Texts(name, values));
                }
                case 1 -> {
                    double[] values = new double[rows];
                    for (int i = 0; i < rows; i++) {
                        values[i] = random.nextBoolean() ? DOUBLES[random.nextInt(DOUBLES.length)] : random.nextGaussian();
                    }
                    out.add(new CsvTable.Doubles(name, values));
                }
                default -> {
                    int[] values = new int[rows];
                    for (int i = 0; i < rows; i++) {
                        values[i] = random.nextBoolean() ? INTS[random.nextInt(INTS.length)] : random.nextInt();
                    }
                    out.add(new CsvTable.Ints(name, values));
                }
            }
        }
        return new CsvTable("t", out);
    }

    /** 1-5 characters, mostly harmless, sometimes one Tablesaw treats specially. */
    private static String text(SplittableRandom random) {
        int length = 1 + random.nextInt(5);
        StringBuilder s = new StringBuilder();
        for (int k = 0; k < length; k++) {
            s.append(random.nextInt(3) == 0 ? ALPHABET.charAt(random.nextInt(ALPHABET.length())) : (char) ('a' + random.nextInt(26)));
        }
        return s.toString();
    }
}
