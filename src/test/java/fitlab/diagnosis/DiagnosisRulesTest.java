package fitlab.diagnosis;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * The rules added for issue 16, each on both sides of its threshold: far above the noise floor is underfit whatever the
 * ratio (lesson 10's raw Legendre fit), classification is judged on accuracy (lesson 13's moons), and noise 0 works.
 */
class DiagnosisRulesTest {
    private static final DiagnosisThresholds T = DiagnosisThresholds.DEFAULTS;
    private static final double SIGMA2 = 0.01;
    private static final double EPS = 1e-9;

    private static Reason withFloor(double bestTrain, double validationOverTrain) {
        return Diagnoser.diagnose(new CellLosses(bestTrain, bestTrain, bestTrain * validationOverTrain), SIGMA2, bestTrain, T).reason();
    }

    @Test
    void farAboveTheNoiseFloorIsUnderfitWhateverTheRatio() {
        double far = T.farUnderfitTrainFactor() * SIGMA2;
        // a validation/training ratio of 5 used to make such a cell "good" (the underfit rule also wanted a ratio < 1.5)
        assertEquals(Reason.UNDERFIT_FAR_ABOVE_NOISE_FLOOR, withFloor(far * (1 + EPS), 5));
        // just below it, a ratio of 5 with the validation loss at the sweep's best (5·far) is the only way to be good
        assertEquals(Reason.GOOD_NEAR_NOISE_FLOOR, rule(far * (1 - EPS), far * (1 - EPS) * 5, far * 5));
        assertEquals(Reason.UNDERFIT_ABOVE_NOISE_FLOOR_FAR_FROM_BEST, withFloor(far * (1 - EPS), 5));
        // below the far factor the old rule still applies: small ratio -> underfit
        assertEquals(Reason.UNDERFIT_ABOVE_NOISE_FLOOR, withFloor(far * (1 - EPS), 1.2));
    }

    @Test
    void aboveTheFloorAndFarFromTheSweepsBestIsUnderfitWhateverTheRatio() {
        // lesson 01, seed 223312: a line's best training loss 7.5·σ², validation/training 4.9, validation 22× the best
        double above = T.underfitTrainFactor() * SIGMA2, sweepMin = 0.03; // validation/training stays above 1.5 on both sides
        double farFromBest = T.overfitValidationFactor() * sweepMin;
        assertEquals(Reason.UNDERFIT_ABOVE_NOISE_FLOOR_FAR_FROM_BEST, rule(above * (1 + EPS), farFromBest * (1 + EPS), sweepMin));
        assertEquals(Reason.GOOD_NEAR_NOISE_FLOOR, rule(above * (1 + EPS), farFromBest * (1 - EPS), sweepMin), "near the sweep's best");
        assertEquals(Reason.GOOD_NEAR_NOISE_FLOOR, rule(above * (1 - EPS), farFromBest * (1 + EPS), sweepMin), "within 2·σ² of the floor");
        // the overfit rule comes first: a training loss below σ² with a far validation loss stays overfit
        assertEquals(Reason.OVERFIT_BELOW_NOISE_FLOOR, Diagnoser.diagnose(new CellLosses(0.5 * SIGMA2, 0.5 * SIGMA2, farFromBest * 2),
                SIGMA2, sweepMin, T).reason());
    }

    private static Reason rule(double bestTrain, double validation, double sweepMin) {
        return Diagnoser.diagnose(new CellLosses(bestTrain, bestTrain, validation), SIGMA2, sweepMin, T).reason();
    }

    private static Reason classify(double train, double validation, double best) {
        // a log-loss gap of 10x: the loss rules would call it overfit, the accuracy rules decide
        CellLosses losses = new CellLosses(0.01, 0.01, 0.1);
        return Diagnoser.diagnose(losses, Optional.of(new CellAccuracy(train, validation, best)), OptionalDouble.empty(), 0.01, T).reason();
    }

    @Test
    void aCellAtTheBestValidationAccuracyIsGoodNeverOverfit() {
        double margin = T.accuracyMargin();
        assertEquals(Reason.GOOD_AT_BEST_ACCURACY, classify(1.0, 1.0, 1.0));
        assertEquals(Reason.GOOD_AT_BEST_ACCURACY, classify(1.0, 0.9 - margin * (1 - 1e-6), 0.9));
        assertEquals(Reason.OVERFIT_ACCURACY_GAP, classify(1.0, 0.9 - margin * (1 + 1e-6), 0.9));
    }

    @Test
    void belowTheBestTheTrainingAccuracyGapSeparatesOverfitFromUnderfit() {
        double gap = T.accuracyOverfitGap();
        double validation = 0.8;
        // the best validation accuracy (0.85) within reach of the training accuracy: the gap decides
        assertEquals(Reason.OVERFIT_ACCURACY_GAP, classify(validation + gap + 1e-6, validation, 0.85));
        assertEquals(Reason.UNDERFIT_LOW_ACCURACY, classify(validation + gap - 1e-6, validation, 0.85));
    }

    @Test
    void aTrainingAccuracyBelowTheBestValidationAccuracyIsUnderfitWhateverTheGap() {
        // lesson 13, seed 234770: the spiral's 2-unit net fits 65 % of its training points, the best net 88 % of new ones
        double margin = T.accuracyMargin(), best = 0.88, validation = 0.58;
        assertEquals(Reason.UNDERFIT_LOW_TRAINING_ACCURACY, classify(best - margin - 1e-6, validation, best));
        assertEquals(Reason.OVERFIT_ACCURACY_GAP, classify(best - margin + 1e-6, validation, best), "within reach of the best: the gap rules");
    }

    @Test
    void noiseFreeDataUsesTheRulesWithoutAFloor() {
        CellLosses losses = new CellLosses(1e-6, 1e-6, 1.1e-6);
        Diagnosis d = Diagnoser.diagnose(losses, OptionalDouble.of(0.0), 1e-6, T);
        assertEquals(Reason.GOOD_SMALL_GAP, d.reason());
        assertEquals(Reason.OVERFIT_LARGE_GAP, Diagnoser.diagnose(new CellLosses(1e-6, 1e-6, 1e-4), OptionalDouble.of(0.0), 1e-6, T).reason());
    }
}
