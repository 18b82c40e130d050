package fitlab.runfolder;

import fitlab.config.Experiment;
import fitlab.config.SweepAxis;
import fitlab.diagnosis.CellAccuracy;
import fitlab.diagnosis.CellLosses;
import fitlab.diagnosis.Diagnoser;
import fitlab.diagnosis.Diagnosis;
import fitlab.diagnosis.DiagnosisThresholds;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code summary.csv}: one row per cell with its swept values, capacity, best and stop epochs, losses and the
 * under/good/over-fit diagnosis of its final epoch (what training produced, before any restoring).
 */
public final class SummaryTable {
    /** The sweep's lowest validation loss the cell was diagnosed against (NaN for a diverged cell). */
    public static final String DIAGNOSIS_SWEEP_MIN = "diagnosis_sweep_min_validation_loss";
    /** Classification only: the final training accuracy the diagnosis compared with the validation accuracy. */
    public static final String DIAGNOSIS_TRAIN_ACCURACY = "final_train_accuracy";
    /** Classification only: the best final validation accuracy of the cells on the same data. */
    public static final String DIAGNOSIS_BEST_ACCURACY_ON_DATA = "diagnosis_best_validation_accuracy_on_data";

    private SummaryTable() {}

    public static Table build(Experiment experiment, List<CellSummary> cells, List<List<MetricsRow>> metrics) {
        List<Optional<Diagnosis>> diagnoses = CellDiagnoses.of(cells.stream().map(c -> experiment.cell(c.cell())).toList(), cells, metrics);
        Table t = Table.create("summary");
        StringColumn cell = StringColumn.create("cell");
        List<StringColumn> swept = new ArrayList<>();
        for (SweepAxis a : experiment.sweep()) {
            swept.add(StringColumn.create(a.path()));
        }
        IntColumn parameters = IntColumn.create("parameters");
        StringColumn stopReason = StringColumn.create("stop_reason");
        IntColumn stopEpoch = IntColumn.create("stop_epoch");
        IntColumn bestEpoch = IntColumn.create("best_epoch");
        DoubleColumn bestValidation = DoubleColumn.create("best_validation_loss");
        DoubleColumn trainAtBest = DoubleColumn.create("train_loss_at_best");
        DoubleColumn testAtBest = DoubleColumn.create("test_loss_at_best");
        DoubleColumn finalTrain = DoubleColumn.create("final_train_loss");
        DoubleColumn finalValidation = DoubleColumn.create("final_validation_loss");
        DoubleColumn finalTest = DoubleColumn.create("final_test_loss");
        DoubleColumn minTrain = DoubleColumn.create("min_train_loss");
        DoubleColumn noise = DoubleColumn.create("noise_floor");
        StringColumn diagnosis = StringColumn.create("diagnosis");
        StringColumn reason = StringColumn.create("diagnosis_reason");
        // the remaining numbers the diagnosis was decided on, so the report reads the diagnosis instead of redoing it
        DoubleColumn sweepMin = DoubleColumn.create(DIAGNOSIS_SWEEP_MIN);
        DoubleColumn finalTrainAccuracy = DoubleColumn.create(DIAGNOSIS_TRAIN_ACCURACY);
        DoubleColumn bestAccuracyOnData = DoubleColumn.create(DIAGNOSIS_BEST_ACCURACY_ON_DATA);
        boolean accuracy = !metrics.isEmpty() && metrics.get(0).get(0).hasAccuracy();
        DoubleColumn finalValidationAccuracy = DoubleColumn.create("final_validation_accuracy");
        DoubleColumn testAccuracyAtBest = DoubleColumn.create("test_accuracy_at_best");
        for (int i = 0; i < cells.size(); i++) {
            CellSummary s = cells.get(i);
            List<MetricsRow> rows = metrics.get(i);
            MetricsRow last = rows.get(rows.size() - 1);
            MetricsRow best = rows.get(Math.min(s.bestEpoch(), rows.size() - 1));
            cell.append(s.cell());
            for (int k = 0; k < swept.size(); k++) {
                swept.get(k).append(String.valueOf(s.values().get(experiment.sweep().get(k).path())));
            }
            parameters.append(s.parameters());
            stopReason.append(s.stopReason());
            stopEpoch.append(s.stopEpoch());
            bestEpoch.append(s.bestEpoch());
            bestValidation.append(best.validationLoss());
            trainAtBest.append(best.trainLoss());
            testAtBest.append(best.testLoss());
            finalTrain.append(last.trainLoss());
            finalValidation.append(last.validationLoss());
            finalTest.append(last.testLoss());
            double[] train = rows.stream().mapToDouble(MetricsRow::trainLoss).toArray();
            minTrain.append(java.util.Arrays.stream(train).filter(Double::isFinite).min().orElse(Double.NaN));
            noise.append(s.noiseFloor() == null ? Double.NaN : s.noiseFloor());
            Optional<Diagnosis> d = diagnoses.get(i);
            diagnosis.append(d.map(x -> x.verdict().name().toLowerCase(java.util.Locale.ROOT)).orElse("diverged"));
            reason.append(d.map(x -> x.reason().key()).orElse("diverged"));
            sweepMin.append(d.map(Diagnosis::sweepMinValidation).orElse(Double.NaN));
            finalTrainAccuracy.append(d.flatMap(Diagnosis::accuracy).map(CellAccuracy::train).orElse(Double.NaN));
            bestAccuracyOnData.append(d.flatMap(Diagnosis::accuracy).map(CellAccuracy::bestValidationOnData).orElse(Double.NaN));
            finalValidationAccuracy.append(last.validationAccuracy());
            testAccuracyAtBest.append(best.testAccuracy());
        }
        t.addColumns(cell);
        swept.forEach(t::addColumns);
        t.addColumns(parameters, stopReason, stopEpoch, bestEpoch, bestValidation, trainAtBest, testAtBest, finalTrain,
                finalValidation, finalTest, minTrain, noise, diagnosis, reason);
        if (accuracy) {
            t.addColumns(finalValidationAccuracy, testAccuracyAtBest);
        }
        t.addColumns(sweepMin);
        if (accuracy) {
            t.addColumns(finalTrainAccuracy, bestAccuracyOnData);
        }
        return t;
    }

    public static byte[] toCsv(Table table) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        table.write().csv(out);
        return out.toByteArray();
    }
}
