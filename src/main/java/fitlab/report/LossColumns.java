package fitlab.report;

import java.util.function.ToDoubleFunction;

/** The final-epoch losses a sweep chart plots for each cell (what training produced, the epoch diagnosed). */
final class LossColumns {
    static final ToDoubleFunction<CellRun> TRAIN = c -> c.last().trainLoss();
    static final ToDoubleFunction<CellRun> VALIDATION = c -> c.last().validationLoss();
    static final ToDoubleFunction<CellRun> TEST = c -> c.last().testLoss();

    private LossColumns() {}

    static double[] means(AxisGroup g, ToDoubleFunction<CellRun> f) {
        return g.points().stream().mapToDouble(p -> p.mean(f)).toArray();
    }

    /**
     * Standard deviations over seeds for error bars, or null when every point has a single cell. On a log axis a bar
     * cannot reach 0, so it is capped just below the mean.
     */
    static double[] errors(AxisGroup g, ToDoubleFunction<CellRun> f) {
        if (g.points().stream().allMatch(p -> p.cells().size() < 2)) {
            return null;
        }
        return g.points().stream().mapToDouble(p -> Math.min(p.std(f), 0.9 * p.mean(f))).toArray();
    }

    /** Index of the point with the lowest mean validation loss. */
    static int bestIndex(AxisGroup g) {
        double[] v = means(g, VALIDATION);
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] < v[best]) {
                best = i;
            }
        }
        return best;
    }
}
