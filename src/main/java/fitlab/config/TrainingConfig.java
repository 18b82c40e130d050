package fitlab.config;

/**
 * The {@code training:} section; defaults are PyTorch's where PyTorch has one.
 *
 * @param batch 0 means full batch
 * @param weightDecay L2 with PyTorch semantics (coupled for sgd/adam, decoupled for adamw)
 * @param l1 strength of the L1 penalty added to the loss
 */
public record TrainingConfig(
        OptimizerKind optimizer,
        double lr,
        int epochs,
        int batch,
        boolean shuffle,
        double weightDecay,
        double l1,
        double momentum,
        double dampening,
        boolean nesterov,
        double beta1,
        double beta2,
        double eps,
        boolean amsgrad) {}
