package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.diagnosis.CellLosses;
import fitlab.diagnosis.Diagnoser;
import fitlab.diagnosis.Diagnosis;
import fitlab.diagnosis.DiagnosisThresholds;
import fitlab.diagnosis.Reason;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The written diagnosis names the verdict and the numbers that decided it, on constructed cases at the boundaries. */
class DiagnosisTextTest {
    private static final DiagnosisThresholds T = DiagnosisThresholds.DEFAULTS;
    private static final double FLOOR = 0.01;

    private static Diagnosis withFloor(double bestTrain, double train, double validation, double sweepMin) {
        return Diagnoser.diagnose(new CellLosses(bestTrain, train, validation), FLOOR, sweepMin, T);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void underfitJustAboveTwiceTheNoiseFloor(String language) {
        Messages m = SmallRuns.messages(language);
        Diagnosis d = withFloor(0.0201, 0.0201, 0.0250, 0.012);
        assertEquals(Reason.UNDERFIT_ABOVE_NOISE_FLOOR, d.reason());
        String s = DiagnosisText.sentence("degree=1", Optional.of(d), m);
        assertTrue(s.startsWith("degree=1"), s);
        assertTrue(s.contains(m.get("verdict.underfit")), s);
        assertTrue(s.contains("0.0201") && s.contains("0.02") && s.contains("1.244") && s.contains("1.5"), s);
        ChartAsserts.inLanguage(s, language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void atExactlyTwiceTheNoiseFloorTheCellIsGood(String language) {
        Messages m = SmallRuns.messages(language);
        Diagnosis d = withFloor(0.02, 0.02, 0.025, 0.012);
        assertEquals(Reason.GOOD_NEAR_NOISE_FLOOR, d.reason());
        String s = DiagnosisText.sentence("degree=3", Optional.of(d), m);
        assertTrue(s.contains(m.get("verdict.good")) && s.contains("0.025") && s.contains("2.083"), s);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void overfitBelowTheFloorWithValidationJustAboveOneAndAHalfTimesTheBest(String language) {
        Messages m = SmallRuns.messages(language);
        Diagnosis d = withFloor(0.004, 0.004, 0.01801, 0.012);
        assertEquals(Reason.OVERFIT_BELOW_NOISE_FLOOR, d.reason());
        String s = DiagnosisText.sentence("degree=15", Optional.of(d), m);
        assertTrue(s.contains(m.get("verdict.overfit")) && s.contains("0.004") && s.contains("0.01801") && s.contains("1.501")
                && s.contains("0.012"), s);
        // exactly 1.5 × the sweep's best is not overfit
        assertEquals(Reason.GOOD_NEAR_NOISE_FLOOR, withFloor(0.004, 0.004, 0.018, 0.012).reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void withoutANoiseFloorTheGapDecides(String language) {
        Messages m = SmallRuns.messages(language);
        Diagnosis over = Diagnoser.diagnoseWithoutNoiseFloor(new CellLosses(0.1, 0.1, 0.31), 0.2, T);
        assertEquals(Reason.OVERFIT_LARGE_GAP, over.reason());
        String s = DiagnosisText.sentence("hidden=64", Optional.of(over), m);
        assertTrue(s.contains("3.1") && s.contains("1.55") && s.contains(m.get("verdict.overfit")), s);
        Diagnosis under = Diagnoser.diagnoseWithoutNoiseFloor(new CellLosses(0.31, 0.31, 0.35), 0.2, T);
        assertEquals(Reason.UNDERFIT_HIGH_LOSS_SMALL_GAP, under.reason());
        assertTrue(DiagnosisText.sentence("hidden=1", Optional.of(under), m).contains("0.31"));
        Diagnosis good = Diagnoser.diagnoseWithoutNoiseFloor(new CellLosses(0.2, 0.2, 0.22), 0.2, T);
        assertEquals(Reason.GOOD_SMALL_GAP, good.reason());
        assertTrue(DiagnosisText.sentence("hidden=8", Optional.of(good), m).contains("1.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void aDivergedCellHasNoVerdict(String language) {
        Messages m = SmallRuns.messages(language);
        assertEquals(m.get("diagnosis.diverged", "lr=10"), DiagnosisText.sentence("lr=10", Optional.empty(), m));
    }
}
