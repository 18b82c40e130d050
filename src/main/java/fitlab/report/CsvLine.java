package fitlab.report;

import java.util.ArrayList;
import java.util.List;

/** One line of the run folder's small RFC 4180 CSV files (quoted fields, doubled quotes inside them). */
final class CsvLine {
    private CsvLine() {}

    static List<String> split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted && c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                field.append('"');
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == ',' && !quoted) {
                out.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
        }
        out.add(field.toString());
        return out;
    }

    /** The data lines of {@code file} (without its header), each split, every one with {@code fields} fields. */
    static List<List<String>> read(java.nio.file.Path file, int fields) {
        List<String> lines;
        try {
            lines = java.nio.file.Files.readAllLines(file);
        } catch (java.io.IOException e) {
            throw new fitlab.UserError(file + ": cannot read: " + e.getMessage());
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = split(lines.get(i));
            if (f.size() != fields) {
                throw new fitlab.UserError(file + ":" + (i + 1) + ": expected " + fields + " fields, got " + f.size());
            }
            out.add(f);
        }
        return out;
    }
}
