package fitlab.train;

import fitlab.UserError;
import fitlab.model.ParameterSlot;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code torch.optim.SGD}: d = g + wd·p; with momentum, buf = d on the first step, then
 * buf = buf·μ + (1 − dampening)·d; d = nesterov ? d + μ·buf : buf; finally p = p − lr·d.
 */
public final class Sgd implements Optimizer {
    private final OptimizerSpec spec;
    private final List<ParameterSlot> slots;
    private final double[] buffer;
    private boolean hasBuffer; // torch keeps momentum_buffer None until the first step with momentum
    private boolean stepped;   // torch's state stays {} until the first step

    Sgd(OptimizerSpec spec, List<ParameterSlot> slots) {
        this.spec = spec;
        this.slots = List.copyOf(slots);
        int n = slots.stream().mapToInt(ParameterSlot::length).sum();
        this.buffer = new double[n];
    }

    @Override
    public OptimizerSpec spec() {
        return spec;
    }

    @Override
    public void step(double[] p, double[] g) {
        double wd = spec.weightDecay();
        double mu = spec.momentum();
        double keep = 1 - spec.dampening();
        double negLr = -spec.lr();
        boolean nesterov = spec.nesterov();
        boolean first = !hasBuffer;
        for (int i = 0; i < p.length; i++) {
            double d = g[i];
            if (wd != 0) {
                d = d + wd * p[i];
            }
            if (mu != 0) {
                double buf = first ? d : buffer[i] * mu + keep * d;
                buffer[i] = buf;
                d = nesterov ? d + mu * buf : buf;
            }
            p[i] = p[i] + negLr * d;
        }
        hasBuffer = mu != 0;
        stepped = true;
    }

    @Override
    public LinkedHashMap<String, Object> stateDict() {
        LinkedHashMap<Long, LinkedHashMap<String, Object>> state = new LinkedHashMap<>();
        if (stepped) {
            for (int i = 0; i < slots.size(); i++) {
                LinkedHashMap<String, Object> entry = new LinkedHashMap<>();
                entry.put("momentum_buffer", hasBuffer ? OptimizerStates.slice(buffer, slots.get(i)) : null);
                state.put((long) i, entry);
            }
        }
        LinkedHashMap<String, Object> group = new LinkedHashMap<>();
        group.put("lr", spec.lr());
        group.put("momentum", spec.momentum());
        group.put("dampening", spec.dampening());
        group.put("weight_decay", spec.weightDecay());
        group.put("nesterov", spec.nesterov());
        group.put("maximize", false);
        group.put("foreach", null);
        group.put("differentiable", false);
        group.put("params", OptimizerStates.paramIndices(slots.size()));
        return OptimizerStates.wrap(state, group);
    }

    @Override
    public void loadStateDict(Map<?, ?> sd) {
        Map<?, ?> group = OptimizerStates.group(sd, slots.size());
        OptimizerStates.expect(group, "lr", spec.lr());
        OptimizerStates.expect(group, "momentum", spec.momentum());
        OptimizerStates.expect(group, "dampening", spec.dampening());
        OptimizerStates.expect(group, "weight_decay", spec.weightDecay());
        OptimizerStates.expect(group, "nesterov", spec.nesterov());
        List<Map<?, ?>> entries = OptimizerStates.perParameter(sd, group);
        Arrays.fill(buffer, 0.0);
        boolean anyEntry = false;
        int withBuffer = 0;
        for (int i = 0; i < slots.size(); i++) {
            Map<?, ?> entry = entries.get(i);
            if (entry == null) {
                continue;
            }
            anyEntry = true;
            if (entry.get("momentum_buffer") != null) {
                OptimizerStates.copyTensor(entry, "momentum_buffer", slots.get(i), i, buffer);
                withBuffer++;
            }
        }
        if (withBuffer != 0 && withBuffer != slots.size()) {
            throw new UserError("optimizer_state_dict 'state': momentum_buffer present for " + withBuffer + " of "
                    + slots.size() + " parameters; fitlab steps all parameters together");
        }
        hasBuffer = withBuffer == slots.size() && withBuffer > 0;
        stepped = anyEntry;
    }
}
