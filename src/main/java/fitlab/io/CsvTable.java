package fitlab.io;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvWriteOptions;

/**
 * A table of named columns written as CSV with exactly the bytes of Tablesaw's CSV writer (its defaults, lines ending
 * in LF on every system), without touching Tablesaw when every text cell is one whose writing is known.
 *
 * <p>Why not always Tablesaw: the first use of its {@code Table} class scans the whole class path for readers and
 * writers (ClassGraph over the jar's 31 000 entries), about 0.45 CPU-seconds and a quarter of a second of wall time
 * here. {@code fitlab run} writes only two kinds of table, the datasets and {@code summary.csv}; that scan was a
 * sixth of lesson 01's training process. The serve and merge commands still read the same tables through
 * {@link #toTable()}.
 *
 * <p>What the plain writer knows, from Tablesaw's writer (univocity-parsers underneath): numbers as {@link
 * Double#toString(double)} and {@link Integer#toString(int)}, NaN and {@link Integer#MIN_VALUE} (Tablesaw's missing
 * values) as empty cells; a text cell as it is, in double quotes when it holds a comma. Any other text (empty, with a
 * quote or a line break, starting or ending in a character at or below space, which that writer trims, or starting
 * with {@code #} in a row's first cell, which it quotes as a comment mark) is written by Tablesaw itself, for the
 * whole table. {@code CsvTableTest} compares both writers on random tables of such characters.
 */
public record CsvTable(String name, List<Column> columns) {
    public CsvTable {
        columns = List.copyOf(columns);
        int rows = columns.isEmpty() ? 0 : columns.get(0).rows();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (Column c : columns) {
            if (!names.add(c.name().toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("two columns named " + c.name() + " (Tablesaw ignores case)");
            }
            if (c.rows() != rows) {
                throw new IllegalArgumentException("column " + c.name() + " has " + c.rows() + " rows, expected " + rows);
            }
        }
    }

    /** One column: its header and its cells, all of one type. */
    public sealed interface Column {
        String name();

        int rows();
    }

    public record Texts(String name, List<String> values) implements Column {
        public Texts {
            values = List.copyOf(values);
        }

        @Override
        public int rows() {
            return values.size();
        }
    }

    /** Doubles; NaN is a missing value (an empty cell). */
    public record Doubles(String name, double[] values) implements Column {
        @Override
        public int rows() {
            return values.length;
        }
    }

    /** Ints; {@link Integer#MIN_VALUE} is a missing value (an empty cell), as in Tablesaw. */
    public record Ints(String name, int[] values) implements Column {
        @Override
        public int rows() {
            return values.length;
        }
    }

    public int rows() {
        return columns.isEmpty() ? 0 : columns.get(0).rows();
    }

    /** The CSV bytes (UTF-8): header line, then one line per row, each ending in LF. */
    public byte[] csv() {
        return plainCsv().orElseGet(this::tablesawCsv);
    }

    /** The CSV written without Tablesaw, or empty when a text cell needs Tablesaw's own writer. */
    Optional<byte[]> plainCsv() {
        StringBuilder out = new StringBuilder(64 * (rows() + 1) * Math.max(1, columns.size()));
        for (int j = 0; j < columns.size(); j++) {
            if (!appendText(out, columns.get(j).name(), j)) {
                return Optional.empty();
            }
        }
        out.append('\n');
        for (int i = 0; i < rows(); i++) {
            for (int j = 0; j < columns.size(); j++) {
                if (!appendCell(out, columns.get(j), i, j)) {
                    return Optional.empty();
                }
            }
            out.append('\n');
        }
        return Optional.of(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The CSV as Tablesaw writes it (its default options but for LF line ends, so every system gives the same bytes). */
    byte[] tablesawCsv() {
        StringWriter out = new StringWriter();
        toTable().write().csv(CsvWriteOptions.builder(out).lineEnd("\n").build());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same table as a Tablesaw {@link Table}. */
    public Table toTable() {
        Table t = Table.create(name);
        for (Column c : columns) {
            if (c instanceof Texts s) {
                t.addColumns(StringColumn.create(s.name(), s.values()));
            } else if (c instanceof Doubles d) {
                t.addColumns(DoubleColumn.create(d.name(), d.values()));
            } else {
                Ints n = (Ints) c;
                t.addColumns(IntColumn.create(n.name(), n.values()));
            }
        }
        return t;
    }

    private static boolean appendCell(StringBuilder out, Column c, int row, int column) {
        if (c instanceof Texts t) {
            return appendText(out, t.values().get(row), column);
        } else if (c instanceof Doubles d) {
            return appendDouble(out, d.values()[row], column);
        }
        return appendInt(out, ((Ints) c).values()[row], column);
    }

    private static boolean appendText(StringBuilder out, String value, int column) {
        if (value.isEmpty() || value.charAt(0) <= ' ' || value.charAt(value.length() - 1) <= ' '
                || (column == 0 && value.charAt(0) == '#')) { // a comment mark only first in a line
            return false;
        }
        boolean comma = false;
        for (int k = 0; k < value.length(); k++) {
            char ch = value.charAt(k);
            if (ch == '"' || ch == '\n' || ch == '\r') {
                return false;
            }
            comma |= ch == ',';
        }
        separate(out, column);
        if (comma) {
            out.append('"').append(value).append('"');
        } else {
            out.append(value);
        }
        return true;
    }

    private static boolean appendDouble(StringBuilder out, double value, int column) {
        separate(out, column);
        if (!Double.isNaN(value)) {
            out.append(value); // StringBuilder.append(double) is Double.toString's text
        }
        return true;
    }

    private static boolean appendInt(StringBuilder out, int value, int column) {
        separate(out, column);
        if (value != Integer.MIN_VALUE) {
            out.append(value);
        }
        return true;
    }

    private static void separate(StringBuilder out, int column) {
        if (column > 0) {
            out.append(',');
        }
    }
}
