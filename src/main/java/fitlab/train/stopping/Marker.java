package fitlab.train.stopping;

/**
 * A named event on the training curve, recorded at the first epoch it happens.
 *
 * @param name        {@code patience}, {@code GL5}, {@code PQ0.5}, {@code UP3} (criterion and its parameter) or
 *                    {@code diverged}
 * @param epoch       the epoch it fired at
 * @param value       the number that crossed the threshold: epochs without improvement for patience, GL(t) for GL,
 *                    GL(t)/P_k(t) for PQ, successive rising strips for UP, the offending loss for diverged
 * @param explanation one English sentence with the numbers, for logs and summary files
 */
public record Marker(String name, int epoch, double value, String explanation) {

    public static final String PATIENCE = "patience";
    public static final String DIVERGED = "diverged";
}
