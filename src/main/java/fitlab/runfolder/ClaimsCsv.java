package fitlab.runfolder;

import fitlab.io.AtomicFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code claims.csv} at the run folder's root: one row per checked claim of the lesson, in the order the lesson states
 * them. Columns (stable): {@code claim} (its number in the lesson's claims: list), {@code kind}, {@code holds}
 * (true | false), {@code observed} and {@code expected} (the numbers behind the verdict, in words a reader can check),
 * {@code text_en}, {@code text_zh} (the claim as a sentence).
 */
public final class ClaimsCsv {
    public static final String FILE = "claims.csv";
    public static final List<String> COLUMNS = List.of("claim", "kind", "holds", "observed", "expected", "text_en", "text_zh");

    /** One checked claim. */
    public record Row(int claim, String kind, boolean holds, String observed, String expected, String textEn, String textZh) {
        public String text(String language) {
            return language.equals("zh") ? textZh : textEn;
        }
    }

    private ClaimsCsv() {}

    public static Path file(RunFolder run) {
        return run.root().resolve(FILE);
    }

    public static void write(RunFolder run, List<Row> rows) {
        StringBuilder sb = new StringBuilder(CsvRows.line(COLUMNS));
        for (Row r : rows) {
            sb.append(CsvRows.line(List.of(Integer.toString(r.claim()), r.kind(), Boolean.toString(r.holds()), r.observed(),
                    r.expected(), r.textEn(), r.textZh())));
        }
        AtomicFiles.write(file(run), sb.toString());
    }

    /** The rows of a run's claims.csv; none when the run has no such file (a lesson without claims, an older run). */
    public static List<Row> read(RunFolder run) {
        Path f = file(run);
        if (!Files.exists(f)) {
            return List.of();
        }
        List<Map<String, String>> rows = CsvRows.read(f);
        CsvRows.require(f, rows, COLUMNS);
        return rows.stream().map(m -> new Row(Integer.parseInt(m.get("claim")), m.get("kind"), Boolean.parseBoolean(m.get("holds")),
                m.get("observed"), m.get("expected"), m.get("text_en"), m.get("text_zh"))).toList();
    }
}
