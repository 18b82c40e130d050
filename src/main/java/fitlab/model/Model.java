package fitlab.model;

import fitlab.pth.Tensor;
import fitlab.random.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A trainable model whose parameters live in one flat {@code double[]} (so an optimizer updates them with one
 * loop), named and ordered as {@code torch.nn} would name them in a state_dict.
 *
 * <p>Lifecycle of a training step: {@link #forward} on a batch (returns the model's own output buffer),
 * a loss turns that into dLoss/dOutput, {@link #backward} writes dLoss/dParameters into {@link #gradients()},
 * an optimizer updates {@link #parameters()} in place. Buffers are preallocated and grown only when a larger
 * batch arrives, so steady-state training allocates nothing. Not thread-safe: one model per cell.
 */
public sealed interface Model permits PolynomialModel, Mlp {

    ModelSpec spec();

    default int inputs() {
        return spec().inputs();
    }

    default int outputs() {
        return spec().outputs();
    }

    /** The named parameter tensors in {@code model.parameters()} / state_dict order. */
    List<ParameterSlot> parameterSlots();

    /** The live flat parameter vector (not a copy): optimizers update it in place. */
    double[] parameters();

    /** The live flat gradient vector, same layout as {@link #parameters()}, written by {@link #backward}. */
    double[] gradients();

    /**
     * Runs the model on {@code rows} examples stored row-major in {@code x} ({@code rows × inputs()}).
     *
     * @param training train mode (dropout active) or eval mode
     * @param dropout  the stream dropout masks are drawn from (unused in eval mode or without dropout)
     * @return the model's output buffer; the first {@code rows × outputs()} values are the outputs,
     *         valid until the next call
     */
    double[] forward(double[] x, int rows, boolean training, Rng dropout);

    /**
     * Back-propagates dLoss/dOutput ({@code rows × outputs()}) through the last {@link #forward} call (whose
     * input array must not have changed) and overwrites {@link #gradients()} with dLoss/dParameters.
     */
    void backward(double[] gradOutput, int rows);

    /**
     * A predictor that may run on another thread while the parameters stay as they are, for models whose
     * evaluation is worth sharing out among threads; empty for the others (evaluate them with {@link #forward}).
     */
    default java.util.Optional<RowPredictor> rowPredictor() {
        return java.util.Optional.empty();
    }

    /** Outputs in eval mode (no dropout), as a fresh array of {@code rows × outputs()}. */
    default double[] predict(double[] x, int rows) {
        double[] out = forward(x, rows, false, null);
        return java.util.Arrays.copyOf(out, rows * outputs());
    }

    /** Parameters then buffers as float64 tensors, named as {@code torch.nn} names them. */
    LinkedHashMap<String, Tensor> stateDict();

    /**
     * Copies a state_dict into this model.
     *
     * @throws fitlab.UserError naming missing or unexpected keys and shape mismatches
     */
    void loadStateDict(Map<String, Tensor> stateDict);
}
