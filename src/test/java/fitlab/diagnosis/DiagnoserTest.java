package fitlab.diagnosis;

import static org.junit.jupiter.api.Assertions.*;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every threshold, just below and just above (defaults: 2·σ², ratio 1.5, 1·σ², 1.5 × sweep min; fallback 1.5, 2). */
class DiagnoserTest {

    private static final DiagnosisThresholds T = DiagnosisThresholds.DEFAULTS;
    private static final double SIGMA2 = 0.01;
    private static final double SWEEP_MIN = 0.012;
    private static final double EPS = 1e-9;

    private static double below(double x) {
        return x * (1 - EPS);
    }

    private static double above(double x) {
        return x * (1 + EPS);
    }

    private static Reason withFloor(double bestTrain, double train, double validation) {
        return Diagnoser.diagnose(new CellLosses(bestTrain, train, validation), SIGMA2, SWEEP_MIN, T).reason();
    }

    private static Reason withoutFloor(double bestTrain, double train, double validation) {
        return Diagnoser.diagnoseWithoutNoiseFloor(new CellLosses(bestTrain, train, validation), 0.1, T).reason();
    }

    @Test
    void underfitNeedsTheBestTrainingLossAboveTwiceTheNoiseFloor() {
        double high = above(2 * SIGMA2);
        assertEquals(Reason.UNDERFIT_ABOVE_NOISE_FLOOR, withFloor(high, high, high * 1.2));
        double low = below(2 * SIGMA2);
        assertEquals(Reason.GOOD_NEAR_NOISE_FLOOR, withFloor(low, low, low * 1.2));
        assertEquals(Reason.GOOD_NEAR_NOISE_FLOOR, withFloor(2 * SIGMA2, 2 * SIGMA2, 2 * SIGMA2 * 1.2), "strict");
    }

    @Test
    void underfitNeedsValidationCloseToTraining() {
        assertEquals(Reason.UNDERFIT_ABOVE_NOISE_FLOOR, withFloor(0.03, 0.03, below(0.03 * 1.5)));
        // a ratio above 1.5 is good only while the validation loss stays within 1.5x of the sweep's best (here 0.04)
        assertEquals(Reason.GOOD_NEAR_NOISE_FLOOR, Diagnoser.diagnose(new CellLosses(0.03, 0.03, above(0.03 * 1.5)), SIGMA2, 0.04, T).reason());
        assertEquals(Reason.UNDERFIT_ABOVE_NOISE_FLOOR_FAR_FROM_BEST, withFloor(0.03, 0.03, above(0.03 * 1.5)),
                "far above the sweep's best " + SWEEP_MIN);
        assertEquals(Reason.UNDERFIT_ABOVE_NOISE_FLOOR, withFloor(0.03, 0.04, 0.035),
                "validation below training is still 'close'");
    }

    @Test
    void overfitNeedsTrainingBelowTheNoiseFloor() {
        double farAbove = above(1.5 * SWEEP_MIN);
        assertEquals(Reason.OVERFIT_BELOW_NOISE_FLOOR, withFloor(0.005, below(SIGMA2), farAbove));
        assertEquals(Reason.GOOD_NEAR_NOISE_FLOOR, withFloor(0.005, above(SIGMA2), farAbove),
                "the evaluated model's training loss counts, not the best one");
    }

    @Test
    void overfitNeedsValidationFarAboveTheSweepMinimum() {
        assertEquals(Reason.OVERFIT_BELOW_NOISE_FLOOR, withFloor(0.005, 0.005, above(1.5 * SWEEP_MIN)));
        assertEquals(Reason.GOOD_NEAR_NOISE_FLOOR, withFloor(0.005, 0.005, below(1.5 * SWEEP_MIN)));
    }

    @Test
    void fallbackUnderfitComparesWithTheSweepsBestValidationLoss() {
        double high = above(1.5 * 0.1);
        assertEquals(Reason.UNDERFIT_HIGH_LOSS_SMALL_GAP, withoutFloor(high, high, high * 1.2));
        double low = below(1.5 * 0.1);
        assertEquals(Reason.GOOD_SMALL_GAP, withoutFloor(low, low, low * 1.2));
        assertEquals(Reason.UNDERFIT_HIGH_LOSS_SMALL_GAP, withoutFloor(0.2, 0.2, below(0.3)));
        assertEquals(Reason.GOOD_SMALL_GAP, withoutFloor(0.2, 0.2, above(0.3)), "gap 1.5+ but below 2");
    }

    @Test
    void fallbackOverfitNeedsALargeGapAndAHighValidationLoss() {
        assertEquals(Reason.OVERFIT_LARGE_GAP, withoutFloor(0.1, 0.1, above(0.2)));
        assertEquals(Reason.GOOD_SMALL_GAP, withoutFloor(0.1, 0.1, below(0.2)));
        assertEquals(Reason.OVERFIT_LARGE_GAP, withoutFloor(0.05, 0.05, above(0.15)));
        assertEquals(Reason.GOOD_SMALL_GAP, withoutFloor(0.05, 0.05, below(0.15)),
                "a big gap is fine when the validation loss is near the sweep's best");
    }

    @Test
    void customThresholdsAreApplied() {
        DiagnosisThresholds loose = new DiagnosisThresholds(4, 1.5, 1, 1.5, 1.5, 2);
        CellLosses cell = new CellLosses(0.03, 0.03, 0.033);
        assertEquals(Verdict.UNDERFIT, Diagnoser.diagnose(cell, SIGMA2, SWEEP_MIN, T).verdict());
        assertEquals(Verdict.GOOD, Diagnoser.diagnose(cell, SIGMA2, SWEEP_MIN, loose).verdict());
    }

    @Test
    void theOptionalNoiseFloorPicksTheRuleSet() {
        CellLosses cell = new CellLosses(0.005, 0.005, 0.05);
        Diagnosis known = Diagnoser.diagnose(cell, OptionalDouble.of(SIGMA2), SWEEP_MIN, T);
        assertEquals(Reason.OVERFIT_BELOW_NOISE_FLOOR, known.reason());
        assertEquals(OptionalDouble.of(SIGMA2), known.noiseFloor());
        Diagnosis unknown = Diagnoser.diagnose(cell, OptionalDouble.empty(), SWEEP_MIN, T);
        assertEquals(Reason.OVERFIT_LARGE_GAP, unknown.reason());
        assertEquals(10.0, unknown.gapRatio(), 1e-12);
        assertEquals(0.05 / SWEEP_MIN, unknown.validationOverSweepMin(), 1e-12);
        assertEquals(Verdict.OVERFIT, unknown.verdict());
    }

    @Test
    void badInputsAreRejected() {
        CellLosses cell = new CellLosses(0.01, 0.01, 0.01);
        assertThrows(IllegalArgumentException.class, () -> Diagnoser.diagnose(cell, 0.0, SWEEP_MIN, T));
        assertThrows(IllegalArgumentException.class, () -> Diagnoser.diagnose(cell, Double.NaN, SWEEP_MIN, T));
        assertThrows(IllegalArgumentException.class, () -> Diagnoser.diagnose(cell, SIGMA2, Double.NaN, T));
        assertThrows(IllegalArgumentException.class, () -> new CellLosses(0.02, 0.01, 0.01), "best above train");
        assertThrows(IllegalArgumentException.class, () -> new CellLosses(0.01, 0.01, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> new DiagnosisThresholds(2, 1.5, 3, 1.5, 1.5, 2));
        assertThrows(IllegalArgumentException.class, () -> new DiagnosisThresholds(2, 1.5, 1, 1.5, 1.5, 1.2));
        assertThrows(IllegalArgumentException.class, () -> new DiagnosisThresholds(2, 1.5, 1, 0, 1.5, 2));
    }

    @Test
    void reasonKeysAreUniqueAndMatchTheirVerdicts() {
        Set<String> keys = Arrays.stream(Reason.values()).map(Reason::key).collect(Collectors.toSet());
        assertEquals(Reason.values().length, keys.size());
        for (Reason r : Reason.values()) {
            assertTrue(r.key().startsWith(r.verdict().key() + "."), r.key());
        }
    }

    @Test
    void cellLossesFromCurvesUseTheEvaluatedEpochAndTheBestFiniteTrainingLoss() {
        double[] train = {1.0, 0.5, Double.NaN, 0.25, 0.3};
        double[] validation = {1.0, 0.6, 0.7, 0.65, 0.8};
        CellLosses last = CellLosses.fromCurves(train, validation, 4).orElseThrow();
        assertEquals(new CellLosses(0.25, 0.3, 0.8), last);
        CellLosses early = CellLosses.fromCurves(train, validation, 1).orElseThrow();
        assertEquals(new CellLosses(0.25, 0.5, 0.6), early);
        assertTrue(CellLosses.fromCurves(train, validation, 2).isEmpty(), "a diverged epoch has no diagnosis");
        assertThrows(IllegalArgumentException.class, () -> CellLosses.fromCurves(train, validation, 5));
        assertThrows(IllegalArgumentException.class, () -> CellLosses.fromCurves(train, new double[] {1}, 0));
    }

    @Test
    void sweepMinimumIsTheLowestFiniteValidationLossOfAnyCellAndEpoch() {
        double[] a = {1.0, 0.5, Double.NaN};
        double[] b = {0.9, 0.4, 0.45};
        assertEquals(0.4, Diagnoser.sweepMinValidation(List.of(a, b)));
        assertThrows(IllegalArgumentException.class,
                () -> Diagnoser.sweepMinValidation(List.of(new double[] {Double.NaN})));
    }

    @Test
    void thresholdsDescriptionPrintsTheNumbersInEitherLanguage() {
        String en = T.thresholdsDescription();
        assertTrue(en.contains("best training loss > 2·σ²"), en);
        assertTrue(en.contains("validation/training loss < 1.5"), en);
        assertTrue(en.contains("training loss < 1·σ²"), en);
        assertTrue(en.contains("validation/training loss > 2 and"), en);
        assertTrue(en.contains("cells trained with the same seed"), en);
        String zh = new DiagnosisThresholds(3, 1.25, 1, 1.5, 1.5, 2).thresholdsDescription("zh");
        assertTrue(zh.contains("欠拟合：最佳训练损失 > 3·σ²，且 验证损失/训练损失 < 1.25"), zh);
        assertTrue(zh.contains("同一随机种子"), zh);
        assertThrows(IllegalArgumentException.class, () -> T.thresholdsDescription("fr"));
        assertEquals(en.lines().count(), zh.lines().count(), "one list of rules, one line each in either language");
        assertTrue(en.contains("the sweep's lowest"), "an apostrophe survives MessageFormat: " + en);
        assertTrue(!zh.matches("(?s).*[A-Za-z]{4,}.*"), "no English left in the Chinese rules: " + zh);
    }

    @Test
    void theRuleTextsHaveTheSameKeysInBothLanguages() {
        var en = java.util.ResourceBundle.getBundle("fitlab.diagnosis.rules", java.util.Locale.ROOT);
        var zh = java.util.ResourceBundle.getBundle("fitlab.diagnosis.rules", java.util.Locale.SIMPLIFIED_CHINESE);
        assertEquals(new java.util.TreeSet<>(en.keySet()), new java.util.TreeSet<>(zh.keySet()));
        assertTrue(!en.getString("floor").equals(zh.getString("floor")), "the Chinese bundle is found, not the English fallback");
    }
}
