package fitlab.config;

import fitlab.model.Activation;
import fitlab.model.Basis;
import java.util.List;
import java.util.Optional;

/**
 * The {@code model:} section.
 *
 * @param degree     polynomial degree (number of basis functions besides the bias)
 * @param basis      polynomial basis
 * @param scaleInput polynomial: map the input range onto [-1, 1] before the basis (turning it off shows
 *                   underfitting caused by preprocessing)
 * @param hidden     MLP hidden-layer widths
 * @param activation MLP activation
 * @param dropout    MLP dropout probability after each hidden activation
 * @param init       optional state_dict {@code .pth} with the initial weights (e.g. drawn by PyTorch)
 */
public record ModelConfig(
        ModelKind kind,
        int degree,
        Basis basis,
        boolean scaleInput,
        List<Integer> hidden,
        Activation activation,
        double dropout,
        Optional<String> init) {
    public ModelConfig {
        hidden = List.copyOf(hidden);
    }
}
