package fitlab.data;

import fitlab.UserError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks a dataset CSV line by line before Tablesaw sees it, so that every problem is reported as
 * {@code file:line: what was expected} rather than as a parser stack trace. Accepts a UTF-8 byte-order mark,
 * CRLF or LF line ends, blank lines (skipped), spaces around cells and double-quoted cells. The result is the
 * same table as plain LF-separated text that Tablesaw reads with explicit column types.
 *
 * @param features  number of input columns
 * @param rows      number of data rows
 * @param canonical header and rows, comma-separated, LF line ends, no BOM, quotes or blank lines
 * @param values    the cells as {@link Double#parseDouble} reads them, row by row ({@code features + 1} a row)
 */
record CsvScan(int features, int rows, String canonical, double[] values) {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final String EXPECTED_HEADER = "expected the header x,y (one feature) or x1,x2,...,y";

    static CsvScan of(String file, byte[] bytes, boolean allowNoRows) {
        return of(file, bytes, allowNoRows, 0);
    }

    /**
     * As {@link #of(String, byte[], boolean)}; with {@code classes} of 2 or more, every y must also be a class index
     * 0..classes-1 (checked here, where the line is known, rather than by the loss once training has begun).
     */
    static CsvScan of(String file, byte[] bytes, boolean allowNoRows, int classes) {
        String text = decode(file, bytes);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        int headerIndex = 0;
        while (headerIndex < lines.length && lines[headerIndex].isBlank()) {
            headerIndex++;
        }
        if (headerIndex == lines.length) {
            throw new UserError(file + ": the file is empty; " + EXPECTED_HEADER + ", then one row per example");
        }
        List<String> names = header(file, headerIndex + 1, lines[headerIndex]);
        StringBuilder canonical = new StringBuilder(text.length()).append(String.join(",", names)).append('\n');
        int rows = 0;
        double[] values = new double[Math.max(16, lines.length * names.size())];
        for (int i = headerIndex + 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            List<String> cells = cells(lines[i]);
            int lineNumber = i + 1;
            if (cells.size() != names.size()) {
                throw new UserError(file + ":" + lineNumber + ": expected " + names.size() + " values ("
                        + String.join(",", names) + "), got " + cells.size());
            }
            for (int c = 0; c < cells.size(); c++) {
                values[rows * names.size() + c] = number(file, lineNumber, c + 1, names.get(c), cells.get(c));
            }
            if (classes >= 2) {
                checkClass(file, lineNumber, cells.size(), cells.get(cells.size() - 1), classes);
            }
            canonical.append(String.join(",", cells)).append('\n');
            rows++;
        }
        if (rows == 0 && !allowNoRows) {
            throw new UserError(file + ":" + (headerIndex + 1) + ": only a header, no data rows; expected one row per "
                    + "example after the header " + String.join(",", names));
        }
        return new CsvScan(names.size() - 1, rows, canonical.toString(), java.util.Arrays.copyOf(values, rows * names.size()));
    }

    /** The column names for {@code features} inputs: {@code x,y} or {@code x1,...,xk,y}. */
    static List<String> columnNames(int features) {
        List<String> names = new ArrayList<>(features + 1);
        if (features == 1) {
            names.add("x");
        } else {
            for (int j = 1; j <= features; j++) {
                names.add("x" + j);
            }
        }
        names.add("y");
        return names;
    }

    private static List<String> header(String file, int lineNumber, String line) {
        List<String> names = cells(line);
        int features = names.size() - 1;
        boolean valid = features >= 1 && (names.equals(columnNames(features))
                || features == 1 && names.equals(List.of("x1", "y")));
        if (!valid) {
            throw new UserError(file + ":" + lineNumber + ": " + EXPECTED_HEADER + ", got " + String.join(",", names));
        }
        return columnNames(features);
    }

    /** The cell's number, or a one-line error naming the line and column. */
    private static double number(String file, int line, int column, String name, String cell) {
        String where = file + ":" + line + ": column " + column + " (" + name + "): ";
        if (cell.isEmpty()) {
            throw new UserError(where + "expected a number, got an empty cell");
        }
        if (NOT_FINITE.matcher(cell).matches()) {
            throw new UserError(where + "expected a finite number, got " + cell + " (NaN and infinities are not data)");
        }
        if (!NUMBER.matcher(cell).matches()) {
            throw new UserError(where + "expected a number such as -1.25 or 3.0E-4, got \"" + cell + "\"");
        }
        double value = Double.parseDouble(cell);
        if (Double.isInfinite(value)) {
            throw new UserError(where + "expected a finite number, got " + cell + " (too large for a double)");
        }
        return value;
    }

    private static void checkClass(String file, int line, int column, String cell, int classes) {
        double y = Double.parseDouble(cell);
        if (y != Math.rint(y) || y < 0 || y > classes - 1) {
            throw new UserError(file + ":" + line + ": column " + column + " (y): expected a class index 0.." + (classes - 1)
                    + " (data.classes: " + classes + "), got " + cell);
        }
    }

    /** Splits on commas, trims spaces and removes one pair of surrounding double quotes. */
    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        for (String raw : line.split(",", -1)) {
            String cell = raw.strip();
            if (cell.length() >= 2 && cell.startsWith("\"") && cell.endsWith("\"")) {
                cell = cell.substring(1, cell.length() - 1).strip();
            }
            cells.add(cell);
        }
        return cells;
    }

    private static String decode(String file, byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new UserError(file + ": not UTF-8 text (" + e.getMessage().toLowerCase(Locale.ROOT)
                    + "); expected a UTF-8 CSV file");
        }
    }
}
