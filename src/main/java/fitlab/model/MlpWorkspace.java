package fitlab.model;

import java.util.Arrays;

/**
 * The buffers of one MLP forward pass, feature-major ([features][rows]), kept for the backward pass, and what
 * they were computed from, so that a forward over the same input with the same weights can be answered without
 * computing it again.
 *
 * <p>Why: a cell evaluates the training set after every epoch, and the next epoch's full-batch step starts with
 * the very same forward (same weights, same rows, no dropout). Reusing it is exact, not an approximation: the
 * inputs are compared bit for bit with a copy, not trusted by reference.
 */
final class MlpWorkspace {
    private final int[] sizes;
    private final boolean hasDropout;
    int capacity;
    double[] inputT;            // the input, feature-major (when it has more than one column)
    double[][] z;               // per linear layer: pre-activations
    double[][] a;               // per hidden layer: activations
    double[][] h;               // per hidden layer: dropped-out activations (only with dropout)
    double[][] mask;            // per hidden layer: the dropout scale
    double[] output;            // the last layer's output, row-major (when it has more than one column)
    final double[][] usedInput; // what each linear layer saw (feature-major)
    int rows;
    boolean dropped;

    // What the buffers were computed from; valid only for a forward without dropout.
    private boolean remembered;
    private double[] inputRef;
    private double[] inputCopy = new double[0];
    private final double[] paramsCopy;

    MlpWorkspace(int[] sizes, boolean hasDropout, int parameterCount) {
        this.sizes = sizes;
        this.hasDropout = hasDropout;
        this.usedInput = new double[sizes.length - 1][];
        this.paramsCopy = new double[parameterCount];
    }

    /** Whether the buffers already hold the dropout-free forward of {@code x} ({@code rows} rows) under {@code params}. */
    boolean holds(double[] x, int rows, double[] params) {
        int n = rows * sizes[0];
        return remembered && x == inputRef && rows == this.rows
                && Arrays.equals(inputCopy, 0, n, x, 0, n) && Arrays.equals(paramsCopy, params);
    }

    /** Records what a dropout-free forward was computed from. */
    void remember(double[] x, int rows, double[] params) {
        int n = rows * sizes[0];
        if (inputCopy.length < n) {
            inputCopy = new double[n];
        }
        System.arraycopy(x, 0, inputCopy, 0, n);
        System.arraycopy(params, 0, paramsCopy, 0, params.length);
        inputRef = x;
        remembered = true;
    }

    void forget() {
        remembered = false;
        inputRef = null;
    }

    void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        forget();
        int linearCount = sizes.length - 1;
        z = new double[linearCount][];
        a = new double[linearCount][];
        h = new double[linearCount][];
        mask = new double[linearCount][];
        for (int l = 0; l < linearCount; l++) {
            int n = rows * sizes[l + 1];
            z[l] = new double[n];
            if (l < linearCount - 1) {
                a[l] = new double[n];
                if (hasDropout) {
                    h[l] = new double[n];
                    mask[l] = new double[n];
                }
            }
        }
        inputT = sizes[0] > 1 ? new double[rows * sizes[0]] : null;
        output = sizes[linearCount] > 1 ? new double[rows * sizes[linearCount]] : null;
        capacity = rows;
    }
}
