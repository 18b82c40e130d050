package fitlab.report;

import java.util.Arrays;

/**
 * The spread of a class's curves at each point of a sweep: the median and the 10 % and 90 % quantiles over students,
 * each quantile linearly interpolated between order statistics (the rule numpy.percentile uses by default, so a
 * teacher can check the numbers in a notebook).
 *
 * @param curves [student][point] the values drawn (non-finite values, a diverged cell, are left out of the quantiles)
 */
public record ClassBand(double[][] curves, double[] p10, double[] median, double[] p90) {
    public static ClassBand of(double[][] curves) {
        int points = curves.length == 0 ? 0 : curves[0].length;
        double[] p10 = new double[points], median = new double[points], p90 = new double[points];
        for (int i = 0; i < points; i++) {
            int at = i;
            double[] column = Arrays.stream(curves).mapToDouble(c -> c[at]).filter(Double::isFinite).sorted().toArray();
            p10[i] = quantile(column, 0.10);
            median[i] = quantile(column, 0.50);
            p90[i] = quantile(column, 0.90);
        }
        return new ClassBand(curves, p10, median, p90);
    }

    /** The q-quantile of sorted values: position q·(n − 1), interpolated; NaN when there are none. */
    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double h = q * (sorted.length - 1);
        int lo = (int) Math.floor(h);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
