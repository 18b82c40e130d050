package fitlab.train;

import fitlab.model.ParameterSlot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code torch.optim.Adam}: L2 weight decay added to the gradient (g + wd·p), then the update of {@link AdamMoments}. */
public final class Adam implements Optimizer {
    private final OptimizerSpec spec;
    private final AdamMoments moments;

    Adam(OptimizerSpec spec, List<ParameterSlot> slots) {
        this.spec = spec;
        this.moments = new AdamMoments(slots);
    }

    @Override
    public OptimizerSpec spec() {
        return spec;
    }

    @Override
    public void step(double[] params, double[] grads) {
        moments.update(spec, params, grads, true);
    }

    @Override
    public LinkedHashMap<String, Object> stateDict() {
        LinkedHashMap<String, Object> group = AdamMoments.commonGroupStart(spec);
        group.put("maximize", false);
        group.put("foreach", null);
        group.put("capturable", false);
        group.put("differentiable", false);
        group.put("fused", false);
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
