package fitlab.train;

import fitlab.UserError;
import fitlab.model.ParameterSlot;
import fitlab.pth.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reading and writing the pieces of a torch.optim state dict, with errors that name the offending key. */
final class OptimizerStates {
    private OptimizerStates() {}

    /** The slice of a flat vector that belongs to one parameter, as a float64 tensor of its shape. */
    static Tensor slice(double[] flat, ParameterSlot slot) {
        return Tensor.ofRange(flat, slot.offset(), slot.length(), slot.shape());
    }

    static List<Object> paramIndices(int count) {
        List<Object> params = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            params.add(i);
        }
        return params;
    }

    static LinkedHashMap<String, Object> wrap(LinkedHashMap<Long, LinkedHashMap<String, Object>> state, LinkedHashMap<String, Object> group) {
        LinkedHashMap<String, Object> sd = new LinkedHashMap<>();
        sd.put("state", state);
        sd.put("param_groups", new ArrayList<>(List.of(group)));
        return sd;
    }

    /** The single param group, checked to list exactly {@code slotCount} parameters. */
    static Map<?, ?> group(Map<?, ?> sd, int slotCount) {
        if (!(sd.get("param_groups") instanceof List<?> groups) || groups.size() != 1 || !(groups.get(0) instanceof Map<?, ?> group)) {
            throw new UserError("optimizer_state_dict 'param_groups': expected a list of one dict");
        }
        if (!(group.get("params") instanceof List<?> params) || params.size() != slotCount) {
            throw new UserError("optimizer_state_dict 'param_groups/0/params': expected " + slotCount + " parameter indices, got " + group.get("params"));
        }
        return group;
    }

    /** Per-parameter state dicts, by position in the param group (absent entries are null). */
    static List<Map<?, ?>> perParameter(Map<?, ?> sd, Map<?, ?> group) {
        if (!(sd.get("state") instanceof Map<?, ?> state)) {
            throw new UserError("optimizer_state_dict 'state': expected a dict");
        }
        List<Map<?, ?>> out = new ArrayList<>();
        for (Object id : (List<?>) group.get("params")) {
            Object entry = state.get(id);
            if (entry != null && !(entry instanceof Map<?, ?>)) {
                throw new UserError("optimizer_state_dict 'state/" + id + "': expected a dict");
            }
            out.add((Map<?, ?>) entry);
        }
        for (Object key : state.keySet()) {
            if (!((List<?>) group.get("params")).contains(key)) {
                throw new UserError("optimizer_state_dict 'state/" + key + "': not a parameter of the param group");
            }
        }
        return out;
    }

    /** Copies a state tensor into the slot's part of {@code flat}, checking its shape. */
    static void copyTensor(Map<?, ?> entry, String key, ParameterSlot slot, int index, double[] flat) {
        if (!(entry.get(key) instanceof Tensor t)) {
            throw new UserError("optimizer_state_dict 'state/" + index + "/" + key + "': expected a tensor");
        }
        if (!Arrays.equals(t.shape(), slot.shape())) {
            throw new UserError("optimizer_state_dict 'state/" + index + "/" + key + "': expected shape "
                    + Arrays.toString(slot.shape()) + " (" + slot.name() + "), got " + Arrays.toString(t.shape()));
        }
        System.arraycopy(t.toDoubleArray(), 0, flat, slot.offset(), slot.length());
    }

    /** Checks that a hyper-parameter stored in the group equals the one this optimizer was built with. */
    static void expect(Map<?, ?> group, String key, Object expected) {
        Object got = group.get(key);
        boolean same = expected instanceof Double d
                ? got instanceof Number n && n.doubleValue() == d
                : expected.equals(got);
        if (!same) {
            throw new UserError("optimizer_state_dict 'param_groups/0/" + key + "': the checkpoint has " + got
                    + ", the optimizer is configured with " + expected);
        }
    }

    static void expectBetas(Map<?, ?> group, double beta1, double beta2) {
        if (!(group.get("betas") instanceof List<?> betas) || betas.size() != 2
                || !(betas.get(0) instanceof Number b1) || !(betas.get(1) instanceof Number b2)
                || b1.doubleValue() != beta1 || b2.doubleValue() != beta2) {
            throw new UserError("optimizer_state_dict 'param_groups/0/betas': the checkpoint has " + group.get("betas")
                    + ", the optimizer is configured with (" + beta1 + ", " + beta2 + ")");
        }
    }
}
