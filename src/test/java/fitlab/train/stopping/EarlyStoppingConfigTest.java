package fitlab.train.stopping;

import static org.junit.jupiter.api.Assertions.*;

import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class EarlyStoppingConfigTest {

    @Test
    void defaultsMatchTheDesignExample() {
        EarlyStoppingConfig d = EarlyStoppingConfig.DEFAULTS;
        assertEquals("validation_loss", d.monitor());
        assertEquals(100, d.patience());
        assertEquals(0.0, d.minDelta());
        assertEquals(StopAction.MARK, d.action());
        assertEquals(StopCriterion.PATIENCE, d.stopOn());
        assertEquals(OptionalDouble.empty(), d.baseline());
        assertFalse(d.maximize());
        assertEquals(new DivergenceRule(1e3, 1e12), d.divergence());
    }

    @Test
    void invalidValuesAreRejected() {
        EarlyStoppingConfig d = EarlyStoppingConfig.DEFAULTS;
        assertThrows(IllegalArgumentException.class, () -> d.withPatience(-1));
        assertThrows(IllegalArgumentException.class, () -> d.withMinDelta(-0.1));
        assertThrows(IllegalArgumentException.class, () -> d.withMinDelta(Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> d.withStartFromEpoch(-2));
        assertThrows(IllegalArgumentException.class, () -> d.withBaseline(Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> d.withMonitor(" "));
        assertThrows(IllegalArgumentException.class, () -> new PrecheltParameters(5, 0.5, 0, 5));
        assertThrows(IllegalArgumentException.class, () -> new PrecheltParameters(5, 0.5, 3, 1));
        assertThrows(IllegalArgumentException.class, () -> new PrecheltParameters(-1, 0.5, 3, 5));
        assertThrows(IllegalArgumentException.class, () -> new DivergenceRule(1, 1e12));
    }

    @Test
    void criterionNamesUseThePlainParameter() {
        PrecheltParameters p = new PrecheltParameters(2.5, 1, 4, 3);
        assertEquals("GL2.5", p.glName());
        assertEquals("PQ1", p.pqName());
        assertEquals("UP4", p.upName());
    }
}
