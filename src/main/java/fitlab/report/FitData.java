package fitlab.report;

import java.util.List;

/**
 * What a 1-D fit chart draws: the training points, the true function f on a fine grid, and fitted curves on the same
 * grid.
 *
 * @param formula the true function as written in the experiment, e.g. {@code cos(1.5*pi*x)}
 */
public record FitData(String formula, double[] trainX, double[] trainY, double[] gridX, double[] trueY, List<Fit> fits) {
    public FitData {
        fits = List.copyOf(fits);
    }

    /**
     * The y range that shows the data and the true function with a margin; a wild overfit curve leaves the plot at
     * its edges rather than squashing the data into a flat line.
     */
    public double[] yRange() {
        double lo = Math.min(Lines.minFinite(trainY), Lines.minFinite(trueY));
        double hi = Math.max(Lines.maxFinite(trainY), Lines.maxFinite(trueY));
        double pad = 0.25 * Math.max(hi - lo, 1e-9);
        return new double[] {lo - pad, hi + pad};
    }
}
