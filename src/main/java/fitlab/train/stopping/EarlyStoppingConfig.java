package fitlab.train.stopping;

import java.util.OptionalDouble;

/**
 * The {@code early_stopping:} section: Keras' parameters (tf.keras.callbacks.EarlyStopping), the action, and
 * Prechelt's and the divergence rule's parameters. Defaults live in {@link #DEFAULTS} only.
 *
 * @param monitor        the metrics column watched, e.g. {@code validation_loss}, {@code train_loss},
 *                       {@code validation_accuracy}
 * @param mode           min, max, or auto (max for names containing "acc", min otherwise)
 * @param minDelta       an improvement must beat the best by more than this (absolute, >= 0)
 * @param patience       epochs without improvement after which the rule fires
 * @param baseline       if present, the wait counter only resets once the monitor beats this value too
 * @param startFromEpoch Keras' warm-up: the first {@code startFromEpoch} training epochs are not monitored
 * @param action         mark (train on, record where it would stop) or stop
 * @param stopOn         which rule decides the stop: Keras' patience (default) or one of Prechelt's criteria
 * @param prechelt       GL/PQ/UP parameters
 * @param divergence     when a loss counts as diverged
 * @param continueAfterStop 0 (off), or how many epochs a cell that early stopping stopped is continued without it in
 *                       the same run, as {@code fitlab resume --epochs N} would (lesson 14)
 */
public record EarlyStoppingConfig(
        String monitor,
        MonitorMode mode,
        double minDelta,
        int patience,
        OptionalDouble baseline,
        int startFromEpoch,
        StopAction action,
        StopCriterion stopOn,
        PrecheltParameters prechelt,
        DivergenceRule divergence,
        int continueAfterStop) {

    public static final EarlyStoppingConfig DEFAULTS = new EarlyStoppingConfig(
            "validation_loss", MonitorMode.AUTO, 0.0, 100, OptionalDouble.empty(), 0,
            StopAction.MARK, StopCriterion.PATIENCE, PrecheltParameters.DEFAULTS, DivergenceRule.DEFAULTS, 0);

    public EarlyStoppingConfig {
        if (monitor == null || monitor.isBlank()) {
            throw new IllegalArgumentException("monitor must name a metric");
        }
        if (!(minDelta >= 0) || Double.isInfinite(minDelta)) {
            throw new IllegalArgumentException("min_delta must be finite and >= 0, got " + minDelta);
        }
        if (patience < 0 || startFromEpoch < 0) {
            throw new IllegalArgumentException("patience and start_from_epoch must be >= 0, got " + patience
                    + " and " + startFromEpoch);
        }
        if (baseline.isPresent() && !Double.isFinite(baseline.getAsDouble())) {
            throw new IllegalArgumentException("baseline must be finite, got " + baseline.getAsDouble());
        }
        if (continueAfterStop < 0) {
            throw new IllegalArgumentException("continue_after_stop must be >= 0, got " + continueAfterStop);
        }
        if (mode == null || action == null || stopOn == null || prechelt == null || divergence == null) {
            throw new IllegalArgumentException("mode, action, stop criterion, prechelt and divergence are required");
        }
    }

    /** True when larger monitored values are better (mode max, or auto on an accuracy). */
    public boolean maximize() {
        return mode.resolve(monitor) == MonitorMode.MAX;
    }

    public EarlyStoppingConfig withMonitor(String m) {
        return new EarlyStoppingConfig(m, mode, minDelta, patience, baseline, startFromEpoch, action, stopOn, prechelt, divergence, continueAfterStop);
    }

    public EarlyStoppingConfig withMode(MonitorMode m) {
        return new EarlyStoppingConfig(monitor, m, minDelta, patience, baseline, startFromEpoch, action, stopOn, prechelt, divergence, continueAfterStop);
    }

    public EarlyStoppingConfig withMinDelta(double d) {
        return new EarlyStoppingConfig(monitor, mode, d, patience, baseline, startFromEpoch, action, stopOn, prechelt, divergence, continueAfterStop);
    }

    public EarlyStoppingConfig withPatience(int p) {
        return new EarlyStoppingConfig(monitor, mode, minDelta, p, baseline, startFromEpoch, action, stopOn, prechelt, divergence, continueAfterStop);
    }

    public EarlyStoppingConfig withBaseline(double b) {
        return new EarlyStoppingConfig(monitor, mode, minDelta, patience, OptionalDouble.of(b), startFromEpoch, action, stopOn, prechelt, divergence, continueAfterStop);
    }

    public EarlyStoppingConfig withStartFromEpoch(int s) {
        return new EarlyStoppingConfig(monitor, mode, minDelta, patience, baseline, s, action, stopOn, prechelt, divergence, continueAfterStop);
    }

    public EarlyStoppingConfig withAction(StopAction a) {
        return new EarlyStoppingConfig(monitor, mode, minDelta, patience, baseline, startFromEpoch, a, stopOn, prechelt, divergence, continueAfterStop);
    }

    public EarlyStoppingConfig withStopOn(StopCriterion c) {
        return new EarlyStoppingConfig(monitor, mode, minDelta, patience, baseline, startFromEpoch, action, c, prechelt, divergence, continueAfterStop);
    }

    public EarlyStoppingConfig withPrechelt(PrecheltParameters p) {
        return new EarlyStoppingConfig(monitor, mode, minDelta, patience, baseline, startFromEpoch, action, stopOn, p, divergence, continueAfterStop);
    }

    public EarlyStoppingConfig withDivergence(DivergenceRule d) {
        return new EarlyStoppingConfig(monitor, mode, minDelta, patience, baseline, startFromEpoch, action, stopOn, prechelt, d, continueAfterStop);
    }
}
