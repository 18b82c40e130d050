package fitlab.runfolder;

import fitlab.config.Experiment;
import fitlab.config.SweepAxis;
import fitlab.diagnosis.CellAccuracy;
import fitlab.diagnosis.CellLosses;
import fitlab.diagnosis.Diagnoser;
import fitlab.diagnosis.Diagnosis;
import fitlab.diagnosis.DiagnosisThresholds;
import fitlab.io.CsvTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code summary.csv}: one row per cell with its swept values, capacity, best and stop epochs, losses and the
 * under/good/over-fit diagnosis of its final epoch (what training produced, before any restoring). Built as a
 * {@link CsvTable}: written without initialising Tablesaw, read as a Tablesaw table where a command wants one.
 */
public final class SummaryTable {
    /** The sweep's lowest validation loss the cell was diagnosed against (NaN for a diverged cell). */
    public static final String DIAGNOSIS_SWEEP_MIN = "diagnosis_sweep_min_validation_loss";
    /** Classification only: the final training accuracy the diagnosis compared with the validation accuracy. */
    public static final String DIAGNOSIS_TRAIN_ACCURACY = "final_train_accuracy";
    /** Classification only: the best final validation accuracy of the cells on the same data. */
    public static final String DIAGNOSIS_BEST_ACCURACY_ON_DATA = "diagnosis_best_validation_accuracy_on_data";

    private SummaryTable() {}

    public static CsvTable build(Experiment experiment, List<CellSummary> cells, List<List<MetricsRow>> metrics) {
        List<Optional<Diagnosis>> diagnoses = CellDiagnoses.of(cells.stream().map(c -> experiment.cell(c.cell())).toList(), cells, metrics);
        int n = cells.size();
        List<String> cell = new ArrayList<>();
        List<List<String>> swept = new ArrayList<>();
        for (int k = 0; k < experiment.sweep().size(); k++) {
            swept.add(new ArrayList<>());
        }
        int[] parameters = new int[n];
        List<String> stopReason = new ArrayList<>();
        int[] stopEpoch = new int[n];
        int[] bestEpoch = new int[n];
        double[] bestValidation = new double[n];
        double[] trainAtBest = new double[n];
        double[] testAtBest = new double[n];
        double[] finalTrain = new double[n];
        double[] finalValidation = new double[n];
        double[] finalTest = new double[n];
        double[] minTrain = new double[n];
        double[] noise = new double[n];
        List<String> diagnosis = new ArrayList<>();
        List<String> reason = new ArrayList<>();
        // the remaining numbers the diagnosis was decided on, so the report reads the diagnosis instead of redoing it
        double[] sweepMin = new double[n];
        double[] finalTrainAccuracy = new double[n];
        double[] bestAccuracyOnData = new double[n];
        boolean accuracy = !metrics.isEmpty() && metrics.get(0).get(0).hasAccuracy();
        double[] finalValidationAccuracy = new double[n];
        double[] testAccuracyAtBest = new double[n];
        for (int i = 0; i < n; i++) {
            CellSummary s = cells.get(i);
            List<MetricsRow> rows = metrics.get(i);
            MetricsRow last = rows.get(rows.size() - 1);
            MetricsRow best = rows.get(Math.min(s.bestEpoch(), rows.size() - 1));
            cell.add(s.cell());
            for (int k = 0; k < swept.size(); k++) {
                swept.get(k).add(String.valueOf(s.values().get(experiment.sweep().get(k).path())));
            }
            parameters[i] = s.parameters();
            stopReason.add(s.stopReason());
            stopEpoch[i] = s.stopEpoch();
            bestEpoch[i] = s.bestEpoch();
            bestValidation[i] = best.validationLoss();
            trainAtBest[i] = best.trainLoss();
            testAtBest[i] = best.testLoss();
            finalTrain[i] = last.trainLoss();
            finalValidation[i] = last.validationLoss();
            finalTest[i] = last.testLoss();
            double[] train = rows.stream().mapToDouble(MetricsRow::trainLoss).toArray();
            minTrain[i] = java.util.Arrays.stream(train).filter(Double::isFinite).min().orElse(Double.NaN);
            noise[i] = s.noiseFloor() == null ? Double.NaN : s.noiseFloor();
            Optional<Diagnosis> d = diagnoses.get(i);
            diagnosis.add(d.map(x -> x.verdict().name().toLowerCase(java.util.Locale.ROOT)).orElse("diverged"));
            reason.add(d.map(x -> x.reason().key()).orElse("diverged"));
            sweepMin[i] = d.map(Diagnosis::sweepMinValidation).orElse(Double.NaN);
            finalTrainAccuracy[i] = d.flatMap(Diagnosis::accuracy).map(CellAccuracy::train).orElse(Double.NaN);
            bestAccuracyOnData[i] = d.flatMap(Diagnosis::accuracy).map(CellAccuracy::bestValidationOnData).orElse(Double.NaN);
            finalValidationAccuracy[i] = last.validationAccuracy();
            testAccuracyAtBest[i] = best.testAccuracy();
        }
        List<CsvTable.Column> columns = new ArrayList<>();
        columns.add(new CsvTable.Texts("cell", cell));
        for (int k = 0; k < swept.size(); k++) {
            columns.add(new CsvTable.Texts(experiment.sweep().get(k).path(), swept.get(k)));
        }
        columns.add(new CsvTable.Ints("parameters", parameters));
        columns.add(new CsvTable.Texts("stop_reason", stopReason));
        columns.add(new CsvTable.Ints("stop_epoch", stopEpoch));
        columns.add(new CsvTable.Ints("best_epoch", bestEpoch));
        columns.add(new CsvTable.Doubles("best_validation_loss", bestValidation));
        columns.add(new CsvTable.Doubles("train_loss_at_best", trainAtBest));
        columns.add(new CsvTable.Doubles("test_loss_at_best", testAtBest));
        columns.add(new CsvTable.Doubles("final_train_loss", finalTrain));
        columns.add(new CsvTable.Doubles("final_validation_loss", finalValidation));
        columns.add(new CsvTable.Doubles("final_test_loss", finalTest));
        columns.add(new CsvTable.Doubles("min_train_loss", minTrain));
        columns.add(new CsvTable.Doubles("noise_floor", noise));
        columns.add(new CsvTable.Texts("diagnosis", diagnosis));
        columns.add(new CsvTable.Texts("diagnosis_reason", reason));
        if (accuracy) {
            columns.add(new CsvTable.Doubles("final_validation_accuracy", finalValidationAccuracy));
            columns.add(new CsvTable.Doubles("test_accuracy_at_best", testAccuracyAtBest));
        }
        columns.add(new CsvTable.Doubles(DIAGNOSIS_SWEEP_MIN, sweepMin));
        if (accuracy) {
            columns.add(new CsvTable.Doubles(DIAGNOSIS_TRAIN_ACCURACY, finalTrainAccuracy));
            columns.add(new CsvTable.Doubles(DIAGNOSIS_BEST_ACCURACY_ON_DATA, bestAccuracyOnData));
        }
        return new CsvTable("summary", columns);
    }

}
