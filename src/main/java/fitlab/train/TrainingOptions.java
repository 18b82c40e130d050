package fitlab.train;

import fitlab.UserError;

/**
 * How a session trains: {@code epochs} passes over the training set in mini-batches of {@code batchSize}
 * rows (0 = the full batch), reshuffled each epoch when {@code shuffle} is set, minimising the {@code loss}
 * plus an L1 penalty {@code l1}·Σ|θ| over all parameters, weights and biases alike (as the usual PyTorch
 * recipe {@code l1 * sum(p.abs().sum() for p in model.parameters())} does).
 */
public record TrainingOptions(int epochs, int batchSize, boolean shuffle, double l1, LossKind loss) {
    public TrainingOptions {
        if (epochs < 0) {
            throw new UserError("training epochs must be >= 0, got " + epochs);
        }
        if (batchSize < 0) {
            throw new UserError("training batch must be 'full' or a positive size, got " + batchSize);
        }
        if (!(l1 >= 0) || Double.isInfinite(l1)) {
            throw new UserError("training l1 must be a finite number >= 0, got " + l1);
        }
        if (loss == null) {
            throw new UserError("training loss must be mse, bce_with_logits or cross_entropy");
        }
    }
}
