package fitlab.train;

/** The training objectives fitlab offers, each reduced by the mean over examples as PyTorch's default. */
public enum LossKind {
    /** {@code nn.MSELoss()}: mean of (ŷ − y)². */
    MSE,
    /** {@code nn.BCEWithLogitsLoss()}: one output (a logit), y in {0, 1}. */
    BCE_WITH_LOGITS,
    /** {@code nn.CrossEntropyLoss()}: K outputs (logits), y the class index. */
    CROSS_ENTROPY
}
