package fitlab.config;

import java.util.OptionalDouble;

/**
 * The {@code early_stopping:} section: Keras' parameters plus Prechelt's criteria parameters
 * (GL_alpha, PQ_alpha, UP_s over strips of {@code stripLength} epochs).
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
        double glAlpha,
        double pqAlpha,
        int upStrips,
        int stripLength) {}
