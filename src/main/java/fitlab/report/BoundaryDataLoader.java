package fitlab.report;

import fitlab.data.Dataset;
import fitlab.model.Model;

/** Evaluates a cell's final classifier on a grid over its data: softmax of the logits, per grid point. */
final class BoundaryDataLoader {
    static final int GRID = 60;

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
        double[][] p = new double[GRID][GRID];
        for (int ix = 0; ix < GRID; ix++) {
            for (int iy = 0; iy < GRID; iy++) {
                double[] probs = softmax(logits, (ix * GRID + iy) * k, k);
                p[ix][iy] = k == 2 ? probs[1] : max(probs);
            }
        }
        return new BoundaryData(c.id(), k, gx, gy, p, x1, x2, labels, c.last().testAccuracy());
    }

    static double[] softmax(double[] logits, int offset, int k) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < k; j++) {
            max = Math.max(max, logits[offset + j]);
        }
        double[] out = new double[k];
        double sum = 0;
        for (int j = 0; j < k; j++) {
            out[j] = Math.exp(logits[offset + j] - max);
            sum += out[j];
        }
        for (int j = 0; j < k; j++) {
            out[j] /= sum;
        }
        return out;
    }

    private static double max(double[] v) {
        double m = v[0];
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }

    /** A grid over the points' range widened by 10 % on each side. */
    private static double[] padded(double[] v) {
        double lo = Lines.minFinite(v), hi = Lines.maxFinite(v);
        double pad = 0.1 * Math.max(hi - lo, 1e-9);
        return Stats.grid(lo - pad, hi + pad, GRID);
    }
}
