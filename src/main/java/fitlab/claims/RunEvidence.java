package fitlab.claims;

import fitlab.UserError;
import fitlab.runfolder.CsvRows;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** What claims are checked against, read from a run folder once and on demand. */
final class RunEvidence {
    /** The file lesson 08's run writes: each dropout cell's best checkpoint reloaded in eval and in train mode. */
    static final String EVAL_MODES = "eval-modes.csv";
    static final List<String> EVAL_MODE_COLUMNS = List.of("cell", "epoch", "split", "logged_loss", "eval_mode_loss", "train_mode_loss");
    /** The file lesson 06's run writes: each kind of .pth file loaded by a program whose model class was renamed. */
    static final String REFACTOR_CHECK = "refactor-check.csv";
    static final List<String> REFACTOR_COLUMNS = List.of("file", "kind", "bytes", "tensors", "classes", "loads_after_rename", "error");

    final RunFolder run;
    private List<Map<String, String>> summary;
    private final Map<String, List<MetricsRow>> metrics = new HashMap<>();
    private final Map<String, List<Map<String, String>>> tables = new HashMap<>();

    RunEvidence(RunFolder run) {
        this.run = run;
    }

    List<Map<String, String>> summary() {
        if (summary == null) {
            summary = CsvRows.read(run.summaryCsv());
        }
        return summary;
    }

    Map<String, String> summaryRow(String cell) {
        return summary().stream().filter(r -> cell.equals(r.get("cell"))).findFirst()
                .orElseThrow(() -> new UserError(run.summaryCsv() + ": no row for cell " + cell));
    }

    List<MetricsRow> metrics(String cell) {
        return metrics.computeIfAbsent(cell, c -> MetricsLog.read(run.cell(c).metrics()));
    }

    /** The newest continuation of {@code cell} ({@code cells/<cell>@resume-from-<E>/}, the largest E), if any. */
    Optional<Path> continuation(String cell) {
        Path cells = run.root().resolve("cells");
        String prefix = cell + "@resume-from-";
        try (Stream<Path> s = Files.list(cells)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix) && Files.isDirectory(p))
                    .max(Comparator.comparingLong(p -> epochOf(p.getFileName().toString().substring(prefix.length()))));
        } catch (IOException e) {
            throw new UserError(cells + ": cannot list: " + e.getMessage());
        }
    }

    private static long epochOf(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** A file a lesson's run writes at the run folder's root, checked for its columns. */
    List<Map<String, String>> table(String file, List<String> columns) {
        return tables.computeIfAbsent(file, f -> {
            Path p = run.root().resolve(f);
            List<Map<String, String>> rows = CsvRows.read(p);
            CsvRows.require(p, rows, columns);
            return rows;
        });
    }

    static double number(Map<String, String> row, String column) {
        String v = row.get(column);
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A split's loss column in metrics.csv order. */
    static double loss(MetricsRow r, String split) {
        return switch (split) {
            case "train" -> r.trainLoss();
            case "test" -> r.testLoss();
            default -> r.validationLoss();
        };
    }
}
