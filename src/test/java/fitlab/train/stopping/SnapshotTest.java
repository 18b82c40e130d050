package fitlab.train.stopping;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A cell resumed from a snapshot continues exactly like an uninterrupted one. */
class SnapshotTest {

    private static final int EPOCHS = 120;

    /** A noisy U-shaped validation curve and a falling training curve, the shape overfitting produces. */
    private static double[][] curves(long seed) {
        Rng rng = Rng.seeded(seed);
        double[] train = new double[EPOCHS + 1];
        double[] validation = new double[EPOCHS + 1];
        for (int t = 0; t <= EPOCHS; t++) {
            train[t] = 0.02 + 1.0 / (t + 1) + 0.002 * rng.nextDouble();
            validation[t] = 0.1 + (t - 40) * (t - 40) / 4000.0 + 0.01 * rng.nextGaussian();
        }
        return new double[][] {train, validation};
    }

    private record Run(List<Decision> decisions, EarlyStopping es) {}

    private static Run run(EarlyStoppingConfig config, double[][] c, int from, EarlyStopping es) {
        List<Decision> decisions = new ArrayList<>();
        for (int t = from; t <= EPOCHS && !es.ended(); t++) {
            decisions.add(es.update(t, c[0][t], c[1][t], c[1][t]));
        }
        return new Run(decisions, es);
    }

    @Test
    void restoringMidwayGivesIdenticalMarkersAndDecisions() {
        EarlyStoppingConfig[] configs = {
            EarlyStoppingConfig.DEFAULTS.withPatience(10),
            EarlyStoppingConfig.DEFAULTS.withPatience(15).withAction(StopAction.STOP).withMinDelta(0.001),
            EarlyStoppingConfig.DEFAULTS.withPatience(5).withBaseline(0.12).withStartFromEpoch(3)
                    .withStopOn(StopCriterion.UP),
        };
        for (EarlyStoppingConfig config : configs) {
            for (long seed = 0; seed < 3; seed++) {
                double[][] c = curves(seed);
                Run whole = run(config, c, 0, new EarlyStopping(config));
                assertFalse(whole.es().markers().isEmpty(), "the curves must exercise the criteria");
                for (int cut = 0; cut < whole.decisions().size() - 1; cut += 7) {
                    EarlyStopping first = new EarlyStopping(config);
                    List<Decision> decisions = new ArrayList<>();
                    for (int t = 0; t <= cut; t++) {
                        decisions.add(first.update(t, c[0][t], c[1][t], c[1][t]));
                    }
                    Map<String, Object> state = first.snapshot();
                    assertPlainValues(state);
                    EarlyStopping resumed = EarlyStopping.restore(config, state);
                    decisions.addAll(run(config, c, cut + 1, resumed).decisions());
                    assertEquals(whole.decisions(), decisions, "decisions after a cut at " + cut);
                    assertEquals(whole.es().markers(), resumed.markers());
                    assertEquals(whole.es().bestEpoch(), resumed.bestEpoch());
                    assertEquals(whole.es().bestValue(), resumed.bestValue());
                    assertEquals(whole.es().stopEpoch(), resumed.stopEpoch());
                    assertEquals(whole.es().restoreEpoch(), resumed.restoreEpoch());
                    assertEquals(whole.es().snapshot(), resumed.snapshot());
                }
            }
        }
    }

    @Test
    void restoreAcceptsNarrowedNumbers() {
        EarlyStopping es = new EarlyStopping(EarlyStoppingConfig.DEFAULTS.withPatience(2));
        Feed.monitored(es, 1.0, 0.5, 0.75);
        Map<String, Object> state = new java.util.LinkedHashMap<>(es.snapshot());
        state.replaceAll((k, v) -> v instanceof Long l ? Integer.valueOf(l.intValue()) : v);
        EarlyStopping back = EarlyStopping.restore(EarlyStoppingConfig.DEFAULTS.withPatience(2), state);
        assertEquals(es.snapshot(), back.snapshot());
        back.update(4, 1.0, 0.75);
        assertEquals(List.of("patience@4"), Feed.markerNames(back, "patience"));
    }

    @Test
    void restoreRejectsAForeignMap() {
        assertThrows(IllegalArgumentException.class,
                () -> EarlyStopping.restore(EarlyStoppingConfig.DEFAULTS, Map.of("format", "something else")));
    }

    private static void assertPlainValues(Object value) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                assertInstanceOf(String.class, k);
                assertPlainValues(v);
            });
        } else if (value instanceof List<?> list) {
            list.forEach(SnapshotTest::assertPlainValues);
        } else {
            assertTrue(value instanceof String || value instanceof Long || value instanceof Double
                    || value instanceof Boolean, "not a plain value: " + value);
        }
    }
}
