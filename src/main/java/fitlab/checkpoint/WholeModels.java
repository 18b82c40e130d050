package fitlab.checkpoint;

import fitlab.UserError;
import fitlab.model.Activation;
import fitlab.model.Basis;
import fitlab.model.Layer;
import fitlab.model.Mlp;
import fitlab.model.MlpSpec;
import fitlab.model.Model;
import fitlab.model.ModelSpec;
import fitlab.model.Models;
import fitlab.model.PolynomialModel;
import fitlab.model.PolynomialSpec;
import fitlab.pth.PthReader;
import fitlab.pth.PyObject;
import fitlab.pth.Tensor;
import fitlab.pth.TorchModules;
import fitlab.random.Rng;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whole-model files, {@code torch.save(model)} style: the pickle names the model's classes, so loading needs
 * every class to exist under the same module and name. An MLP pickles real {@code torch.nn} classes; a
 * polynomial pickles {@code fitlab_torch.PolynomialModel} (the Python module shipped in {@code notebooks/}).
 * fitlab reads them through a registry of known class names: a name it does not know — what renaming or
 * moving a class in a refactor produces — is refused with the class named, while the state_dict route keeps working.
 */
public final class WholeModels {
    public static final String POLYNOMIAL_MODULE = "fitlab_torch";
    public static final String POLYNOMIAL_CLASS = "PolynomialModel";

    /** The registry: every class name a whole-model file may reference. */
    public static final Set<String> KNOWN_CLASSES;

    static {
        TreeSet<String> known = new TreeSet<>(TorchModules.CLASSES);
        known.add(POLYNOMIAL_MODULE + "." + POLYNOMIAL_CLASS);
        KNOWN_CLASSES = java.util.Collections.unmodifiableSet(known);
    }

    private WholeModels() {}

    /** The model as an inert object graph of its Python classes, ready for {@link fitlab.pth.PthWriter}. */
    public static PyObject toPyObject(Model model) {
        Map<String, Tensor> sd = model.stateDict();
        if (model instanceof Mlp mlp) {
            List<PyObject> layers = new ArrayList<>();
            List<Layer> spec = mlp.layers();
            for (int i = 0; i < spec.size(); i++) {
                Layer l = spec.get(i);
                if (l instanceof Layer.Linear) {
                    layers.add(TorchModules.linear(sd.get(i + ".weight"), sd.get(i + ".bias")));
                } else if (l instanceof Layer.Act a) {
                    layers.add(switch (a.activation()) {
                        case RELU -> TorchModules.relu();
                        case TANH -> TorchModules.tanh();
                        case SIGMOID -> TorchModules.sigmoid();
                        case GELU -> TorchModules.gelu();
                    });
                } else {
                    layers.add(TorchModules.dropout(((Layer.Dropout) l).p()));
                }
            }
            return TorchModules.sequential(layers);
        }
        PolynomialSpec spec = ((PolynomialModel) model).spec();
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        if (spec.scaleInput()) {
            buffers.put("x_min", sd.get("x_min"));
            buffers.put("x_max", sd.get("x_max"));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("degree", (long) spec.degree());
        fields.put("basis", spec.basis().key());
        fields.put("scale_input", spec.scaleInput());
        return TorchModules.custom(POLYNOMIAL_MODULE, POLYNOMIAL_CLASS, Map.of(), buffers,
                Map.of("linear", TorchModules.linear(sd.get("linear.weight"), sd.get("linear.bias"))), fields);
    }

    /** Reads a whole-model file into a fitlab model, refusing any class the registry does not know. */
    public static Model read(Path file) {
        Object value = PthReader.read(file, name -> true);
        if (!(value instanceof PyObject root)) {
            throw new UserError(file + ": not a whole-model file (it holds " + CheckpointCodec.kind(value)
                    + "); for a checkpoint or state_dict use 'fitlab eval' or 'fitlab verify'");
        }
        return fromPyObject(root, file);
    }

    public static Model fromPyObject(PyObject root, Path file) {
        return fromPyObject(root, file, KNOWN_CLASSES);
    }

    /**
     * As {@link #fromPyObject(PyObject, Path)} with another registry: {@code known} without a class name is what a
     * program sees after that class was renamed or moved (lesson 06's refactor check).
     */
    public static Model fromPyObject(PyObject root, Path file, Set<String> known) {
        checkKnown(root, file, known);
        LinkedHashMap<String, Tensor> sd = new LinkedHashMap<>();
        ModelSpec spec;
        if (root.className().equals(POLYNOMIAL_MODULE + "." + POLYNOMIAL_CLASS)) {
            PyObject linear = (PyObject) modules(root, file).get("linear");
            Tensor weight = parameter(linear, "weight", file);
            Map<?, ?> buffers = (Map<?, ?>) root.state().get("_buffers");
            boolean scale = Boolean.TRUE.equals(root.state().get("scale_input"));
            double xMin = scale ? ((Tensor) buffers.get("x_min")).item() : 0;
            double xMax = scale ? ((Tensor) buffers.get("x_max")).item() : 1;
            spec = new PolynomialSpec((int) weight.shape()[1], basis(root, file), scale, xMin, xMax);
            sd.put("linear.weight", weight);
            sd.put("linear.bias", parameter(linear, "bias", file));
            if (scale) {
                sd.put("x_min", (Tensor) buffers.get("x_min"));
                sd.put("x_max", (Tensor) buffers.get("x_max"));
            }
        } else if (root.className().equals(TorchModules.CONTAINER + ".Sequential")) {
            spec = sequentialSpec(root, sd, file);
        } else {
            throw new UserError(file + ": the top-level class " + root.className()
                    + " is a layer, not a model fitlab can evaluate (expected Sequential or " + POLYNOMIAL_MODULE + "." + POLYNOMIAL_CLASS + ")");
        }
        Model model = Models.create(spec, Rng.seeded(0));
        model.loadStateDict(sd);
        return model;
    }

    private static ModelSpec sequentialSpec(PyObject root, LinkedHashMap<String, Tensor> sd, Path file) {
        List<Integer> sizes = new ArrayList<>();
        Activation activation = null;
        double dropout = 0;
        for (Map.Entry<?, ?> e : modules(root, file).entrySet()) {
            PyObject layer = (PyObject) e.getValue();
            String name = layer.name();
            switch (name) {
                case "Linear" -> {
                    Tensor w = parameter(layer, "weight", file);
                    if (sizes.isEmpty()) {
                        sizes.add((int) w.shape()[1]);
                    }
                    sizes.add((int) w.shape()[0]);
                    sd.put(e.getKey() + ".weight", w);
                    sd.put(e.getKey() + ".bias", parameter(layer, "bias", file));
                }
                case "Dropout" -> dropout = ((Number) layer.state().get("p")).doubleValue();
                default -> {
                    Activation a = Activation.valueOf(name.toUpperCase(java.util.Locale.ROOT));
                    if (activation != null && activation != a) {
                        throw new UserError(file + ": mixes activations " + activation + " and " + a + "; fitlab models use one");
                    }
                    activation = a;
                }
            }
        }
        if (sizes.size() < 2) {
            throw new UserError(file + ": the Sequential has no Linear layer");
        }
        return new MlpSpec(sizes.get(0), sizes.subList(1, sizes.size() - 1), sizes.get(sizes.size() - 1),
                activation == null ? Activation.RELU : activation, dropout);
    }

    private static void checkKnown(PyObject object, Path file, Set<String> known) {
        if (!known.contains(object.className())) {
            throw new UserError(file + ": class " + object.className() + " is not a known model class; a whole-model file "
                    + "binds to the class names it was saved with, so a renamed or moved class breaks it. Load the "
                    + "state_dict instead (it holds only tensors and names): fitlab eval on the cell's best.pth or last.pth");
        }
        for (Object child : modules(object, file).values()) {
            if (child instanceof PyObject p) {
                checkKnown(p, file, known);
            }
        }
    }

    private static Map<?, ?> modules(PyObject o, Path file) {
        Object m = o.state().get("_modules");
        if (m == null) {
            return Map.of();
        }
        if (!(m instanceof Map<?, ?> map)) {
            throw new UserError(file + ": " + o.className() + "._modules is not a dict");
        }
        return map;
    }

    private static Tensor parameter(PyObject layer, String name, Path file) {
        if (layer == null || !(layer.state().get("_parameters") instanceof Map<?, ?> p) || !(p.get(name) instanceof Tensor t)) {
            throw new UserError(file + ": " + (layer == null ? "a layer" : layer.className()) + " has no tensor '" + name + "'");
        }
        return t;
    }

    private static Basis basis(PyObject root, Path file) {
        Object b = root.state().get("basis");
        for (Basis basis : Basis.values()) {
            if (basis.key().equals(b)) {
                return basis;
            }
        }
        throw new UserError(file + ": " + root.className() + ".basis is '" + b + "', expected monomial or legendre");
    }
}
