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

    // Two workspaces: one for forwards over the training input (so the eval pass over the training set is still
    // there when the next full-batch step starts, see MlpWorkspace), one for every other input.
    private final MlpWorkspace trainingSpace;
    private final MlpWorkspace otherSpace;
    private MlpWorkspace last;        // the workspace of the last forward, which backward runs through
    private double[] trainingInput;   // the input of the last training-mode forward
    private int deltaCapacity;
    private double[] deltaA;
    private double[] deltaB;
    private double[] rowMajor;        // a layer's input transposed back, for the weight gradient

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
        trainingSpace = new MlpWorkspace(sizes, spec.dropout() > 0, offset);
        otherSpace = new MlpWorkspace(sizes, spec.dropout() > 0, offset);
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
        boolean drop = training && spec.dropout() > 0;
        MlpWorkspace w = training || x == trainingInput ? trainingSpace : otherSpace;
        if (training) {
            trainingInput = x;
        }
        w.ensureCapacity(rows);
        last = w;
        if (!drop && w.holds(x, rows, params)) {
            return outputOf(w);
        }
        compute(w, x, rows, drop, dropout);
        if (drop) {
            w.forget();
        } else {
            w.remember(x, rows, params);
        }
        return outputOf(w);
    }

    @Override
    public java.util.Optional<RowPredictor> rowPredictor() {
        return java.util.Optional.of(new SlicePredictor());
    }

    /** An eval-mode forward over a slice of rows, in a workspace of its own (see {@link RowPredictor}). */
    private final class SlicePredictor implements RowPredictor {
        private final MlpWorkspace workspace = new MlpWorkspace(sizes, false, 0);
        private double[] slice = new double[0];

        @Override
        public void predict(double[] x, int from, int rows, double[] out) {
            int inputs = sizes[0];
            int outputs = sizes[sizes.length - 1];
            // a copy of the rows, so the forward runs on an input of its own as Model#forward does on the whole one
            if (slice.length < rows * inputs) {
                slice = new double[rows * inputs];
            }
            System.arraycopy(x, from * inputs, slice, 0, rows * inputs);
            workspace.ensureCapacity(rows);
            compute(workspace, slice, rows, false, null);
            System.arraycopy(outputOf(workspace), 0, out, from * outputs, rows * outputs);
        }
    }

    private double[] outputOf(MlpWorkspace w) {
        int linearCount = sizes.length - 1;
        return sizes[linearCount] == 1 ? w.z[linearCount - 1] : w.output;
    }

    private void compute(MlpWorkspace w, double[] x, int rows, boolean drop, Rng dropout) {
        Activation act = spec.activation();
        double p = spec.dropout();
        // torch: noise = bernoulli(1 - p) / (1 - p); output = input * noise
        double keepScale = 1.0 / (1.0 - p);
        int linearCount = sizes.length - 1;
        double[] input = x;
        if (sizes[0] > 1) {
            Kernels.transpose(x, 0, rows, sizes[0], w.inputT, 0);
            input = w.inputT;
        }
        for (int l = 0; l < linearCount; l++) {
            w.usedInput[l] = input;
            linear(l, input, rows, w.z[l]);
            if (l == linearCount - 1) {
                break;
            }
            int width = sizes[l + 1];
            int n = rows * width;
            double[] zl = w.z[l];
            double[] al = w.a[l];
            if (act == Activation.TANH) {
                FastTanh.apply(zl, al, n);
            } else {
                for (int i = 0; i < n; i++) {
                    al[i] = act.apply(zl[i]);
                }
            }
            if (drop) {
                double[] hl = w.h[l];
                double[] ml = w.mask[l];
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
        w.dropped = drop;
        w.rows = rows;
        int outputs = sizes[linearCount];
        if (outputs > 1) {
            Kernels.transpose(w.z[linearCount - 1], 0, outputs, rows, w.output, 0);
        }
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
        MlpWorkspace w = last;
        if (w == null || rows != w.rows) {
            throw new IllegalArgumentException("backward over " + rows + " rows without a forward over as many");
        }
        ensureDeltaCapacity(rows);
        Activation act = spec.activation();
        int linearCount = sizes.length - 1;
        int outputs = sizes[linearCount];
        double[] delta = gradOutput; // dLoss/dz of the current linear layer, feature-major
        if (outputs > 1) {
            Kernels.transpose(gradOutput, 0, rows, outputs, deltaA, 0);
            delta = deltaA;
        }
        for (int l = linearCount - 1; l >= 0; l--) {
            accumulateLinearGradients(l, delta, w.usedInput[l], rows);
            if (l == 0) {
                break;
            }
            double[] next = delta == deltaA ? deltaB : deltaA;
            inputGradient(l, delta, rows, next);
            // through dropout and the activation of hidden layer l-1
            int n = rows * sizes[l];
            double[] zl = w.z[l - 1];
            double[] al = w.a[l - 1];
            if (w.dropped) {
                double[] ml = w.mask[l - 1];
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

    private void ensureDeltaCapacity(int rows) {
        if (rows <= deltaCapacity) {
            return;
        }
        int widest = 0;
        for (int size : sizes) {
            widest = Math.max(widest, size);
        }
        deltaA = new double[rows * widest];
        deltaB = new double[rows * widest];
        rowMajor = new double[rows * widest];
        deltaCapacity = rows;
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
