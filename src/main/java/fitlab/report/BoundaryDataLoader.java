package fitlab.report;

import fitlab.model.Softmax;
import fitlab.data.Dataset;
import fitlab.model.Model;

/** Evaluates a cell's final classifier on a grid over its data: softmax of the logits, per grid point. */
final class BoundaryDataLoader {
    /**
     * Grid points per side. The grid is drawn as an image smoothed to the plot's size, so 120 points show no blocks
     * even on a full slide (the smoothing blends neighbouring cells); the model is evaluated once per grid point.
     */
    static final int GRID = 120;

    private BoundaryDataLoader() {}

    static BoundaryData load(LoadedRun run, CellRun c) {
        Dataset train = FittedModels.data(run, c).train();
        double[] x1 = new double[train.rows()], x2 = new double[train.rows()];
        int[] labels = new int[train.rows()];
        for (int i = 0; i < train.rows(); i++) {
            x1[i] = train.x(i, 0);
            x2[i] = train.x(i, 1);
            labels[i] = (int) train.y()[i];
        }
        double[] gx = padded(x1), gy = padded(x2);
        Model model = FittedModels.last(c);
        int k = model.outputs();
        double[] inputs = new double[GRID * GRID * 2];
        for (int ix = 0; ix < GRID; ix++) {
            for (int iy = 0; iy < GRID; iy++) {
                int row = ix * GRID + iy;
                inputs[2 * row] = gx[ix];
                inputs[2 * row + 1] = gy[iy];
            }
        }
        double[] logits = model.predict(inputs, GRID * GRID);
        double[][] p = new double[GRID][GRID], confidence = new double[GRID][GRID];
        int[][] predicted = new int[GRID][GRID];
        for (int ix = 0; ix < GRID; ix++) {
            for (int iy = 0; iy < GRID; iy++) {
                double[] probs = Softmax.of(logits, (ix * GRID + iy) * k, k);
                int arg = argmax(probs);
                predicted[ix][iy] = arg;
                confidence[ix][iy] = probs[arg];
                p[ix][iy] = k == 2 ? probs[1] : probs[arg];
            }
        }
        return new BoundaryData(c.id(), k, gx, gy, p, predicted, confidence, x1, x2, labels, c.last().testAccuracy());
    }


    /** The first index of the largest value (ties go to the lower class, as torch.argmax does). */
    static int argmax(double[] v) {
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        return best;
    }

    /** A grid over the points' range widened by 10 % on each side. */
    private static double[] padded(double[] v) {
        double lo = Lines.minFinite(v), hi = Lines.maxFinite(v);
        double pad = 0.1 * Math.max(hi - lo, 1e-9);
        return Stats.grid(lo - pad, hi + pad, GRID);
    }
}
