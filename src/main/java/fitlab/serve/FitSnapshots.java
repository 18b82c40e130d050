package fitlab.serve;

import fitlab.checkpoint.Checkpoints;
import fitlab.config.Cell;
import fitlab.config.DataKind;
import fitlab.config.ExperimentConfig;
import fitlab.data.Dataset;
import fitlab.data.DatasetFiles;
import fitlab.data.TargetFunction;
import fitlab.model.Model;
import fitlab.model.Softmax;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.DataDirs;
import fitlab.runfolder.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What the fit panel draws for a cell, read back from the run folder as the report does: the training points and
 * the true function once, then the model of a checkpoint on a grid (1-D: the fitted curve; 2-D: the predicted class
 * and its probability, the decision boundary). Reading a file the checkpoint writer renamed into place never sees a
 * half-written checkpoint.
 */
final class FitSnapshots {
    static final int GRID_1D = 200;
    static final int GRID_2D = 40;
    /** How many checkpoint files {@link #newest} looks at, at most, walking back from an epoch. */
    static final int MAX_LOOK_BACK = 2000;

    private FitSnapshots() {}

    /** The cell's points and grid (and the true function for generated 1-D data); empty until its data is on disk. */
    static Optional<Map<String, Object>> info(RunFolder run, java.util.List<Cell> cells, String cellId, ExperimentConfig config) {
        Optional<Path> dataDir = dataDir(run, cells, cellId);
        if (dataDir.isEmpty()) {
            return Optional.empty();
        }
        Dataset train = DatasetFiles.read(dataDir.get()).train();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("features", train.features());
        if (config.data().kind() == DataKind.REGRESSION1D || config.data().kind() != DataKind.CSV && train.features() == 1) {
            m.put("px", finite(column(train, 0)));
            m.put("py", finite(train.y()));
        } else {
            m.put("px", finite(column(train, 0)));
            m.put("py", finite(train.features() > 1 ? column(train, 1) : train.y()));
            m.put("labels", finite(train.y()));
        }
        if (train.features() == 1) {
            double[] gx = grid1d(config, train);
            m.put("gx", finite(gx));
            if (config.data().kind() == DataKind.REGRESSION1D) {
                TargetFunction f = TargetFunction.parse(config.data().function());
                double[] ty = new double[gx.length];
                for (int i = 0; i < gx.length; i++) {
                    ty[i] = f.applyAsDouble(gx[i]);
                }
                m.put("ty", finite(ty));
                m.put("formula", f.formula());
            }
        } else if (train.features() == 2) {
            double[][] g = grid2d(train);
            m.put("g1", finite(g[0]));
            m.put("g2", finite(g[1]));
        }
        return Optional.of(m);
    }

    /**
     * The newest checkpoint of the cell at or before {@code epoch} that is on disk, with its epoch: the epoch itself (a
     * cell's last epoch always has one), else the newest multiple of {@code every} before it. The walk back is not cut
     * short after a few steps: checkpoints are written on a background thread that may run many checkpoints behind the
     * logged epochs on a slow disk (a CI machine's page then saw no fit until the run had ended); it stops at
     * {@link #MAX_LOOK_BACK} files so a cell with nothing on disk yet costs little.
     */
    static Optional<Map.Entry<Integer, Path>> newest(CellFolder cell, int epoch, int every) {
        if (epoch >= 0 && Files.isRegularFile(cell.checkpoint(epoch))) {
            return Optional.of(Map.entry(epoch, cell.checkpoint(epoch)));
        }
        int step = Math.max(1, every);
        for (int e = epoch - epoch % step, tries = 0; e >= 0 && tries < MAX_LOOK_BACK; e -= step, tries++) {
            Path p = cell.checkpoint(e);
            if (Files.isRegularFile(p)) {
                return Optional.of(Map.entry(e, p));
            }
        }
        return Optional.empty();
    }

    /** The model of {@code checkpoint} on the cell's grid: {@code y} (1-D), or {@code cls} and {@code p} (2-D). */
    static Map<String, Object> fit(Path checkpoint, int epoch, Map<String, Object> info) {
        Model model = Checkpoints.rebuild(Checkpoints.read(checkpoint));
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("epoch", epoch);
        if (info.containsKey("gx")) {
            double[] gx = (double[]) unboxed(info.get("gx"));
            double[] out = model.predict(gx, gx.length);
            int k = model.outputs();
            if (k == 1) {
                m.put("y", finite(out));
            } else {
                double[] p1 = new double[gx.length];
                for (int i = 0; i < gx.length; i++) {
                    p1[i] = Softmax.of(out, i * k, k)[Math.min(1, k - 1)];
                }
                m.put("y", finite(p1));
            }
        } else if (info.containsKey("g1")) {
            double[] g1 = (double[]) unboxed(info.get("g1"));
            double[] g2 = (double[]) unboxed(info.get("g2"));
            double[] in = new double[GRID_2D * GRID_2D * 2];
            for (int iy = 0; iy < GRID_2D; iy++) {
                for (int ix = 0; ix < GRID_2D; ix++) {
                    int row = iy * GRID_2D + ix;
                    in[2 * row] = g1[ix];
                    in[2 * row + 1] = g2[iy];
                }
            }
            double[] logits = model.predict(in, GRID_2D * GRID_2D);
            int k = model.outputs();
            int[] cls = new int[GRID_2D * GRID_2D];
            double[] p = new double[cls.length];
            for (int r = 0; r < cls.length; r++) {
                double[] probs = Softmax.of(logits, r * k, k);
                int best = 0;
                for (int j = 1; j < k; j++) {
                    if (probs[j] > probs[best]) {
                        best = j;
                    }
                }
                cls[r] = best;
                p[r] = Math.round(probs[best] * 1000) / 1000.0;
            }
            m.put("cls", cls);
            m.put("p", p);
        }
        return m;
    }

    /**
     * The folder {@link DataDirs} gave the cell's dataset (a continued cell's is its base cell's): a sweep over
     * {@code data:} writes each dataset once, under the id of the first cell that uses it, so a cell's own id is no
     * guide (a spiral cell once showed the moons of {@code data/}).
     */
    private static Optional<Path> dataDir(RunFolder run, java.util.List<Cell> cells, String cellId) {
        String base = cellId.contains("@") ? cellId.substring(0, cellId.indexOf('@')) : cellId;
        String dir = DataDirs.of(cells).get(base);
        if (dir == null) {
            return Optional.empty();
        }
        Path p = run.root().resolve(dir);
        boolean onDisk = Files.isRegularFile(p.resolve(DatasetFiles.TRAIN)) && Files.isRegularFile(p.resolve(DatasetFiles.TEST));
        return onDisk ? Optional.of(p) : Optional.empty();
    }

    private static double[] grid1d(ExperimentConfig config, Dataset train) {
        double lo = config.data().xMin(), hi = config.data().xMax();
        if (config.data().kind() != DataKind.REGRESSION1D || !(hi > lo)) {
            double[] x = column(train, 0);
            lo = java.util.Arrays.stream(x).min().orElse(0);
            hi = java.util.Arrays.stream(x).max().orElse(1);
        }
        return steps(lo, hi, GRID_1D);
    }

    /** A grid over the points' range widened by 10 % on each side (as the report's boundary chart). */
    private static double[][] grid2d(Dataset train) {
        double[][] g = new double[2][];
        for (int f = 0; f < 2; f++) {
            double[] v = column(train, f);
            double lo = java.util.Arrays.stream(v).min().orElse(0), hi = java.util.Arrays.stream(v).max().orElse(1);
            double pad = 0.1 * Math.max(hi - lo, 1e-9);
            g[f] = steps(lo - pad, hi + pad, GRID_2D);
        }
        return g;
    }

    private static double[] steps(double lo, double hi, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = lo + (hi - lo) * i / (n - 1);
        }
        return g;
    }

    private static double[] column(Dataset d, int feature) {
        double[] c = new double[d.rows()];
        for (int i = 0; i < d.rows(); i++) {
            c[i] = d.x(i, feature);
        }
        return c;
    }


    /** JSON has no NaN or infinity: those become null (a gap in the chart). */
    static Double[] finite(double[] v) {
        Double[] out = new Double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = Double.isFinite(v[i]) ? v[i] : null;
        }
        return out;
    }

    private static Object unboxed(Object boxed) {
        Double[] b = (Double[]) boxed;
        double[] out = new double[b.length];
        for (int i = 0; i < b.length; i++) {
            out[i] = b[i] == null ? Double.NaN : b[i];
        }
        return out;
    }
}
