package fitlab.config;

import java.util.OptionalDouble;

/**
 * The {@code early_stopping:} section: Keras' parameters plus Prechelt's criteria parameters
 * (GL_alpha, PQ_alpha, UP_s over strips of {@code stripLength} epochs). {@code stopOn} names the rule that
 * decides the stop: {@code patience} (Keras, the default) or one of Prechelt's {@code gl}, {@code pq}, {@code up};
 * the others are still recorded as markers. {@code continueAfterStop} (0 = off) continues a stopped cell for that
 * many epochs without early stopping, as {@code fitlab resume --epochs N} does, in the same run.
 */
public record EarlyStoppingSettings(
        String monitor,
        String mode,
        double minDelta,
        int patience,
        OptionalDouble baseline,
        boolean restoreBest,
        int startFromEpoch,
        StopAction action,
        String stopOn,
        double glAlpha,
        double pqAlpha,
        int upStrips,
        int stripLength,
        int continueAfterStop) {}
