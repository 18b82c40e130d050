package fitlab.train;

import fitlab.model.ParameterSlot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An optimizer with {@code torch.optim}'s update rule (PyTorch 1.13, single-tensor path, float64, same order of
 * floating-point operations) and its {@code state_dict} structure, so PyTorch can resume what fitlab started.
 *
 * <p>Lifecycle: {@link #create} for a model's parameter slots, then one {@link #step} per mini-batch with the
 * model's flat parameters and gradients; {@link #stateDict()} / {@link #loadStateDict} at checkpoints.
 * The rules are element-wise, so one loop over the flat vector equals torch's loop over parameter tensors;
 * the slots only shape the state dict.
 */
public sealed interface Optimizer permits Sgd, Adam {

    OptimizerSpec spec();

    /** One update of {@code params} in place from {@code grads} (same layout). */
    void step(double[] params, double[] grads);

    /** {@code {'state': {0: {...}, ...}, 'param_groups': [{..., 'params': [0, 1, ...]}]}} as torch 1.13 writes it. */
    LinkedHashMap<String, Object> stateDict();

    /**
     * Restores a state dict written by {@link #stateDict()} or by PyTorch.
     *
     * @throws fitlab.UserError when its structure, sizes or hyper-parameters do not fit this optimizer
     */
    void loadStateDict(Map<?, ?> stateDict);

    static Optimizer create(OptimizerSpec spec, List<ParameterSlot> slots) {
        return switch (spec.kind()) {
            case SGD -> new Sgd(spec, slots);
            case ADAM, ADAMW -> new Adam(spec, slots);
            case LSTSQ -> throw new IllegalStateException("OptimizerSpec refuses lstsq: the closed-form fit has no optimizer");
        };
    }
}
