package fitlab.runfolder;

import fitlab.UserError;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Small RFC 4180 CSV files of the run folder (summary.csv, claims.csv, eval-modes.csv, refactor-check.csv) as rows of
 * column name -> text. Quoted fields may hold commas, quotes and line breaks (a swept value {@code [8, 8]}, a sentence).
 */
public final class CsvRows {
    private CsvRows() {}

    /** The rows of {@code file} by header name; a missing or malformed file is a one-line error naming it. */
    public static List<Map<String, String>> read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
        List<List<String>> records = parse(text);
        if (records.isEmpty()) {
            throw new UserError(file + ": empty, expected a header line");
        }
        List<String> header = records.get(0);
        List<Map<String, String>> out = new ArrayList<>();
        for (int r = 1; r < records.size(); r++) {
            List<String> rec = records.get(r);
            if (rec.size() == 1 && rec.get(0).isEmpty()) {
                continue;
            }
            if (rec.size() != header.size()) {
                throw new UserError(file + ": record " + (r + 1) + " has " + rec.size() + " fields, the header has " + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), rec.get(i));
            }
            out.add(row);
        }
        return out;
    }

    /** Fails naming the file when it lacks one of {@code columns}. */
    public static void require(Path file, List<Map<String, String>> rows, List<String> columns) {
        for (Map<String, String> row : rows) {
            for (String c : columns) {
                if (!row.containsKey(c)) {
                    throw new UserError(file + ": no column '" + c + "' (expected " + String.join(",", columns) + ")");
                }
            }
        }
    }

    /** Every record of RFC 4180 CSV text (quoted fields, doubled quotes inside them, CRLF or LF). */
    public static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> rec = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean any = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            any = true;
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                rec.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                rec.add(field.toString());
                field.setLength(0);
                records.add(rec);
                rec = new ArrayList<>();
                any = false;
            } else {
                field.append(c);
            }
        }
        if (any) {
            rec.add(field.toString());
            records.add(rec);
        }
        return records;
    }

    /** One CSV line (with its line break), quoting the fields that need it. */
    public static String line(List<String> fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < fields.size(); i++) {
            String f = fields.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append(quote(f));
        }
        return sb.append('\n').toString();
    }

    /** A field as RFC 4180 writes it: quoted when it holds a comma, a quote or a line break (cell ids hold commas). */
    public static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
