package fitlab.model;

import fitlab.pth.Tensor;
import fitlab.random.Rng;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multilayer perceptron laid out as PyTorch's {@code nn.Sequential(Linear, act, [Dropout], Linear, ...)}:
 * the parameters are {@code 0.weight}, {@code 0.bias}, {@code 2.weight}, ... where activation and dropout
 * modules take indices but hold no parameters.
 *
 * <p>Weights are stored row-major as [out, in] (PyTorch's layout). Activations are kept feature-major
 * ([features, rows]) inside, so the forward pass, the input gradient and the weight gradient are all one
 * {@link Kernels#multiply} whose inner loop the JIT vectorizes; sums keep the textbook order (see Kernels).
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

    // Workspaces, feature-major ([features][rows]: one feature's values over the batch are contiguous, so every
    // dense loop runs over rows, see Kernels). Per linear layer l: pre-activations z[l] and, for hidden layers,
    // activations a[l], dropped-out activations h[l] (only with dropout) and the dropout scale mask[l].
    private int capacity;
    private double[] inputT;      // the input, feature-major (when it has more than one column)
    private double[][] z;
    private double[][] a;
    private double[][] h;
    private double[][] mask;
    private double[] output;      // the last layer's output, row-major (when it has more than one column)
    private double[] deltaA;
    private double[] deltaB;
    private double[] rowMajor;    // a layer's input transposed back, for the weight gradient
    private final double[][] usedInput;  // what each linear layer saw in the last forward (feature-major)
    private boolean lastForwardDropped;
    private int lastRows;

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
        if (sizes[0] > 1) {
            Kernels.transpose(x, 0, rows, sizes[0], inputT, 0);
            input = inputT;
        }
        for (int l = 0; l < linearCount; l++) {
            usedInput[l] = input;
            linear(l, input, rows, z[l]);
            if (l == linearCount - 1) {
                break;
            }
            int width = sizes[l + 1];
            int n = rows * width;
            double[] zl = z[l];
            double[] al = a[l];
            if (act == Activation.TANH) {
                FastTanh.apply(zl, al, n);
            } else {
                for (int i = 0; i < n; i++) {
                    al[i] = act.apply(zl[i]);
                }
            }
            if (drop) {
                double[] hl = h[l];
                double[] ml = mask[l];
                // masks drawn in row-major order (row by row), as torch draws them
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < width; j++) {
                        int i = j * rows + r;
                        ml[i] = dropout.nextDouble() < p ? 0.0 : keepScale;
                        hl[i] = al[i] * ml[i];
                    }
                }
                input = hl;
            } else {
                input = al;
            }
        }
        lastForwardDropped = drop;
        lastRows = rows;
        int outputs = sizes[linearCount];
        if (outputs == 1) {
            return z[linearCount - 1];
        }
        Kernels.transpose(z[linearCount - 1], 0, outputs, rows, output, 0);
        return output;
    }

    /** out[j, r] = Σ_k W[j, k]·in[k, r] + b[j] for layer l, feature-major. */
    private void linear(int l, double[] in, int rows, double[] out) {
        int nIn = sizes[l];
        int nOut = sizes[l + 1];
        Kernels.multiply(nOut, nIn, rows, params, weightOffset[l], nIn, 1, in, 0, out, 0);
        int b = biasOffset[l];
        for (int j = 0; j < nOut; j++) {
            double bias = params[b + j];
            int row = j * rows;
            for (int r = row; r < row + rows; r++) {
                out[r] = out[r] + bias;
            }
        }
    }

    @Override
    public void backward(double[] gradOutput, int rows) {
        if (rows != lastRows) {
            throw new IllegalArgumentException("backward over " + rows + " rows after a forward over " + lastRows);
        }
        Activation act = spec.activation();
        int linearCount = sizes.length - 1;
        int outputs = sizes[linearCount];
        double[] delta = gradOutput; // dLoss/dz of the current linear layer, feature-major
        if (outputs > 1) {
            Kernels.transpose(gradOutput, 0, rows, outputs, deltaA, 0);
            delta = deltaA;
        }
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
                    next[i] = next[i] * ml[i];
                }
            }
            if (act == Activation.TANH) {
                for (int i = 0; i < n; i++) {
                    next[i] = next[i] * (1.0 - al[i] * al[i]); // Activation.TANH.backward, inlined
                }
            } else {
                for (int i = 0; i < n; i++) {
                    next[i] = act.backward(next[i], zl[i], al[i]);
                }
            }
            delta = next;
        }
    }

    /** dW[j, k] = Σ_r δ[j, r]·in[k, r] and db[j] = Σ_r δ[j, r], overwriting the layer's gradients. */
    private void accumulateLinearGradients(int l, double[] delta, double[] in, int rows) {
        int nIn = sizes[l];
        int nOut = sizes[l + 1];
        double[] inRows = in;
        if (nIn > 1) {
            Kernels.transpose(in, 0, nIn, rows, rowMajor, 0);
            inRows = rowMajor;
        }
        Kernels.multiply(nOut, rows, nIn, delta, 0, rows, 1, inRows, 0, grads, weightOffset[l]);
        int b = biasOffset[l];
        for (int j = 0; j < nOut; j++) {
            double sum = 0.0;
            int row = j * rows;
            for (int r = row; r < row + rows; r++) {
                sum += delta[r];
            }
            grads[b + j] = sum;
        }
    }

    /** dIn[k, r] = Σ_j W[j, k]·δ[j, r]. */
    private void inputGradient(int l, double[] delta, int rows, double[] out) {
        int nIn = sizes[l];
        int nOut = sizes[l + 1];
        Kernels.multiply(nIn, nOut, rows, params, weightOffset[l], 1, nIn, delta, 0, out, 0);
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
        int widest = sizes[0];
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
        inputT = sizes[0] > 1 ? new double[rows * sizes[0]] : null;
        output = sizes[linearCount] > 1 ? new double[rows * sizes[linearCount]] : null;
        deltaA = new double[rows * widest];
        deltaB = new double[rows * widest];
        rowMajor = new double[rows * widest];
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
