package fitlab.report;

import fitlab.UserError;
import fitlab.experiment.CsvRows;
import fitlab.experiment.RunFolder;
import fitlab.experiment.SummaryTable;
import fitlab.experiment.diagnosis.CellAccuracy;
import fitlab.experiment.diagnosis.CellLosses;
import fitlab.experiment.diagnosis.Diagnosis;
import fitlab.experiment.diagnosis.DiagnosisThresholds;
import fitlab.experiment.diagnosis.Reason;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The diagnosis of each cell as the run wrote it in {@code summary.csv}: the report quotes that verdict and the
 * numbers it was decided on, and never diagnoses again (a second computation could disagree with the table the
 * student reads next to the charts).
 */
final class WrittenDiagnoses {
    private static final String DIVERGED = "diverged";

    private WrittenDiagnoses() {}

    /** One entry per cell id of {@code cells}, in that order; empty for a cell the run recorded as diverged. */
    static List<Optional<Diagnosis>> read(RunFolder run, List<String> cells) {
        Path file = run.summaryCsv();
        List<Map<String, String>> rows = CsvRows.read(file);
        CsvRows.require(file, rows, List.of("cell", "diagnosis_reason", "min_train_loss", "final_train_loss",
                "final_validation_loss", "noise_floor", "best_validation_loss"));
        Map<String, Map<String, String>> byCell = new HashMap<>();
        rows.forEach(r -> byCell.put(r.get("cell"), r));
        // summary.csv files written before the sweep minimum had its own column: the lowest best validation loss, which
        // is the sweep minimum whenever the validation loss is the monitored value (every bundled lesson)
        double fallbackSweepMin = rows.stream().mapToDouble(r -> number(r, "best_validation_loss"))
                .filter(Double::isFinite).min().orElse(Double.NaN);
        return cells.stream().map(id -> {
            Map<String, String> row = byCell.get(id);
            if (row == null) {
                throw new UserError(file + ": no row for cell " + id + "; redo it with fitlab run --resume " + run.root());
            }
            return diagnosis(file, row, fallbackSweepMin);
        }).toList();
    }

    private static Optional<Diagnosis> diagnosis(Path file, Map<String, String> row, double fallbackSweepMin) {
        String key = row.get("diagnosis_reason");
        if (key.equals(DIVERGED)) {
            return Optional.empty();
        }
        Reason reason = Arrays.stream(Reason.values()).filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new UserError(file + ": cell " + row.get("cell") + ": diagnosis_reason '" + key
                        + "' is not one fitlab writes"));
        CellLosses losses = new CellLosses(number(row, "min_train_loss"), number(row, "final_train_loss"),
                number(row, "final_validation_loss"));
        double floor = number(row, "noise_floor");
        double sweepMin = row.containsKey(SummaryTable.DIAGNOSIS_SWEEP_MIN)
                ? number(row, SummaryTable.DIAGNOSIS_SWEEP_MIN) : fallbackSweepMin;
        double train = number(row, SummaryTable.DIAGNOSIS_TRAIN_ACCURACY);
        double validation = number(row, "final_validation_accuracy");
        double best = number(row, SummaryTable.DIAGNOSIS_BEST_ACCURACY_ON_DATA);
        Optional<CellAccuracy> accuracy = Double.isFinite(train) && Double.isFinite(validation) && Double.isFinite(best)
                ? Optional.of(new CellAccuracy(train, validation, best)) : Optional.empty();
        return Optional.of(new Diagnosis(reason, losses, Double.isFinite(floor) ? OptionalDouble.of(floor) : OptionalDouble.empty(),
                sweepMin, DiagnosisThresholds.DEFAULTS, accuracy));
    }

    /** A number of the row; NaN when the column is absent or empty (no noise floor, no accuracy). */
    private static double number(Map<String, String> row, String column) {
        String text = row.get(column);
        return text == null || text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }
}
