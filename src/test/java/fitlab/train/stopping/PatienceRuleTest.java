package fitlab.train.stopping;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Keras' patience, min_delta, mode, baseline, start_from_epoch and restore_best_weights' epoch on hand-made sequences. */
class PatienceRuleTest {

    private static final EarlyStoppingConfig BASE = EarlyStoppingConfig.DEFAULTS;

    @Test
    void patienceCountsEpochsWithoutImprovementAndMarksWithoutStopping() {
        EarlyStopping es = new EarlyStopping(BASE.withPatience(3));
        // wait: e1 0 (best 1.0), e2 0 (best 0.9), e3 1, e4 2, e5 3 -> patience 3 exhausted at epoch 5
        List<Decision> d = Feed.monitored(es, 1.0, 0.9, 0.95, 0.95, 0.91, 0.92, 0.93);
        assertEquals(-1, Feed.firstStop(d), "action mark never stops");
        assertEquals(List.of("patience@5"), Feed.markerNames(es, "patience"));
        assertEquals(3.0, es.markers().stream().filter(m -> m.name().equals("patience")).findFirst().orElseThrow().value());
        assertTrue(d.get(4).newMarkers().stream().anyMatch(m -> m.name().equals("patience")));
        assertEquals(OptionalInt.of(5), es.stopEpoch());
        assertEquals(StopReason.PATIENCE, es.stopReason().orElseThrow());
        assertEquals(OptionalInt.of(2), es.bestEpoch());
        assertEquals(0.9, es.bestValue().getAsDouble());
        assertFalse(es.ended());
    }

    @Test
    void anImprovementResetsTheWait() {
        EarlyStopping es = new EarlyStopping(BASE.withPatience(3));
        // wait: e1 0, e2 1, e3 2, e4 0 (0.8 < 1.0), e5 1, e6 2, e7 3 -> fires at 7, not at 4
        Feed.monitored(es, 1.0, 1.1, 1.2, 0.8, 0.9, 0.9, 0.9);
        assertEquals(List.of("patience@7"), Feed.markerNames(es, "patience"));
        assertEquals(OptionalInt.of(4), es.bestEpoch());
    }

    @Test
    void actionStopEndsTrainingAtTheFirstExhaustionAndRefusesMoreEpochs() {
        EarlyStopping es = new EarlyStopping(BASE.withPatience(2).withAction(StopAction.STOP));
        List<Decision> d = Feed.monitored(es, 1.0, 1.0, 1.0);
        assertEquals(3, Feed.firstStop(d));
        assertEquals(StopReason.PATIENCE, d.get(2).reason().orElseThrow());
        assertTrue(es.ended());
        assertThrows(IllegalStateException.class, () -> es.update(4, 1.0, 0.5));
    }

    @Test
    void patienceZeroStopsAtTheFirstEpochWithoutImprovementButNeverAtEpochOne() {
        EarlyStopping es = new EarlyStopping(BASE.withPatience(0).withAction(StopAction.STOP));
        // e1 first value (never stops at Keras' first epoch), e2 and e3 improve, e4 does not
        List<Decision> d = Feed.monitored(es, 1.0, 0.9, 0.8, 0.8);
        assertEquals(4, Feed.firstStop(d));
    }

    @Test
    void anImprovementSmallerThanMinDeltaDoesNotResetPatience() {
        EarlyStopping es = new EarlyStopping(BASE.withPatience(2).withMinDelta(0.25));
        // best 1.0 at e1; e2 0.75: 0.75 + 0.25 = 1.0 is not < 1.0 -> no improvement (wait 1);
        // e3 0.8: no (wait 2) -> fires at 3; best stays at epoch 1
        Feed.monitored(es, 1.0, 0.75, 0.8);
        assertEquals(List.of("patience@3"), Feed.markerNames(es, "patience"));
        assertEquals(OptionalInt.of(1), es.bestEpoch());

        EarlyStopping bigger = new EarlyStopping(BASE.withPatience(2).withMinDelta(0.25));
        // e2 0.7: 0.95 < 1.0 -> improvement, wait resets; e3 and e4 do not beat 0.7 by 0.25 -> fires at 4
        Feed.monitored(bigger, 1.0, 0.7, 0.5, 0.6);
        assertEquals(List.of("patience@4"), Feed.markerNames(bigger, "patience"));
        assertEquals(OptionalInt.of(2), bigger.bestEpoch());
        assertEquals(0.7, bigger.bestValue().getAsDouble(), "0.5 did not beat 0.7 by min_delta, so it is not the best");
    }

    @Test
    void modeMaxWatchesAnAccuracyGoingUp() {
        EarlyStoppingConfig config = BASE.withMonitor("validation_accuracy").withPatience(2);
        assertTrue(config.maximize(), "auto mode maximises accuracies");
        EarlyStopping es = new EarlyStopping(config);
        // e1 0.5, e2 0.6 best, e3 0.55 (wait 1), e4 0.6 equal is no improvement (wait 2) -> fires at 4
        Feed.monitored(es, 0.5, 0.6, 0.55, 0.6);
        assertEquals(List.of("patience@4"), Feed.markerNames(es),
                "in max mode Prechelt's error criteria are skipped (GL on accuracies 0.5 -> 0.6 would be 20)");
        assertEquals(OptionalInt.of(2), es.bestEpoch());
    }

    @Test
    void minDeltaInMaxModeMustBeExceededUpwards() {
        EarlyStopping es = new EarlyStopping(BASE.withMode(MonitorMode.MAX).withPatience(1).withMinDelta(0.25));
        // best 0.25; e2 0.5: 0.5 - 0.25 = 0.25 is not > 0.25 -> wait 1 -> fires at 2
        Feed.monitored(es, 0.25, 0.5);
        assertEquals(List.of("patience@2"), Feed.markerNames(es, "patience"));
        EarlyStopping more = new EarlyStopping(BASE.withMode(MonitorMode.MAX).withPatience(1).withMinDelta(0.25));
        Feed.monitored(more, 0.25, 0.625);
        assertTrue(Feed.markerNames(more, "patience").isEmpty());
        assertEquals(OptionalInt.of(2), more.bestEpoch());
    }

    @Test
    void autoModeFollowsTheMonitorName() {
        assertEquals(MonitorMode.MIN, MonitorMode.AUTO.resolve("validation_loss"));
        assertEquals(MonitorMode.MIN, MonitorMode.AUTO.resolve("train_loss"));
        assertEquals(MonitorMode.MAX, MonitorMode.AUTO.resolve("train_accuracy"));
        assertEquals(MonitorMode.MAX, MonitorMode.AUTO.resolve("auc"));
        assertEquals(MonitorMode.MIN, MonitorMode.MIN.resolve("validation_accuracy"));
    }

    @Test
    void withABaselineTheWaitOnlyResetsOnceTheBaselineIsBeaten() {
        EarlyStopping es = new EarlyStopping(BASE.withPatience(3).withBaseline(0.5));
        // every epoch improves on the previous best but none beats 0.5: wait 1, 2, 3 -> fires at 3,
        // and the best of that set (epoch 3) is the one restored, as Keras documents
        Feed.monitored(es, 1.0, 0.9, 0.8, 0.7);
        assertEquals(List.of("patience@3"), Feed.markerNames(es, "patience"));
        assertEquals(OptionalInt.of(3), es.restoreEpoch());
        assertEquals(OptionalInt.of(4), es.bestEpoch(), "best tracking goes on after a mark");

        EarlyStopping beats = new EarlyStopping(BASE.withPatience(3).withBaseline(0.5));
        // e2 beats the baseline -> wait 0; e3..e5 do not improve -> fires at 5
        Feed.monitored(beats, 1.0, 0.4, 0.45, 0.45, 0.45);
        assertEquals(List.of("patience@5"), Feed.markerNames(beats, "patience"));
        assertEquals(OptionalInt.of(2), beats.restoreEpoch());
    }

    @Test
    void baselineWithMinDeltaMustBeBeatenByMinDelta() {
        EarlyStopping es = new EarlyStopping(BASE.withPatience(2).withBaseline(0.5).withMinDelta(0.125));
        // e1 0.375 improves on +inf, but 0.375 + 0.125 < 0.5 is false: baseline not beaten, wait 1;
        // e2 0.25: 0.25 + 0.125 < 0.375 is false: no improvement on the best, wait 2 -> fires at 2
        Feed.monitored(es, 0.375, 0.25);
        assertEquals(List.of("patience@2"), Feed.markerNames(es, "patience"));
        // without min_delta both epochs beat the best and the baseline, so the wait stays 0
        EarlyStopping plain = new EarlyStopping(BASE.withPatience(2).withBaseline(0.5));
        Feed.monitored(plain, 0.375, 0.25);
        assertTrue(Feed.markerNames(plain, "patience").isEmpty());
    }

    @Test
    void startFromEpochIgnoresTheWarmUp() {
        EarlyStopping es = new EarlyStopping(BASE.withPatience(1).withStartFromEpoch(2));
        // Keras skips its epochs 0 and 1 = fitlab epochs 1 and 2 (even though they are the lowest values);
        // e3 is the first monitored (best), e4 does not improve -> fires at 4
        Feed.monitored(es, 0.1, 0.2, 1.0, 1.0);
        assertEquals(List.of("patience@4"), Feed.markerNames(es, "patience"));
        assertEquals(OptionalInt.of(3), es.bestEpoch());
    }

    @Test
    void restoreBestReportsTheBestEpochAsOfTheStop() {
        EarlyStopping es = new EarlyStopping(BASE.withPatience(2));
        // best 0.5 at e2, fires at e4; later e6 is better but the restore epoch stays frozen at the (would-be) stop
        Feed.monitored(es, 1.0, 0.5, 0.6, 0.7, 0.8, 0.25);
        assertEquals(OptionalInt.of(4), es.stopEpoch());
        assertEquals(OptionalInt.of(2), es.restoreEpoch());
        assertEquals(OptionalInt.of(6), es.bestEpoch());
    }

    @Test
    void withoutAStopTheRestoreEpochIsTheBestSoFar() {
        EarlyStopping best = new EarlyStopping(BASE.withPatience(10));
        assertEquals(OptionalInt.empty(), best.restoreEpoch());
        Feed.monitored(best, 1.0, 0.5, 0.75);
        assertEquals(OptionalInt.of(2), best.restoreEpoch());
        assertTrue(best.stopEpoch().isEmpty());
    }

    @Test
    void epochZeroIsNotMonitored() {
        EarlyStopping es = new EarlyStopping(BASE.withPatience(1));
        assertFalse(es.update(0, 0.01, 0.01).stop());
        assertTrue(es.bestEpoch().isEmpty(), "the initial weights never count as best");
        es.update(1, 1.0, 1.0);
        es.update(2, 1.0, 1.0);
        assertEquals(List.of("patience@2"), Feed.markerNames(es, "patience"));
        assertEquals(OptionalInt.of(1), es.bestEpoch());
    }

    @Test
    void epochsMustBeConsecutive() {
        EarlyStopping es = new EarlyStopping(BASE);
        es.update(1, 1.0, 1.0);
        assertThrows(IllegalArgumentException.class, () -> es.update(3, 1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> es.update(1, 1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> new EarlyStopping(BASE).update(-1, 1.0, 1.0));
    }
}
