package fitlab.runfolder;

import fitlab.config.Cell;
import fitlab.diagnosis.CellAccuracy;
import fitlab.diagnosis.CellLosses;
import fitlab.diagnosis.Diagnoser;
import fitlab.diagnosis.Diagnosis;
import fitlab.diagnosis.DiagnosisThresholds;
import fitlab.train.stopping.StopReason;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The diagnosis of every cell of a sweep from its metrics, computed once for summary.csv (the report reads it there):
 * the model of the last epoch, against the lowest validation loss of the cells with its seed, and for classification against the best
 * validation accuracy of the cells trained on the same data (same data settings and seed).
 */
public final class CellDiagnoses {
    private CellDiagnoses() {}

    /** One entry per cell, in order; empty for a diverged cell (stopped as diverged, or a loss that is not finite). */
    public static List<Optional<Diagnosis>> of(List<Cell> cells, List<CellSummary> summaries, List<List<MetricsRow>> metrics) {
        // the lowest validation loss among the cells trained on the same draw (seed): a sweep over seeds (lesson 11's
        // twelve repeats) compares each cell with its own draw's best, not with the luckiest draw of all, which made
        // most repeats of the chosen degree "overfit"; a sweep with one seed has one group, the whole sweep
        List<double[]> validationCurves = metrics.stream()
                .map(rows -> rows.stream().mapToDouble(MetricsRow::validationLoss).toArray()).toList();
        Map<Long, List<double[]>> curvesBySeed = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            curvesBySeed.computeIfAbsent(cells.get(i).config().seed(), k -> new ArrayList<>()).add(validationCurves.get(i));
        }
        Map<Long, Double> sweepMinBySeed = new HashMap<>();
        curvesBySeed.forEach((seed, curves) -> sweepMinBySeed.put(seed, Diagnoser.sweepMinValidation(curves)));
        Map<String, Double> bestAccuracy = new HashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            MetricsRow last = last(metrics.get(i));
            if (last.hasAccuracy() && Double.isFinite(last.validationAccuracy())) {
                bestAccuracy.merge(dataKey(cells.get(i)), last.validationAccuracy(), Math::max);
            }
        }
        List<Optional<Diagnosis>> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            List<MetricsRow> rows = metrics.get(i);
            MetricsRow last = last(rows);
            double[] train = rows.stream().mapToDouble(MetricsRow::trainLoss).toArray();
            double[] validation = validationCurves.get(i);
            Double floor = summaries.get(i).noiseFloor();
            Optional<CellAccuracy> accuracy = last.hasAccuracy() && Double.isFinite(last.trainAccuracy())
                    && Double.isFinite(last.validationAccuracy())
                    ? Optional.of(new CellAccuracy(last.trainAccuracy(), last.validationAccuracy(), bestAccuracy.get(dataKey(cells.get(i)))))
                    : Optional.empty();
            if (summaries.get(i).stopReason().equals(StopReason.DIVERGED.key())) {
                // stopped because its loss exploded: its last, finite losses are not a fit to judge (lesson 09's
                // lr=10 stops at epoch 2 with a training loss of 30 000, which the loss rules would call underfit)
                out.add(Optional.empty());
                continue;
            }
            double sweepMin = sweepMinBySeed.get(cells.get(i).config().seed());
            out.add(CellLosses.fromCurves(train, validation, rows.size() - 1)
                    .map(l -> Diagnoser.diagnose(l, accuracy, floor == null ? OptionalDouble.empty() : OptionalDouble.of(floor),
                            sweepMin, DiagnosisThresholds.DEFAULTS)));
        }
        return out;
    }

    private static MetricsRow last(List<MetricsRow> rows) {
        return rows.get(rows.size() - 1);
    }

    private static String dataKey(Cell c) {
        return c.config().data() + "|" + c.config().seed();
    }
}
