package fitlab.checkpoint;

import fitlab.pth.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything one epoch's {@code .pth} holds, so the file alone rebuilds the model, reproduces the logged
 * losses, and lets training continue bit-identically.
 *
 * @param epoch              0 = the initial weights
 * @param modelStateDict     the model's state_dict (float64 tensors, {@code torch.nn} names)
 * @param optimizerStateDict {@code torch.optim}'s state_dict, or null for the closed-form lstsq fit
 * @param metrics            train_loss, validation_loss, test_loss (+ accuracies) logged for this epoch
 * @param modelSpec          the architecture as plain values (kind, layers, activation, degree, basis, scaling)
 * @param rngState           random streams still in use: name -> the four longs of its state
 * @param earlyStopping      the early-stopping tracker's state, to continue it
 * @param config             the cell's resolved config, as plain values
 */
public record Checkpoint(
        int epoch,
        LinkedHashMap<String, Tensor> modelStateDict,
        Map<String, Object> optimizerStateDict,
        LinkedHashMap<String, Double> metrics,
        Map<String, Object> modelSpec,
        LinkedHashMap<String, long[]> rngState,
        Map<String, Object> earlyStopping,
        Map<String, Object> config,
        List<String> modulePrefixes) {

    public Checkpoint {
        Objects.requireNonNull(modelStateDict);
        Objects.requireNonNull(metrics);
        Objects.requireNonNull(modelSpec);
        Objects.requireNonNull(rngState);
        Objects.requireNonNull(earlyStopping);
        Objects.requireNonNull(config);
        Objects.requireNonNull(modulePrefixes);
    }
}
