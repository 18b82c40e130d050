package fitlab.train;

import fitlab.UserError;
import fitlab.model.ParameterSlot;
import fitlab.pth.Tensor;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state Adam and AdamW share (step count, first and second moments, the running maximum for amsgrad)
 * and the bias-corrected update they share, in the exact operation order of torch 1.13's
 * {@code _single_tensor_adam}/{@code _single_tensor_adamw}:
 * <pre>
 * m = m·β1 + (1−β1)·g;  v = v·β2 + (1−β2)·g·g
 * denom = sqrt(v or max v) / sqrt(1 − β2^t) + eps
 * p = p + (−lr/(1 − β1^t))·m / denom
 * </pre>
 */
final class AdamMoments {
    final List<ParameterSlot> slots;
    final double[] expAvg;
    final double[] expAvgSq;
    final double[] maxExpAvgSq;
    long step;

    AdamMoments(List<ParameterSlot> slots) {
        this.slots = List.copyOf(slots);
        int n = slots.stream().mapToInt(ParameterSlot::length).sum();
        expAvg = new double[n];
        expAvgSq = new double[n];
        maxExpAvgSq = new double[n];
    }

    /** The moment updates and the parameter update for gradient values already including any coupled decay. */
    void update(OptimizerSpec spec, double[] p, double[] g, boolean coupledDecay) {
        step++;
        double beta1 = spec.beta1();
        double beta2 = spec.beta2();
        double oneMinusBeta1 = 1 - beta1;
        double oneMinusBeta2 = 1 - beta2;
        double wd = spec.weightDecay();
        double stepAsDouble = (float) step; // torch keeps step in a float32 tensor and reads it with .item()
        double biasCorrection1 = 1 - StrictMath.pow(beta1, stepAsDouble);
        double biasCorrection2 = 1 - StrictMath.pow(beta2, stepAsDouble);
        double negStepSize = -(spec.lr() / biasCorrection1);
        double biasCorrection2Sqrt = Math.sqrt(biasCorrection2);
        double eps = spec.eps();
        boolean amsgrad = spec.amsgrad();
        for (int i = 0; i < p.length; i++) {
            double grad = g[i];
            if (coupledDecay && wd != 0) {
                grad = grad + wd * p[i];
            }
            double m = expAvg[i] * beta1 + oneMinusBeta1 * grad;
            double v = expAvgSq[i] * beta2 + oneMinusBeta2 * grad * grad;
            expAvg[i] = m;
            expAvgSq[i] = v;
            double second = v;
            if (amsgrad) {
                second = Math.max(maxExpAvgSq[i], v);
                maxExpAvgSq[i] = second;
            }
            double denom = Math.sqrt(second) / biasCorrection2Sqrt + eps;
            p[i] = p[i] + negStepSize * m / denom;
        }
    }

    LinkedHashMap<Long, LinkedHashMap<String, Object>> state(boolean amsgrad) {
        LinkedHashMap<Long, LinkedHashMap<String, Object>> state = new LinkedHashMap<>();
        if (step == 0) {
            return state;
        }
        for (int i = 0; i < slots.size(); i++) {
            ParameterSlot slot = slots.get(i);
            LinkedHashMap<String, Object> entry = new LinkedHashMap<>();
            entry.put("step", Tensor.ofFloats(new float[] {(float) step}));
            entry.put("exp_avg", OptimizerStates.slice(expAvg, slot));
            entry.put("exp_avg_sq", OptimizerStates.slice(expAvgSq, slot));
            if (amsgrad) {
                entry.put("max_exp_avg_sq", OptimizerStates.slice(maxExpAvgSq, slot));
            }
            state.put((long) i, entry);
        }
        return state;
    }

    void load(Map<?, ?> sd, Map<?, ?> group, boolean amsgrad) {
        List<Map<?, ?>> entries = OptimizerStates.perParameter(sd, group);
        Arrays.fill(expAvg, 0.0);
        Arrays.fill(expAvgSq, 0.0);
        Arrays.fill(maxExpAvgSq, 0.0);
        Long common = null;
        for (int i = 0; i < slots.size(); i++) {
            Map<?, ?> entry = entries.get(i);
            long s = 0;
            if (entry != null) {
                if (!(entry.get("step") instanceof Tensor t) || t.numel() != 1) {
                    throw new UserError("optimizer_state_dict 'state/" + i + "/step': expected a one-element tensor");
                }
                s = (long) t.item();
                OptimizerStates.copyTensor(entry, "exp_avg", slots.get(i), i, expAvg);
                OptimizerStates.copyTensor(entry, "exp_avg_sq", slots.get(i), i, expAvgSq);
                if (amsgrad) {
                    OptimizerStates.copyTensor(entry, "max_exp_avg_sq", slots.get(i), i, maxExpAvgSq);
                }
            }
            if (common != null && common != s) {
                throw new UserError("optimizer_state_dict 'state/" + i + "/step': " + s + " differs from the other parameters' "
                        + common + "; fitlab steps all parameters together");
            }
            common = s;
        }
        step = common == null ? 0 : common;
    }

    static LinkedHashMap<String, Object> commonGroupStart(OptimizerSpec spec) {
        LinkedHashMap<String, Object> group = new LinkedHashMap<>();
        group.put("lr", spec.lr());
        group.put("betas", List.of(spec.beta1(), spec.beta2()));
        group.put("eps", spec.eps());
        group.put("weight_decay", spec.weightDecay());
        group.put("amsgrad", spec.amsgrad());
        return group;
    }

    static void checkGroup(Map<?, ?> group, OptimizerSpec spec) {
        OptimizerStates.expect(group, "lr", spec.lr());
        OptimizerStates.expectBetas(group, spec.beta1(), spec.beta2());
        OptimizerStates.expect(group, "eps", spec.eps());
        OptimizerStates.expect(group, "weight_decay", spec.weightDecay());
        OptimizerStates.expect(group, "amsgrad", spec.amsgrad());
    }
}
