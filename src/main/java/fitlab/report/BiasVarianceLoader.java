package fitlab.report;

import fitlab.data.TargetFunction;
import java.util.List;

/** Predicts every seed's final model on a fine grid and measures bias² and variance against the true function. */
final class BiasVarianceLoader {
    static final int GRID = 500;

    private BiasVarianceLoader() {}

    static BiasVarianceData load(LoadedRun run, String axis, AxisGroup g) {
        TargetFunction f = TargetFunction.parse(run.base().data().function());
        double[] grid = Stats.grid(run.base().data().xMin(), run.base().data().xMax(), GRID);
        double[] truth = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            truth[i] = f.applyAsDouble(grid[i]);
        }
        int n = g.points().size();
        double[] bias2 = new double[n], variance = new double[n], test = new double[n];
        int seeds = Integer.MAX_VALUE;
        for (int p = 0; p < n; p++) {
            List<CellRun> cells = g.points().get(p).cells();
            seeds = Math.min(seeds, cells.size());
            double[][] pred = new double[cells.size()][];
            for (int s = 0; s < cells.size(); s++) {
                pred[s] = FittedModels.predict1d(FittedModels.last(cells.get(s)), grid);
            }
            double b = 0, v = 0;
            for (int i = 0; i < GRID; i++) {
                double mean = 0;
                for (double[] ps : pred) {
                    mean += ps[i];
                }
                mean /= pred.length;
                b += (mean - truth[i]) * (mean - truth[i]);
                for (double[] ps : pred) {
                    v += (ps[i] - mean) * (ps[i] - mean);
                }
            }
            bias2[p] = b / GRID;
            variance[p] = v / (GRID * pred.length);
            test[p] = g.points().get(p).mean(LossColumns.TEST);
        }
        double noise = run.base().data().noise() * run.base().data().noise();
        return new BiasVarianceData(axis, g.label(), seeds, g.xs(), bias2, variance, noise, test);
    }
}
