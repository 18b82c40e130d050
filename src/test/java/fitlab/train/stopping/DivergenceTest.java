package fitlab.train.stopping;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** NaN/Inf and exploding losses end the cell with reason DIVERGED, whatever the action. */
class DivergenceTest {

    private static final EarlyStoppingConfig MARK = EarlyStoppingConfig.DEFAULTS;

    @Test
    void aNanTrainingLossEndsTheCellEvenWhenOnlyMarking() {
        EarlyStopping es = new EarlyStopping(MARK);
        es.update(1, 1.0, 1.0);
        es.update(2, 0.5, 0.5);
        Decision d = es.update(3, Double.NaN, 0.4);
        assertTrue(d.stop());
        assertEquals(StopReason.DIVERGED, d.reason().orElseThrow());
        assertEquals(List.of("diverged@3"), Feed.markerNames(es));
        assertEquals(OptionalInt.of(3), es.stopEpoch());
        assertEquals(OptionalInt.of(2), es.restoreEpoch(), "the diverged epoch is never the best");
        assertTrue(es.ended());
        assertThrows(IllegalStateException.class, () -> es.update(4, 1.0, 1.0));
    }

    @Test
    void anInfiniteValidationLossDiverges() {
        EarlyStopping es = new EarlyStopping(MARK);
        es.update(1, 1.0, 1.0);
        Decision d = es.update(2, 1.0, Double.POSITIVE_INFINITY);
        assertEquals(StopReason.DIVERGED, d.reason().orElseThrow());
        assertEquals(OptionalInt.of(1), es.restoreEpoch(), "the last finite epoch, the only monitored one");
    }

    @Test
    void aLossAboveAThousandTimesTheInitialDiverges() {
        EarlyStopping es = new EarlyStopping(MARK);
        assertFalse(es.update(0, 2.0, 2.0).stop());
        assertFalse(es.update(1, 1999.0, 1.0).stop(), "below 1e3 x 2.0");
        assertFalse(es.update(2, 2000.0, 1.0).stop(), "exactly 1e3 x 2.0 is not above it");
        Decision d = es.update(3, 2000.5, 1.0);
        assertEquals(StopReason.DIVERGED, d.reason().orElseThrow());
        assertTrue(d.newMarkers().get(0).explanation().contains("initial"));
    }

    @Test
    void aLossAboveTheCeilingDivergesWhateverTheReference() {
        EarlyStopping es = new EarlyStopping(MARK);
        assertFalse(es.update(1, 1e11, 1.0).stop(), "the first fed loss is the reference when epoch 0 is not fed");
        assertFalse(es.update(2, 1e12, 1.0).stop());
        Decision d = es.update(3, 1.5e12, 1.0);
        assertEquals(StopReason.DIVERGED, d.reason().orElseThrow());
        assertEquals(1.5e12, d.newMarkers().get(0).value());
    }

    @Test
    void theThresholdsAreConfigurable() {
        EarlyStopping es = new EarlyStopping(MARK.withDivergence(new DivergenceRule(10, 1e12)));
        es.update(0, 1.0, 1.0);
        assertTrue(es.update(1, 10.5, 1.0).stop());
    }

    @Test
    void aNanInitialLossLeavesNoEpochToRestore() {
        EarlyStopping es = new EarlyStopping(MARK);
        assertTrue(es.update(0, Double.NaN, 1.0).stop());
        assertEquals(OptionalInt.empty(), es.restoreEpoch());
    }

    @Test
    void divergenceAfterAMarkedStopKeepsTheMarkedStopEpoch() {
        EarlyStopping es = new EarlyStopping(MARK.withPatience(1));
        Feed.monitored(es, 1.0, 1.0); // patience exhausted at 2 (marked)
        Decision d = es.update(3, Double.NaN, 1.0);
        assertEquals(StopReason.DIVERGED, d.reason().orElseThrow(), "the cell still ends as diverged");
        assertEquals(OptionalInt.of(2), es.stopEpoch());
        assertEquals(StopReason.PATIENCE, es.stopReason().orElseThrow());
        assertEquals(List.of("patience@2", "diverged@3"), Feed.markerNames(es));
    }
}
