package fitlab.report;

import fitlab.UserError;
import fitlab.diagnosis.CellAccuracy;
import fitlab.diagnosis.CellLosses;
import fitlab.diagnosis.Diagnosis;
import fitlab.diagnosis.DiagnosisThresholds;
import fitlab.diagnosis.Reason;
import fitlab.runfolder.CsvRows;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.SummaryTable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The diagnosis of each cell as the run wrote it in {@code summary.csv}: the report quotes that verdict and the
 * numbers it was decided on, and never diagnoses again (a second computation could disagree with the table the
 * student reads next to the charts).
 */
final class WrittenDiagnoses {
    private static final String DIVERGED = "diverged";

    private WrittenDiagnoses() {}

    /**
     * One entry per cell id of {@code cells}, in that order; empty for a cell the run recorded as diverged.
     * {@code numbersOfOlderRuns} is asked only for a summary.csv written before it held every number of the diagnosis:
     * the verdict is still the file's, the numbers quoted with it come from there.
     */
    static List<Optional<Diagnosis>> read(RunFolder run, List<String> cells, Supplier<List<Optional<Diagnosis>>> numbersOfOlderRuns) {
        Path file = run.summaryCsv();
        List<Map<String, String>> rows = CsvRows.read(file);
        CsvRows.require(file, rows, List.of("cell", "diagnosis_reason", "min_train_loss", "final_train_loss",
                "final_validation_loss", "noise_floor"));
        Map<String, Map<String, String>> byCell = new HashMap<>();
        rows.forEach(r -> byCell.put(r.get("cell"), r));
        boolean older = !rows.isEmpty() && !rows.get(0).containsKey(SummaryTable.DIAGNOSIS_SWEEP_MIN);
        List<Optional<Diagnosis>> olderNumbers = older ? numbersOfOlderRuns.get() : null;
        List<Optional<Diagnosis>> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Map<String, String> row = byCell.get(cells.get(i));
            if (row == null) {
                throw new UserError(file + ": no row for cell " + cells.get(i) + "; redo it with fitlab run --resume " + run.root());
            }
            Optional<Reason> reason = reason(file, row);
            Optional<Diagnosis> computed = older ? olderNumbers.get(i) : Optional.empty();
            out.add(older
                    ? reason.flatMap(r -> computed.map(d -> new Diagnosis(r, d.losses(), d.noiseFloor(),
                            d.sweepMinValidation(), d.thresholds(), d.accuracy())))
                    : reason.map(r -> diagnosis(row, r)));
        }
        return out;
    }

    /** The rule the run recorded; empty for a diverged cell. */
    private static Optional<Reason> reason(Path file, Map<String, String> row) {
        String key = row.get("diagnosis_reason");
        if (key.equals(DIVERGED)) {
            return Optional.empty();
        }
        return Optional.of(Arrays.stream(Reason.values()).filter(r -> r.key().equals(key)).findFirst()
                .orElseThrow(() -> new UserError(file + ": cell " + row.get("cell") + ": diagnosis_reason '" + key
                        + "' is not one fitlab writes")));
    }

    private static Diagnosis diagnosis(Map<String, String> row, Reason reason) {
        CellLosses losses = new CellLosses(number(row, "min_train_loss"), number(row, "final_train_loss"),
                number(row, "final_validation_loss"));
        double floor = number(row, "noise_floor");
        double sweepMin = number(row, SummaryTable.DIAGNOSIS_SWEEP_MIN);
        double train = number(row, SummaryTable.DIAGNOSIS_TRAIN_ACCURACY);
        double validation = number(row, "final_validation_accuracy");
        double best = number(row, SummaryTable.DIAGNOSIS_BEST_ACCURACY_ON_DATA);
        Optional<CellAccuracy> accuracy = Double.isFinite(train) && Double.isFinite(validation) && Double.isFinite(best)
                ? Optional.of(new CellAccuracy(train, validation, best)) : Optional.empty();
        return new Diagnosis(reason, losses, Double.isFinite(floor) ? OptionalDouble.of(floor) : OptionalDouble.empty(),
                sweepMin, DiagnosisThresholds.DEFAULTS, accuracy);
    }

    /** A number of the row; NaN when the column is absent or empty (no noise floor, no accuracy). */
    private static double number(Map<String, String> row, String column) {
        String text = row.get(column);
        return text == null || text.isEmpty() ? Double.NaN : Double.parseDouble(text);
    }
}
