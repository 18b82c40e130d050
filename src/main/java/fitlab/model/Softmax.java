package fitlab.model;

/**
 * Class probabilities from a classifier's logits, as {@code torch.softmax} computes them (the largest logit is
 * subtracted first, so no exp overflows). {@link StrictMath#exp}: the same bits on every machine, like training.
 */
public final class Softmax {
    private Softmax() {}

    /** softmax of {@code logits[offset .. offset + k)}. */
    public static double[] of(double[] logits, int offset, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, logits[offset + j]);
        }
        double[] out = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            out[j] = StrictMath.exp(logits[offset + j] - max);
            sum += out[j];
        }
        for (int j = 0; j < k; j++) {
            out[j] /= sum;
        }
        return out;
    }
}
