package fitlab.train;

import fitlab.config.OptimizerKind;
import fitlab.model.ParameterSlot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.Adam} and {@code torch.optim.AdamW}: the same moment update ({@link AdamMoments}); they differ only
 * in where the weight decay enters ({@link WeightDecay}) and in the keys of the param group torch 1.13 saves.
 */
public final class Adam implements Optimizer {
    /** Where {@code weight_decay} enters the step: the one rule that tells Adam and AdamW apart. */
    enum WeightDecay {
        /** {@code torch.optim.Adam}: L2 weight decay added to the gradient (g + wd·p) inside the moment update. */
        L2_IN_GRADIENT,
        /** {@code torch.optim.AdamW}: decoupled weight decay p = p·(1 − lr·wd) before the moment update on the raw gradient. */
        DECOUPLED;

        static WeightDecay of(OptimizerKind kind) {
            return switch (kind) {
                case ADAM -> L2_IN_GRADIENT;
                case ADAMW -> DECOUPLED;
                case SGD, LSTSQ -> throw new IllegalArgumentException(kind + " is not an Adam variant");
            };
        }
    }

    private final OptimizerSpec spec;
    private final WeightDecay decay;
    private final AdamMoments moments;

    Adam(OptimizerSpec spec, List<ParameterSlot> slots) {
        this.spec = spec;
        this.decay = WeightDecay.of(spec.kind());
        this.moments = new AdamMoments(slots);
    }

    @Override
    public OptimizerSpec spec() {
        return spec;
    }

    @Override
    public void step(double[] params, double[] grads) {
        if (decay == WeightDecay.DECOUPLED) {
            double factor = 1 - spec.lr() * spec.weightDecay();
            for (int i = 0; i < params.length; i++) {
                params[i] = params[i] * factor;
            }
        }
        moments.update(spec, params, grads, decay == WeightDecay.L2_IN_GRADIENT);
    }

    @Override
    public LinkedHashMap<String, Object> stateDict() {
        LinkedHashMap<String, Object> group = AdamMoments.commonGroupStart(spec);
        // the flags each class's param group holds in torch 1.13, in its order, so the saved dict matches torch's bytes
        switch (decay) {
            case L2_IN_GRADIENT -> {
                group.put("maximize", false);
                group.put("foreach", null);
                group.put("capturable", false);
                group.put("differentiable", false);
                group.put("fused", false);
            }
            case DECOUPLED -> {
                group.put("foreach", null);
                group.put("maximize", false);
                group.put("capturable", false);
            }
        }
        group.put("params", OptimizerStates.paramIndices(moments.slots.size()));
        return OptimizerStates.wrap(moments.state(spec.amsgrad()), group);
    }

    @Override
    public void loadStateDict(Map<?, ?> sd) {
        Map<?, ?> group = OptimizerStates.group(sd, moments.slots.size());
        AdamMoments.checkGroup(group, spec);
        moments.load(sd, group, spec.amsgrad());
    }
}
