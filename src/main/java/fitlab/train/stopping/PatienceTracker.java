package fitlab.train.stopping;

import java.util.Map;
import java.util.OptionalDouble;

/**
 * Keras' patience rule, as tf.keras 2.x's {@code EarlyStopping.on_epoch_end} (TF 2.11–2.15) computes it.
 *
 * <p>Epoch numbering: fitlab's epoch {@code e >= 1} is the model after e training epochs, which Keras calls epoch
 * index {@code e − 1} (and prints as "Epoch e"). So Keras' warm-up {@code epoch < start_from_epoch} skips fitlab epochs
 * {@code e <= startFromEpoch}, and Keras' "only check after the first epoch" ({@code epoch > 0}) means {@code e > 1}.
 * Epoch 0 (the initial weights) is never fed here: Keras never evaluates the untrained model.
 *
 * <p>Improvement is Keras' {@code monitor_op(current − min_delta, reference)} with min_delta negated in min mode:
 * {@code current + minDelta < reference} (min) or {@code current − minDelta > reference} (max). The best starts at
 * ±∞; with a baseline, any improvement still moves the best (that epoch is restored), but the wait counter only
 * resets when the value also beats the baseline. The stop check ({@code wait >= patience}) runs on every monitored
 * epoch except one that just reset the wait counter.
 *
 * <p>Why that exception: the two Keras lines differ in corner cases. tf.keras 2.x checks after every epoch, so with
 * {@code patience = 0} it stops at the second epoch even if that epoch improved; Keras 3 returns after any
 * improvement, so with a baseline a run that keeps improving slowly but never beats the baseline never stops, against
 * its own documentation ("if no epoch improves on baseline, training will run for patience epochs"). Skipping the check
 * only after a reset equals Keras 3 whenever there is no baseline, equals tf.keras 2.x whenever patience >= 1, and
 * follows the documentation in both corner cases.
 */
final class PatienceTracker {

    private final EarlyStoppingConfig config;
    private final boolean maximize;
    private double best;
    private int bestEpoch = -1;
    private long wait;

    PatienceTracker(EarlyStoppingConfig config) {
        this.config = config;
        this.maximize = config.maximize();
        this.best = maximize ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    }

    /** Feeds the monitored value of epoch {@code e >= 1}; true when patience is exhausted at this epoch. */
    boolean update(int epoch, double current) {
        if (epoch <= config.startFromEpoch()) {
            return false;
        }
        wait += 1;
        if (isImprovement(current, best)) {
            best = current;
            bestEpoch = epoch;
            OptionalDouble baseline = config.baseline();
            if (baseline.isEmpty() || isImprovement(current, baseline.getAsDouble())) {
                wait = 0;
                return false;
            }
        }
        return wait >= config.patience() && epoch > 1;
    }

    private boolean isImprovement(double value, double reference) {
        return maximize ? value - config.minDelta() > reference : value + config.minDelta() < reference;
    }

    double best() {
        return best;
    }

    int bestEpoch() {
        return bestEpoch;
    }

    long waitCount() {
        return wait;
    }

    void save(Map<String, Object> state) {
        state.put("patience.best", best);
        state.put("patience.best_epoch", (long) bestEpoch);
        state.put("patience.wait", wait);
    }

    void load(Map<String, Object> state) {
        best = EarlyStopping.STATE.number(state, "patience.best");
        bestEpoch = EarlyStopping.STATE.intValue(state, "patience.best_epoch");
        wait = EarlyStopping.STATE.integer(state, "patience.wait");
    }
}
