package fitlab.model;

import fitlab.UserError;
import fitlab.pth.Tensor;
import fitlab.random.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A polynomial in one input, ŷ = b + Σ w_k·φ_k(u) (see {@link PolynomialSpec}), written as PyTorch would:
 * a module with {@code linear = nn.Linear(degree, 1)} applied to the basis features, so its state_dict
 * holds {@code linear.weight} [1, degree] and {@code linear.bias} [1], plus, when the input is scaled,
 * the 0-dim float64 buffers {@code x_min} and {@code x_max}.
 */
public final class PolynomialModel implements Model {
    private final PolynomialSpec spec;
    private final int degree;
    private final double[] params; // w_1..w_d, then b
    private final double[] grads;
    private final List<ParameterSlot> slots;
    private int capacity;
    private double[] phi;  // [rows, degree] features of the last forward
    private double[] out;
    private final FeatureCache cache = new FeatureCache();

    PolynomialModel(PolynomialSpec spec) {
        this.spec = spec;
        this.degree = spec.degree();
        params = new double[degree + 1];
        grads = new double[degree + 1];
        slots = List.of(
                new ParameterSlot("linear.weight", new long[] {1, degree}, 0, degree),
                new ParameterSlot("linear.bias", new long[] {1}, degree, 1));
    }

    @Override
    public PolynomialSpec spec() {
        return spec;
    }

    @Override
    public List<ParameterSlot> parameterSlots() {
        return slots;
    }

    @Override
    public double[] parameters() {
        return params;
    }

    @Override
    public double[] gradients() {
        return grads;
    }

    /** Writes the feature matrix φ ([rows, degree], row-major) of inputs x into {@code into}. */
    public void features(double[] x, int rows, double[] into) {
        for (int r = 0; r < rows; r++) {
            spec.features(x[r], into, r * degree);
        }
    }

    @Override
    public double[] forward(double[] x, int rows, boolean training, Rng dropout) {
        ensureCapacity(rows);
        phi = cache.features(this, x, rows);
        double b = params[degree];
        // four rows at a time: each row's sum is still taken in the order k = 0, 1, ... (the same bits), but the four
        // sums do not wait for one another, where one row's additions each waited for the one before (an epoch
        // evaluates 1 230 rows in lesson 01: this loop was 40 % of training)
        int r = 0;
        for (; r + 4 <= rows; r += 4) {
            int o0 = r * degree, o1 = o0 + degree, o2 = o1 + degree, o3 = o2 + degree;
            double s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0;
            for (int k = 0; k < degree; k++) {
                double w = params[k];
                s0 += phi[o0 + k] * w;
                s1 += phi[o1 + k] * w;
                s2 += phi[o2 + k] * w;
                s3 += phi[o3 + k] * w;
            }
            out[r] = s0 + b;
            out[r + 1] = s1 + b;
            out[r + 2] = s2 + b;
            out[r + 3] = s3 + b;
        }
        for (; r < rows; r++) {
            int row = r * degree;
            double sum = 0.0;
            for (int k = 0; k < degree; k++) {
                sum += phi[row + k] * params[k];
            }
            out[r] = sum + b;
        }
        return out;
    }

    @Override
    public void backward(double[] gradOutput, int rows) {
        java.util.Arrays.fill(grads, 0.0);
        for (int r = 0; r < rows; r++) {
            double g = gradOutput[r];
            int row = r * degree;
            for (int k = 0; k < degree; k++) {
                grads[k] += g * phi[row + k];
            }
            grads[degree] += g;
        }
    }

    private void ensureCapacity(int rows) {
        if (rows > capacity) {
            out = new double[rows];
            capacity = rows;
        }
    }

    /**
     * The feature matrices of the last few inputs. A lesson's inputs never change between epochs (the full batch and
     * the three evaluated splits are the same rows every epoch) while computing φ was most of a polynomial epoch:
     * an input whose values equal a remembered one, bit for bit, gets the remembered φ, which is exactly what
     * computing it again would give. A mini-batch buffer refilled with other rows differs and is computed afresh.
     */
    private static final class FeatureCache {
        /** The split arrays of one epoch (training batch, train, validation, test) and one to spare. */
        private static final int ENTRIES = 5;
        /** Inputs larger than this many features (8 MB) are computed each time, not held. */
        private static final long MAX_VALUES = 1 << 20;
        private final double[][] inputs = new double[ENTRIES][];
        private final double[][] features = new double[ENTRIES][];
        private final int[] rowCounts = new int[ENTRIES];
        private final long[] lastUse = new long[ENTRIES]; // 0: never used
        private long clock;
        private double[] scratch; // the features of an input too large to hold

        double[] features(PolynomialModel model, double[] x, int rows) {
            clock++;
            for (int i = 0; i < ENTRIES; i++) {
                if (inputs[i] != null && rowCounts[i] == rows && java.util.Arrays.equals(inputs[i], 0, rows, x, 0, rows)) {
                    lastUse[i] = clock;
                    return features[i];
                }
            }
            long values = (long) rows * model.degree;
            if (values > MAX_VALUES) {
                if (scratch == null || scratch.length < values) {
                    scratch = new double[Math.toIntExact(values)];
                }
                model.features(x, rows, scratch);
                return scratch;
            }
            int slot = 0; // the least recently used: a shuffled batch, new every epoch, replaces the previous batch
            for (int i = 1; i < ENTRIES; i++) {
                if (lastUse[i] < lastUse[slot]) {
                    slot = i;
                }
            }
            lastUse[slot] = clock;
            if (features[slot] == null || features[slot].length < values) {
                features[slot] = new double[(int) values];
            }
            model.features(x, rows, features[slot]);
            if (inputs[slot] == null || inputs[slot].length < rows) {
                inputs[slot] = new double[rows];
            }
            System.arraycopy(x, 0, inputs[slot], 0, rows); // a shuffled batch replaces its slot every epoch: no new array
            rowCounts[slot] = rows;
            return features[slot];
        }
    }

    @Override
    public LinkedHashMap<String, Tensor> stateDict() {
        LinkedHashMap<String, Tensor> sd = StateDicts.parameters(slots, params);
        if (spec.scaleInput()) {
            sd.put("x_min", Tensor.scalar(spec.xMin()));
            sd.put("x_max", Tensor.scalar(spec.xMax()));
        }
        return sd;
    }

    @Override
    public void loadStateDict(Map<String, Tensor> stateDict) {
        Map<String, long[]> expected = new LinkedHashMap<>();
        for (ParameterSlot s : slots) {
            expected.put(s.name(), s.shape());
        }
        if (spec.scaleInput()) {
            expected.put("x_min", new long[0]);
            expected.put("x_max", new long[0]);
            StateDicts.check(stateDict, expected);
            checkBuffer(stateDict, "x_min", spec.xMin());
            checkBuffer(stateDict, "x_max", spec.xMax());
        } else {
            StateDicts.check(stateDict, expected);
        }
        StateDicts.copyInto(stateDict, slots, params);
    }

    private static void checkBuffer(Map<String, Tensor> stateDict, String key, double expected) {
        double got = stateDict.get(key).item();
        if (Double.doubleToLongBits(got) != Double.doubleToLongBits(expected)) {
            throw new UserError("state_dict key '" + key + "': the model_spec says " + expected + ", the tensor holds " + got);
        }
    }
}
