package fitlab.train.stopping;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** GL, PQ and UP fire at exactly the epoch Prechelt's definitions give, computed by hand in the comments. */
class PrecheltCriteriaTest {

    /** Patience far away so only Prechelt's markers appear. */
    private static final EarlyStoppingConfig QUIET = EarlyStoppingConfig.DEFAULTS.withPatience(1000);

    private static double[] constant(int n, double value) {
        double[] a = new double[n];
        java.util.Arrays.fill(a, value);
        return a;
    }

    @Test
    void defaultNamesAreThePapers() {
        PrecheltParameters p = PrecheltParameters.DEFAULTS;
        assertEquals(List.of("GL5", "PQ0.5", "UP3"), List.of(p.glName(), p.pqName(), p.upName()));
        assertEquals(5, p.stripLength());
    }

    @Test
    void generalizationLossFiresAtTheFirstEpochAboveAlpha() {
        EarlyStopping es = new EarlyStopping(QUIET);
        // E_opt = 0.5 from epoch 2; GL(3) = 100·(0.5234375/0.5 − 1) = 4.6875 <= 5; GL(4) = 100·(0.53125/0.5 − 1) = 6.25 > 5
        Feed.trainAndValidation(es, constant(4, 1.0), new double[] {1.0, 0.5, 0.5234375, 0.53125});
        assertEquals(List.of("GL5@4"), Feed.markerNames(es));
        assertEquals(6.25, es.markers().get(0).value(), 1e-12);

        EarlyStopping strict = new EarlyStopping(QUIET.withPrechelt(new PrecheltParameters(6.25, 0.5, 3, 5)));
        Feed.trainAndValidation(strict, constant(4, 1.0), new double[] {1.0, 0.5, 0.5234375, 0.53125});
        assertTrue(strict.markers().isEmpty(), "GL must exceed alpha, equality is not enough");
    }

    @Test
    void generalizationLossFiresOnlyOnce() {
        EarlyStopping es = new EarlyStopping(QUIET);
        Feed.trainAndValidation(es, constant(4, 1.0), new double[] {1.0, 2.0, 0.5, 2.0});
        assertEquals(List.of("GL5@2"), Feed.markerNames(es, "GL"));
    }

    @Test
    void progressQuotientIsEvaluatedOnlyAtStripEnds() {
        EarlyStopping es = new EarlyStopping(QUIET);
        // k = 5. GL = 100·(0.5625/0.5 − 1) = 12.5 from epoch 2 on (GL5 fires there), but PQ waits for the strip end:
        // P_5(5) = 1000·((4·0.5 + 0.48828125) / (5·0.48828125) − 1) = 1000·(2.48828125/2.44140625 − 1) = 19.2
        // PQ(5) = 12.5 / 19.2 = 0.65104... > 0.5
        double[] train = {0.5, 0.5, 0.5, 0.5, 0.48828125};
        double[] validation = {0.5, 0.5625, 0.5625, 0.5625, 0.5625};
        Feed.trainAndValidation(es, train, validation);
        assertEquals(List.of("GL5@2", "PQ0.5@5"), Feed.markerNames(es));
        assertEquals(12.5 / 19.2, es.markers().get(1).value(), 1e-12);

        EarlyStopping higher = new EarlyStopping(QUIET.withPrechelt(new PrecheltParameters(5, 0.66, 3, 5)));
        Feed.trainAndValidation(higher, train, validation);
        assertEquals(List.of(), Feed.markerNames(higher, "PQ"), "0.651 does not exceed 0.66");
    }

    @Test
    void progressQuotientLooksAtEachStripOnItsOwn() {
        EarlyStopping es = new EarlyStopping(QUIET);
        // strip 1 (epochs 1–5): validation flat, GL(5) = 0 -> PQ(5) = 0 (training flat too: P = 0 and GL = 0);
        // strip 2 (6–10): the same numbers as the previous test, one strip later -> PQ fires at 10, not before
        double[] train = {1, 1, 1, 1, 1, 0.5, 0.5, 0.5, 0.5, 0.48828125};
        double[] validation = {0.5, 0.5, 0.5, 0.5, 0.5, 0.5625, 0.5625, 0.5625, 0.5625, 0.5625};
        Feed.trainAndValidation(es, train, validation);
        assertEquals(List.of("GL5@6", "PQ0.5@10"), Feed.markerNames(es));
    }

    @Test
    void progressQuotientWithoutTrainingProgressIsInfinite() {
        EarlyStopping es = new EarlyStopping(QUIET);
        // training loss flat: P_5(5) = 0 while GL(5) = 12.5 > 0 -> the quotient is +inf, PQ fires
        Feed.trainAndValidation(es, constant(5, 0.25), new double[] {0.5, 0.5625, 0.5625, 0.5625, 0.5625});
        Marker pq = es.markers().get(1);
        assertEquals("PQ0.5@5", pq.name() + "@" + pq.epoch());
        assertEquals(Double.POSITIVE_INFINITY, pq.value());
    }

    @Test
    void upFiresAfterSuccessiveRisingStripsAndResetsOnAFall() {
        // (GL and PQ thresholds set out of reach; a flat training loss makes PQ infinite, so it still fires)
        EarlyStopping es = new EarlyStopping(QUIET.withPrechelt(new PrecheltParameters(1e6, 1e6, 2, 2)));
        // k = 2: strip ends at 2, 4, 6, 8, 10; odd epochs (9.0) are inside strips and ignored by UP.
        // ends: 1.0, 1.1 (rise 1), 1.05 (fall: 0), 1.1 (rise 1), 1.2 (rise 2) -> UP2 at epoch 10, not at 6
        double[] validation = {9, 1.0, 9, 1.1, 9, 1.05, 9, 1.1, 9, 1.2};
        Feed.trainAndValidation(es, constant(10, 1.0), validation);
        assertEquals(List.of("UP2@10"), Feed.markerNames(es, "UP"));
        assertEquals(2.0, es.markers().stream().filter(m -> m.name().equals("UP2")).findFirst().orElseThrow().value());
    }

    @Test
    void upWithDefaultsFiresNoEarlierThanFourStrips() {
        EarlyStopping es = new EarlyStopping(QUIET.withPrechelt(new PrecheltParameters(1e6, 1e6, 3, 5)));
        // strip ends 5, 10, 15, 20 with validation 1.0, 1.1, 1.2, 1.3: three rises, the third at epoch 20
        double[] validation = new double[20];
        for (int t = 1; t <= 20; t++) {
            validation[t - 1] = 1.0 + 0.1 * ((t - 1) / 5);
        }
        Feed.trainAndValidation(es, constant(20, 1.0), validation);
        assertEquals(List.of("UP3@20"), Feed.markerNames(es, "UP"));
    }

    @Test
    void aPrecheltCriterionCanDecideTheStop() {
        EarlyStopping es = new EarlyStopping(QUIET.withStopOn(StopCriterion.GL).withAction(StopAction.STOP));
        List<Decision> d = Feed.trainAndValidation(es, constant(3, 1.0), new double[] {1.0, 0.5, 0.53125});
        assertEquals(3, Feed.firstStop(d));
        assertEquals(StopReason.CRITERION, d.get(2).reason().orElseThrow());
        assertEquals(OptionalInt.of(3), es.stopEpoch());
        assertEquals(OptionalInt.of(2), es.restoreEpoch());

        EarlyStopping marking = new EarlyStopping(QUIET.withStopOn(StopCriterion.UP)
                .withPrechelt(new PrecheltParameters(5, 0.5, 1, 2)));
        // UP1 with k = 2: strip ends 2 (0.5) and 4 (0.75, a rise) -> would stop at 4; GL fired at 3 but is not chosen
        List<Decision> m = Feed.trainAndValidation(marking, constant(4, 1.0), new double[] {1.0, 0.5, 0.75, 0.75});
        assertEquals(-1, Feed.firstStop(m));
        assertEquals(OptionalInt.of(4), marking.stopEpoch());
        assertEquals(StopReason.CRITERION, marking.stopReason().orElseThrow());
    }

    @Test
    void theFourArgumentUpdateGivesPrecheltTheValidationLossWhenMonitoringAnAccuracy() {
        EarlyStopping es = new EarlyStopping(QUIET.withMonitor("validation_accuracy"));
        es.update(1, 1.0, 0.5, 0.70);
        es.update(2, 1.0, 0.53125, 0.71); // GL(2) = 6.25 on the validation loss
        assertEquals(List.of("GL5@2"), Feed.markerNames(es));
        assertEquals(OptionalInt.of(2), es.bestEpoch(), "the accuracy still went up");
    }
}
