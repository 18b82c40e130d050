package fitlab.report;

/**
 * The bias–variance decomposition along a sweep, measured against the true function f over the seed repeats (each
 * seed draws fresh training data): at each x of the sweep, with f̂ₛ the final model of seed s and f̄ their mean on a
 * fine grid over the input range, bias² = mean over the grid of (f̄ − f)², variance = mean over the grid and seeds of
 * (f̂ₛ − f̄)². With the noise σ² they add up to the expected test error, drawn next to the measured one.
 *
 * @param axis      the swept setting on the x axis
 * @param seeds     repeats per point
 * @param testError measured final test loss, mean over seeds
 */
public record BiasVarianceData(String axis, String groupLabel, int seeds, double[] x, double[] bias2, double[] variance, double noise,
                               double[] testError) {
    public double[] expected() {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = bias2[i] + variance[i] + noise;
        }
        return out;
    }
}
