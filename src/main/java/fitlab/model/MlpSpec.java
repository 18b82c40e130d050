package fitlab.model;

import fitlab.UserError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A multilayer perceptron: {@code inputs} → hidden widths → {@code outputs}, the activation after every
 * hidden layer and, when {@code dropout > 0}, a dropout layer after every activation.
 */
public record MlpSpec(int inputs, List<Integer> hidden, int outputs, Activation activation, double dropout) implements ModelSpec {

    public MlpSpec {
        hidden = List.copyOf(hidden);
        if (inputs < 1 || outputs < 1 || hidden.stream().anyMatch(h -> h < 1)) {
            throw new UserError("mlp layer sizes must be positive, got inputs " + inputs + ", hidden " + hidden + ", outputs " + outputs);
        }
        if (activation == null) {
            throw new UserError("mlp activation must be one of relu, tanh, sigmoid, gelu");
        }
        if (!(dropout >= 0 && dropout < 1)) {
            throw new UserError("mlp dropout must be in [0, 1), got " + dropout);
        }
    }

    /** All widths, inputs first and outputs last, e.g. [1, 64, 64, 1]. */
    public List<Integer> layerSizes() {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(inputs);
        sizes.addAll(hidden);
        sizes.add(outputs);
        return sizes;
    }

    /** Each linear layer's weight (out × in) and bias (out). */
    @Override
    public long parameterCount() {
        List<Integer> sizes = layerSizes();
        long count = 0;
        for (int l = 0; l + 1 < sizes.size(); l++) {
            count += (long) sizes.get(l + 1) * sizes.get(l) + sizes.get(l + 1);
        }
        return count;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", "mlp");
        m.put("layers", layerSizes().stream().map(Integer::longValue).toList());
        m.put("activation", activation.key());
        m.put("dropout", dropout);
        return m;
    }

    static MlpSpec fromMap(Map<?, ?> map) {
        List<?> raw = ModelSpec.FIELDS.list(map, "layers");
        if (raw.size() < 2) {
            throw new UserError("model_spec key 'layers': expected at least [inputs, outputs], got " + raw);
        }
        List<Integer> sizes = new ArrayList<>();
        for (Object o : raw) {
            if (!(o instanceof Long || o instanceof Integer) || ((Number) o).longValue() < 1 || ((Number) o).longValue() > 1_000_000) {
                throw new UserError("model_spec key 'layers': expected positive integers, got " + raw);
            }
            sizes.add(((Number) o).intValue());
        }
        String act = ModelSpec.FIELDS.string(map, "activation");
        Activation activation = Activation.fromKey(act);
        if (activation == null) {
            throw new UserError("model_spec key 'activation': expected relu, tanh, sigmoid or gelu, got '" + act + "'");
        }
        double dropout = ModelSpec.FIELDS.number(map, "dropout");
        if (!(dropout >= 0 && dropout < 1)) {
            throw new UserError("model_spec key 'dropout': expected a value in [0, 1), got " + dropout);
        }
        return new MlpSpec(sizes.get(0), sizes.subList(1, sizes.size() - 1), sizes.get(sizes.size() - 1), activation, dropout);
    }
}
