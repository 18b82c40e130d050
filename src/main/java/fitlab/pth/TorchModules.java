package fitlab.pth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds whole {@code torch.nn} modules as {@link PyObject}s for {@code torch.save(model)}-style files.
 * Each holds the smallest {@code __dict__} that {@code Module.__setstate__} accepts from PyTorch 1.13 to the
 * latest release ({@code training}, {@code _parameters}, {@code _buffers}, {@code _modules},
 * {@code _backward_hooks}, {@code _forward_hooks}) plus the layer's own fields. Modules are built in eval
 * mode ({@code training=False}), so a loaded model's forward pass is deterministic (dropout off).
 * Parameters are written as {@code nn.Parameter} via {@code _rebuild_parameter}.
 */
public final class TorchModules {
    public static final String CONTAINER = "torch.nn.modules.container";
    public static final String LINEAR = "torch.nn.modules.linear";
    public static final String ACTIVATION = "torch.nn.modules.activation";
    public static final String DROPOUT = "torch.nn.modules.dropout";

    /** The class paths the builders here produce (the classes a whole-model file may name). */
    public static final Set<String> CLASSES = Set.of(CONTAINER + ".Sequential", LINEAR + ".Linear",
            ACTIVATION + ".ReLU", ACTIVATION + ".Tanh", ACTIVATION + ".Sigmoid", ACTIVATION + ".GELU", DROPOUT + ".Dropout");

    private TorchModules() {}

    /** {@code nn.Linear(in, out)} with {@code weight [out, in]} and {@code bias [out]} (or null for bias=False). */
    public static PyObject linear(Tensor weight, Tensor bias) {
        if (weight.dim() != 2 || (bias != null && (bias.dim() != 1 || bias.shape()[0] != weight.shape()[0]))) {
            throw new IllegalArgumentException("Linear needs weight [out, in] and bias [out], got " + weight + " and " + bias);
        }
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("weight", weight);
        params.put("bias", bias);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("in_features", weight.shape()[1]);
        fields.put("out_features", weight.shape()[0]);
        return module(LINEAR, "Linear", params, Map.of(), Map.of(), fields);
    }

    public static PyObject relu() {
        return module(ACTIVATION, "ReLU", Map.of(), Map.of(), Map.of(), Map.of("inplace", false));
    }

    public static PyObject tanh() {
        return module(ACTIVATION, "Tanh", Map.of(), Map.of(), Map.of(), Map.of());
    }

    public static PyObject sigmoid() {
        return module(ACTIVATION, "Sigmoid", Map.of(), Map.of(), Map.of(), Map.of());
    }

    public static PyObject gelu() {
        return module(ACTIVATION, "GELU", Map.of(), Map.of(), Map.of(), Map.of("approximate", "none"));
    }

    public static PyObject dropout(double p) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("p", p);
        fields.put("inplace", false);
        return module(DROPOUT, "Dropout", Map.of(), Map.of(), Map.of(), fields);
    }

    /** {@code nn.Sequential(*layers)}: children named {@code "0"}, {@code "1"}, ... */
    public static PyObject sequential(List<PyObject> layers) {
        Map<String, Object> children = new LinkedHashMap<>();
        for (int i = 0; i < layers.size(); i++) {
            children.put(Integer.toString(i), layers.get(i));
        }
        return module(CONTAINER, "Sequential", Map.of(), Map.of(), children, Map.of());
    }

    /**
     * An instance of the caller's own {@code nn.Module} subclass {@code module.className}: its parameters,
     * buffers, child modules and plain fields. Loading it needs that class importable in Python.
     */
    public static PyObject custom(String module, String className, Map<String, Tensor> parameters, Map<String, Tensor> buffers,
            Map<String, PyObject> children, Map<String, Object> fields) {
        return module(module, className, parameters, buffers, children, fields);
    }

    private static PyObject module(String module, String name, Map<String, ?> parameters, Map<String, ?> buffers,
            Map<String, ?> children, Map<String, ?> fields) {
        OrderedDict params = new OrderedDict();
        parameters.forEach((k, v) -> params.put(k, v == null ? null : ((Tensor) v).asParameter()));
        OrderedDict bufs = new OrderedDict();
        buffers.forEach((k, v) -> bufs.put(k, v == null ? null : ((Tensor) v).asPlainTensor()));
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("training", false);
        state.put("_parameters", params);
        state.put("_buffers", bufs);
        state.put("_modules", new OrderedDict(children));
        state.put("_backward_hooks", new OrderedDict());
        state.put("_forward_hooks", new OrderedDict());
        state.putAll(fields);
        return new PyObject(module, name, state);
    }
}
