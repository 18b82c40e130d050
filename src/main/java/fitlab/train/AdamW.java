package fitlab.train;

import fitlab.model.ParameterSlot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.AdamW}: decoupled weight decay p = p·(1 − lr·wd) before the moment update, then the
 * update of {@link AdamMoments} on the raw gradient.
 */
public final class AdamW implements Optimizer {
    private final OptimizerSpec spec;
    private final AdamMoments moments;

    AdamW(OptimizerSpec spec, List<ParameterSlot> slots) {
        this.spec = spec;
        this.moments = new AdamMoments(slots);
    }

    @Override
    public OptimizerSpec spec() {
        return spec;
    }

    @Override
    public void step(double[] params, double[] grads) {
        double decay = 1 - spec.lr() * spec.weightDecay();
        for (int i = 0; i < params.length; i++) {
            params[i] = params[i] * decay;
        }
        moments.update(spec, params, grads, false);
    }

    @Override
    public LinkedHashMap<String, Object> stateDict() {
        LinkedHashMap<String, Object> group = AdamMoments.commonGroupStart(spec);
        group.put("foreach", null);
        group.put("maximize", false);
        group.put("capturable", false);
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
