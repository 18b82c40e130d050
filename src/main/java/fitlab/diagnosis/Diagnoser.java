package fitlab.diagnosis;

import java.util.Collection;
import java.util.OptionalDouble;

/** Applies {@link DiagnosisThresholds}' rules to a cell. Pure functions of the numbers given. */
public final class Diagnoser {

    private Diagnoser() {}

    /**
     * Diagnoses a cell on data whose noise floor σ² is known (MSE on generated regression data: σ² = noise²).
     *
     * @param sweepMinValidation the lowest validation loss over the sweep, see {@link #sweepMinValidation}
     */
    public static Diagnosis diagnose(CellLosses cell, double noiseFloor, double sweepMinValidation,
            DiagnosisThresholds t) {
        if (!(noiseFloor > 0) || Double.isInfinite(noiseFloor)) {
            throw new IllegalArgumentException("noise floor must be finite and > 0, got " + noiseFloor);
        }
        requireSweepMin(sweepMinValidation);
        Reason reason;
        if (cell.bestTrainLoss() > t.farUnderfitTrainFactor() * noiseFloor) {
            reason = Reason.UNDERFIT_FAR_ABOVE_NOISE_FLOOR;
        } else if (cell.trainLoss() < t.overfitTrainFactor() * noiseFloor
                && cell.validationLoss() > t.overfitValidationFactor() * sweepMinValidation) {
            reason = Reason.OVERFIT_BELOW_NOISE_FLOOR;
        } else if (cell.bestTrainLoss() > t.underfitTrainFactor() * noiseFloor
                && cell.gapRatio() < t.underfitGapRatio()) {
            reason = Reason.UNDERFIT_ABOVE_NOISE_FLOOR;
        } else if (cell.bestTrainLoss() > t.underfitTrainFactor() * noiseFloor
                && cell.validationLoss() > t.overfitValidationFactor() * sweepMinValidation) {
            // a line through a cosine: it cannot reach the noise on its own training points, and its validation loss
            // is far above what the sweep reached; the large ratio comes from where the few training points fell
            reason = Reason.UNDERFIT_ABOVE_NOISE_FLOOR_FAR_FROM_BEST;
        } else {
            reason = Reason.GOOD_NEAR_NOISE_FLOOR;
        }
        return new Diagnosis(reason, cell, OptionalDouble.of(noiseFloor), sweepMinValidation, t);
    }

    /**
     * Diagnoses a cell when no noise floor is known (classification, CSV data, or a loss other than MSE): the sweep's
     * lowest validation loss stands in for the achievable loss, and the train/validation gap decides overfitting.
     */
    public static Diagnosis diagnoseWithoutNoiseFloor(CellLosses cell, double sweepMinValidation,
            DiagnosisThresholds t) {
        requireSweepMin(sweepMinValidation);
        Reason reason;
        if (cell.gapRatio() > t.fallbackOverfitGapRatio()
                && cell.validationLoss() > t.overfitValidationFactor() * sweepMinValidation) {
            reason = Reason.OVERFIT_LARGE_GAP;
        } else if (cell.bestTrainLoss() > t.fallbackUnderfitFactor() * sweepMinValidation
                && cell.gapRatio() < t.underfitGapRatio()) {
            reason = Reason.UNDERFIT_HIGH_LOSS_SMALL_GAP;
        } else {
            reason = Reason.GOOD_SMALL_GAP;
        }
        return new Diagnosis(reason, cell, OptionalDouble.empty(), sweepMinValidation, t);
    }

    /**
     * A classification cell, judged on accuracy (see {@link DiagnosisThresholds}): at the best validation accuracy on its
     * data it is good; below it, overfit with a training/validation accuracy gap, else underfit.
     */
    public static Diagnosis diagnose(CellLosses cell, CellAccuracy a, double sweepMinValidation, DiagnosisThresholds t) {
        requireSweepMin(sweepMinValidation);
        Reason reason;
        if (a.validation() >= a.bestValidationOnData() - t.accuracyMargin()) {
            reason = Reason.GOOD_AT_BEST_ACCURACY;
        } else if (a.train() < a.bestValidationOnData() - t.accuracyMargin()) {
            // a 2-unit net on the spiral: 65 % of its own training points, the best net 88 % of new ones; its gap to
            // validation is no sign of overfitting when it cannot fit its training data in the first place
            reason = Reason.UNDERFIT_LOW_TRAINING_ACCURACY;
        } else if (a.train() - a.validation() > t.accuracyOverfitGap()) {
            reason = Reason.OVERFIT_ACCURACY_GAP;
        } else {
            reason = Reason.UNDERFIT_LOW_ACCURACY;
        }
        return new Diagnosis(reason, cell, OptionalDouble.empty(), sweepMinValidation, t, java.util.Optional.of(a));
    }

    /** Accuracy when measured, else the loss rules: with the noise floor when it is known and above 0, else without. */
    public static Diagnosis diagnose(CellLosses cell, java.util.Optional<CellAccuracy> accuracy, OptionalDouble noiseFloor,
            double sweepMinValidation, DiagnosisThresholds t) {
        if (accuracy.isPresent()) {
            return diagnose(cell, accuracy.get(), sweepMinValidation, t);
        }
        return diagnose(cell, noiseFloor, sweepMinValidation, t);
    }

    /** Either rule set, depending on whether the noise floor is known (σ² = 0, noise-free data, has no floor). */
    public static Diagnosis diagnose(CellLosses cell, OptionalDouble noiseFloor, double sweepMinValidation,
            DiagnosisThresholds t) {
        return noiseFloor.isPresent() && noiseFloor.getAsDouble() > 0
                ? diagnose(cell, noiseFloor.getAsDouble(), sweepMinValidation, t)
                : diagnoseWithoutNoiseFloor(cell, sweepMinValidation, t);
    }

    /**
     * The lowest finite validation loss over all epochs of the given cells' validation curves: the best any capacity
     * in the sweep reached. Pass the cells that share the same data (same seed) to compare like with like.
     */
    public static double sweepMinValidation(Collection<double[]> validationCurves) {
        double min = Double.POSITIVE_INFINITY;
        for (double[] curve : validationCurves) {
            for (double v : curve) {
                if (Double.isFinite(v) && v >= 0) {
                    min = Math.min(min, v);
                }
            }
        }
        if (min == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("no finite validation loss in " + validationCurves.size() + " cells");
        }
        return min;
    }

    private static void requireSweepMin(double sweepMinValidation) {
        if (!(sweepMinValidation >= 0) || Double.isInfinite(sweepMinValidation)) {
            throw new IllegalArgumentException("the sweep's minimum validation loss must be finite and >= 0, got "
                    + sweepMinValidation);
        }
    }
}
