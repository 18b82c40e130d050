package fitlab.experiment;

/**
 * An early-stopping event drawn on the loss chart: {@code patience} (where Keras-style early stopping stops),
 * Prechelt's {@code GL5}, {@code PQ0.5}, {@code UP3}, or {@code best}.
 */
public record Marker(String name, int epoch, double value, String explanation) {}
