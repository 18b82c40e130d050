package fitlab.model;

import fitlab.pth.Tensor;
import fitlab.random.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multilayer perceptron laid out as PyTorch's {@code nn.Sequential(Linear, act, [Dropout], Linear, ...)}:
 * the parameters are {@code 0.weight}, {@code 0.bias}, {@code 2.weight}, ... where activation and dropout
 * modules take indices but hold no parameters.
 *
 * <p>Weights are stored row-major as [out, in] (PyTorch's layout), so a forward dot product and the
 * backward weight-gradient update both run over contiguous memory.
 */
public final class Mlp implements Model {
    private final MlpSpec spec;
    private final int[] sizes;         // widths n_0 .. n_L
    private final int[] weightOffset;  // per linear layer
    private final int[] biasOffset;
    private final double[] params;
    private final double[] grads;
    private final List<ParameterSlot> slots;
    private final List<Layer> layers;

    // Workspaces, per linear layer l: pre-activations z[l] and, for hidden layers, activations a[l],
    // dropped-out activations h[l] (only with dropout) and the dropout scale mask[l].
    private int capacity;
    private double[][] z;
    private double[][] a;
    private double[][] h;
    private double[][] mask;
    private double[] deltaA;
    private double[] deltaB;
    private final double[][] usedInput;  // what each linear layer saw in the last forward
    private boolean lastForwardDropped;

    Mlp(MlpSpec spec) {
        this.spec = spec;
        List<Integer> s = spec.layerSizes();
        sizes = s.stream().mapToInt(Integer::intValue).toArray();
        int linearCount = sizes.length - 1;
        weightOffset = new int[linearCount];
        biasOffset = new int[linearCount];
        List<ParameterSlot> slotList = new ArrayList<>();
        List<Layer> layerList = new ArrayList<>();
        int offset = 0;
        for (int l = 0; l < linearCount; l++) {
            int in = sizes[l];
            int out = sizes[l + 1];
            int index = layerList.size();
            weightOffset[l] = offset;
            slotList.add(new ParameterSlot(index + ".weight", new long[] {out, in}, offset, out * in));
            offset += out * in;
            biasOffset[l] = offset;
            slotList.add(new ParameterSlot(index + ".bias", new long[] {out}, offset, out));
            offset += out;
            layerList.add(new Layer.Linear(in, out));
            if (l < linearCount - 1) {
                layerList.add(new Layer.Act(spec.activation()));
                if (spec.dropout() > 0) {
                    layerList.add(new Layer.Dropout(spec.dropout()));
                }
            }
        }
        params = new double[offset];
        grads = new double[offset];
        slots = List.copyOf(slotList);
        layers = List.copyOf(layerList);
        usedInput = new double[linearCount][];
    }

    @Override
    public MlpSpec spec() {
        return spec;
    }

    /** The modules of the {@code nn.Sequential} in index order. */
    public List<Layer> layers() {
        return layers;
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

    @Override
    public double[] forward(double[] x, int rows, boolean training, Rng dropout) {
        ensureCapacity(rows);
        Activation act = spec.activation();
        double p = spec.dropout();
        boolean drop = training && p > 0;
        // torch: noise = bernoulli(1 - p) / (1 - p); output = input * noise
        double keepScale = 1.0 / (1.0 - p);
        int linearCount = sizes.length - 1;
        double[] input = x;
        for (int l = 0; l < linearCount; l++) {
            usedInput[l] = input;
            linear(l, input, rows, z[l]);
            if (l == linearCount - 1) {
                break;
            }
            int n = rows * sizes[l + 1];
            double[] zl = z[l];
            double[] al = a[l];
            for (int i = 0; i < n; i++) {
                al[i] = act.apply(zl[i]);
            }
            if (drop) {
                double[] hl = h[l];
                double[] ml = mask[l];
                for (int i = 0; i < n; i++) {
                    ml[i] = dropout.nextDouble() < p ? 0.0 : keepScale;
                    hl[i] = al[i] * ml[i];
                }
                input = hl;
            } else {
                input = al;
            }
        }
        lastForwardDropped = drop;
        return z[linearCount - 1];
    }

    /** out[r, j] = Σ_k in[r, k]·W[j, k] + b[j] for layer l. */
    private void linear(int l, double[] in, int rows, double[] out) {
        int nIn = sizes[l];
        int nOut = sizes[l + 1];
        int w = weightOffset[l];
        int b = biasOffset[l];
        double[] p = params;
        for (int r = 0; r < rows; r++) {
            int inRow = r * nIn;
            int outRow = r * nOut;
            for (int j = 0; j < nOut; j++) {
                int wRow = w + j * nIn;
                double sum = 0.0;
                for (int k = 0; k < nIn; k++) {
                    sum += in[inRow + k] * p[wRow + k];
                }
                out[outRow + j] = sum + p[b + j];
            }
        }
    }

    @Override
    public void backward(double[] gradOutput, int rows) {
        Activation act = spec.activation();
        int linearCount = sizes.length - 1;
        double[] delta = gradOutput; // dLoss/dz of the current linear layer
        for (int l = linearCount - 1; l >= 0; l--) {
            accumulateLinearGradients(l, delta, usedInput[l], rows);
            if (l == 0) {
                break;
            }
            double[] next = delta == deltaA ? deltaB : deltaA;
            inputGradient(l, delta, rows, next);
            // through dropout and the activation of hidden layer l-1
            int n = rows * sizes[l];
            double[] zl = z[l - 1];
            double[] al = a[l - 1];
            if (lastForwardDropped) {
                double[] ml = mask[l - 1];
                for (int i = 0; i < n; i++) {
                    next[i] = act.backward(next[i] * ml[i], zl[i], al[i]);
                }
            } else {
                for (int i = 0; i < n; i++) {
                    next[i] = act.backward(next[i], zl[i], al[i]);
                }
            }
            delta = next;
        }
    }

    /** dW[j, k] = Σ_r δ[r, j]·in[r, k] and db[j] = Σ_r δ[r, j], overwriting the layer's gradients. */
    private void accumulateLinearGradients(int l, double[] delta, double[] in, int rows) {
        int nIn = sizes[l];
        int nOut = sizes[l + 1];
        int w = weightOffset[l];
        int b = biasOffset[l];
        double[] g = grads;
        Arrays.fill(g, w, b + nOut, 0.0);
        for (int r = 0; r < rows; r++) {
            int inRow = r * nIn;
            int outRow = r * nOut;
            for (int j = 0; j < nOut; j++) {
                double d = delta[outRow + j];
                int wRow = w + j * nIn;
                for (int k = 0; k < nIn; k++) {
                    g[wRow + k] += d * in[inRow + k];
                }
                g[b + j] += d;
            }
        }
    }

    /** dIn[r, k] = Σ_j δ[r, j]·W[j, k]. */
    private void inputGradient(int l, double[] delta, int rows, double[] out) {
        int nIn = sizes[l];
        int nOut = sizes[l + 1];
        int w = weightOffset[l];
        double[] p = params;
        for (int r = 0; r < rows; r++) {
            int inRow = r * nIn;
            int outRow = r * nOut;
            Arrays.fill(out, inRow, inRow + nIn, 0.0);
            for (int j = 0; j < nOut; j++) {
                double d = delta[outRow + j];
                int wRow = w + j * nIn;
                for (int k = 0; k < nIn; k++) {
                    out[inRow + k] += d * p[wRow + k];
                }
            }
        }
    }

    private void ensureCapacity(int rows) {
        if (rows <= capacity) {
            return;
        }
        int linearCount = sizes.length - 1;
        z = new double[linearCount][];
        a = new double[linearCount][];
        h = new double[linearCount][];
        mask = new double[linearCount][];
        int widest = 0;
        for (int l = 0; l < linearCount; l++) {
            int n = rows * sizes[l + 1];
            z[l] = new double[n];
            if (l < linearCount - 1) {
                a[l] = new double[n];
                if (spec.dropout() > 0) {
                    h[l] = new double[n];
                    mask[l] = new double[n];
                }
            }
            widest = Math.max(widest, sizes[l + 1]);
        }
        deltaA = new double[rows * widest];
        deltaB = new double[rows * widest];
        capacity = rows;
    }

    @Override
    public LinkedHashMap<String, Tensor> stateDict() {
        return StateDicts.parameters(slots, params);
    }

    @Override
    public void loadStateDict(Map<String, Tensor> stateDict) {
        Map<String, long[]> expected = new LinkedHashMap<>();
        for (ParameterSlot s : slots) {
            expected.put(s.name(), s.shape());
        }
        StateDicts.check(stateDict, expected);
        StateDicts.copyInto(stateDict, slots, params);
    }
}
