package fitlab.experiment;

import fitlab.UserError;
import fitlab.config.DataConfig;
import fitlab.config.ExperimentConfig;
import fitlab.config.ModelKind;
import fitlab.config.OptimizerKind;
import fitlab.config.yaml.Location;
import java.util.Locale;

/**
 * What one cell will cost, estimated from its config before anything is allocated, and the limits it must stay
 * within: its memory against the JVM's heap, and its work (parameters × rows × epochs) against a bound that no
 * bundled lesson comes near, so that a typo such as {@code hidden: [1000000]} or {@code train: 10000000} is refused
 * at once, with the estimate, instead of failing with an out-of-memory error or running for hours.
 *
 * <p>The estimates count in long arithmetic that saturates, so absurd sizes (10⁶ × 10⁶ weights) cannot overflow
 * into a negative array size.
 */
record Budget(long parameters, long memoryBytes, double work) {

    /**
     * The largest work accepted, in parameter-row-epochs (one multiply-add of one weight for one row in one epoch,
     * the training rows counted three times for the forward pass, the backward pass and the update). It is more than a
     * hundred times the largest bundled lesson's full run, so only a typo or an absurd config reaches it.
     */
    static final double MAX_WORK = 1e14;

    /** The part of the JVM's maximum heap one cell may plan to use (the others, the report and the GC need the rest). */
    static final double HEAP_SHARE = 0.5;

    /**
     * Bytes per data value held while a dataset is generated, kept in memory and written as CSV (the double itself,
     * its augmented copy and the CSV text being built).
     */
    private static final long BYTES_PER_DATA_VALUE = 96;

    /** Fixed per-row cost of generating, writing and plotting a data row, in the same units as the work. */
    private static final long WORK_PER_DATA_ROW = 10_000;

    /**
     * @param features inputs per example (1 for regression1d, 2 for the classification generators, the CSV's columns)
     * @param outputs  model outputs (1 for MSE, the number of classes for cross-entropy)
     */
    static Budget of(ExperimentConfig c, int features, int outputs) {
        DataConfig d = c.data();
        long train = sat(d.train(), 1 + (long) d.augment().copies());
        long evalRows = sat(sat(d.train(), 1) + d.validation(), 1) + d.test();
        long dataRows = (long) d.train() + d.validation() + d.test();
        long dataBytes = sat(sat(sat(dataRows, features + 1), BYTES_PER_DATA_VALUE), 1);
        boolean lstsq = c.training().optimizer() == OptimizerKind.LSTSQ;
        long epochs = lstsq ? 1 : Math.max(1, c.training().epochs());
        long params;
        long activations;
        double work;
        if (c.model().kind() == ModelKind.POLYNOMIAL) {
            long terms = c.model().degree() + 1L;
            params = terms;
            // the design matrix of the closed-form fit, and its copy inside the least-squares solver
            activations = lstsq ? sat(sat(train, terms + 1), 8 * 3) : sat(sat(train, terms), 8 * 3);
            work = lstsq ? (double) train * terms * terms + (double) evalRows * terms
                    : (double) terms * (3.0 * train + evalRows) * epochs;
        } else {
            long widths = 0;
            long widest = Math.max(features, outputs);
            long previous = features;
            params = 0;
            for (int h : c.model().hidden()) {
                params = add(params, sat(previous + 1, h));
                widths = add(widths, h);
                widest = Math.max(widest, h);
                previous = h;
            }
            params = add(params, sat(previous + 1, outputs));
            long batch = c.training().batch() > 0 ? Math.min(c.training().batch(), train) : train;
            long rows = Math.max(batch, 96); // evaluation runs in chunks of at most 96 rows
            // per layer: pre-activation, activation, its derivative and a dropout mask; three row-major scratch arrays
            activations = add(sat(sat(rows, widths), 8 * 4), sat(sat(rows, widest), 8 * 3));
            work = (double) params * (3.0 * train + evalRows) * epochs;
        }
        // weights, gradients, a copy for evaluation, up to three optimizer moments, checkpoint snapshots in flight
        long parameterBytes = sat(params, 8 * 10);
        long memory = add(add(parameterBytes, activations), dataBytes);
        work += (double) dataRows * WORK_PER_DATA_ROW;
        return new Budget(params, memory, work);
    }

    /** Fails, naming {@code at} and the estimate, when the cell would not fit the heap or would take too long. */
    void check(Location at, String what) {
        long heap = Runtime.getRuntime().maxMemory();
        if (memoryBytes > HEAP_SHARE * heap) {
            throw new UserError(at + ": " + what + ": needs about " + mib(memoryBytes) + " of memory (" + parameters
                    + " parameters with their data and activations), more than half of the " + mib(heap)
                    + " heap this JVM may use; make the model or the data smaller (or give Java more memory, "
                    + "e.g. FITLAB_JAVA_OPTS=-Xmx8g)");
        }
        if (work > MAX_WORK) {
            throw new UserError(at + ": " + what + ": about " + String.format(Locale.ROOT, "%.2g", work)
                    + " parameter-row-epochs of work (" + parameters + " parameters × rows × epochs), more than the "
                    + String.format(Locale.ROOT, "%.0g", MAX_WORK) + " fitlab accepts (hours of training); "
                    + "use fewer epochs, rows or parameters");
        }
    }

    private static String mib(long bytes) {
        return bytes >= Long.MAX_VALUE / 2 ? "more than 4 EiB" : String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    /** a × b, saturating at Long.MAX_VALUE (both are non-negative here). */
    private static long sat(long a, long b) {
        long hi = Math.multiplyHigh(a, b);
        long lo = a * b;
        return hi != 0 || lo < 0 ? Long.MAX_VALUE : lo;
    }

    private static long add(long a, long b) {
        long s = a + b;
        return s < 0 ? Long.MAX_VALUE : s;
    }
}
