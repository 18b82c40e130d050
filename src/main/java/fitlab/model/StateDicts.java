package fitlab.model;

import fitlab.UserError;
import fitlab.pth.Tensor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The state_dict plumbing shared by all models: parameters out as tensors, tensors checked and copied back in. */
final class StateDicts {
    private StateDicts() {}

    static LinkedHashMap<String, Tensor> parameters(List<ParameterSlot> slots, double[] flat) {
        LinkedHashMap<String, Tensor> out = new LinkedHashMap<>();
        for (ParameterSlot s : slots) {
            out.put(s.name(), Tensor.ofRange(flat, s.offset(), s.length(), s.shape()));
        }
        return out;
    }

    /**
     * Checks that {@code given} holds exactly the keys of {@code expected} with the same shapes
     * (a floating-point dtype), or throws a UserError listing what is wrong.
     */
    static void check(Map<String, Tensor> given, Map<String, long[]> expected) {
        List<String> missing = new ArrayList<>();
        for (String k : expected.keySet()) {
            if (!given.containsKey(k)) {
                missing.add(k);
            }
        }
        List<String> unexpected = new ArrayList<>();
        for (String k : given.keySet()) {
            if (!expected.containsKey(k)) {
                unexpected.add(k);
            }
        }
        if (!missing.isEmpty() || !unexpected.isEmpty()) {
            throw new UserError("state_dict does not fit the model: missing keys " + missing + ", unexpected keys " + unexpected);
        }
        for (var e : expected.entrySet()) {
            Tensor t = given.get(e.getKey());
            if (t == null || !Arrays.equals(t.shape(), e.getValue())) {
                throw new UserError("state_dict key '" + e.getKey() + "': expected shape " + Arrays.toString(e.getValue())
                        + ", got " + (t == null ? "None" : Arrays.toString(t.shape())));
            }
            if (!t.dtype().isFloatingPoint()) {
                throw new UserError("state_dict key '" + e.getKey() + "': expected a floating-point tensor, got " + t.dtype().torchName());
            }
        }
    }

    static void copyInto(Map<String, Tensor> given, List<ParameterSlot> slots, double[] flat) {
        for (ParameterSlot s : slots) {
            double[] v = given.get(s.name()).toDoubleArray();
            System.arraycopy(v, 0, flat, s.offset(), s.length());
        }
    }
}
