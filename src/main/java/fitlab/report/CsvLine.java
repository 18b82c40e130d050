package fitlab.report;

import java.util.ArrayList;
import java.util.List;

/** The data records of the run folder's small CSV files that the lesson stories write, checked for their width. */
final class CsvLine {
    private CsvLine() {}

    /** The data lines of {@code file} (without its header), each split, every one with {@code fields} fields. */
    static List<List<String>> read(java.nio.file.Path file, int fields) {
        List<List<String>> lines;
        try {
            lines = fitlab.runfolder.CsvRows.parse(java.nio.file.Files.readString(file));
        } catch (java.io.IOException e) {
            throw new fitlab.UserError(file + ": cannot read: " + e.getMessage());
        }
        List<List<String>> out = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = lines.get(i);
            if (f.size() != fields) {
                throw new fitlab.UserError(file + ":" + (i + 1) + ": expected " + fields + " fields, got " + f.size());
            }
            out.add(f);
        }
        return out;
    }
}
