package fitlab.model;

import fitlab.UserError;
import java.util.List;
import java.util.Map;

/**
 * The architecture of a model, enough to rebuild it: stored as the plain {@code model_spec} dict in every
 * checkpoint ({@link #toMap()}) and read back with {@link #fromMap(Map)}.
 */
public sealed interface ModelSpec permits PolynomialSpec, MlpSpec {
    /** Reads a {@code model_spec} dict; a file that does not fit is the user's error. */
    fitlab.pth.DictFields FIELDS = new fitlab.pth.DictFields("model_spec", fitlab.UserError::new);


    /** Plain values only (String, Long, Double, Boolean, List), insertion-ordered, for the checkpoint. */
    Map<String, Object> toMap();

    /** The number of inputs per example. */
    int inputs();

    /** The number of outputs per example. */
    int outputs();

    /** How many trainable numbers the model of this spec has (the length of its flat parameter vector). */
    long parameterCount();

    /**
     * Rebuilds a spec from a {@code model_spec} dict (as read from a checkpoint).
     *
     * @throws UserError naming the key when a value is missing or has the wrong type
     */
    static ModelSpec fromMap(Map<?, ?> map) {
        String kind = ModelSpec.FIELDS.string(map, "kind");
        return switch (kind) {
            case "polynomial" -> PolynomialSpec.fromMap(map);
            case "mlp" -> MlpSpec.fromMap(map);
            default -> throw new UserError("model_spec key 'kind': expected 'polynomial' or 'mlp', got '" + kind + "'");
        };
    }
}
