package fitlab.train;

/**
 * A loss reduced by the mean over the batch, with its gradient with respect to the model's outputs,
 * computed the way PyTorch's kernels compute them (numerically stable forms, same operation order).
 */
public sealed interface Loss permits MseLoss, BceWithLogitsLoss, CrossEntropyLoss {

    /**
     * The mean loss of {@code rows} outputs ({@code rows × outputs}, row-major) against targets {@code y};
     * when {@code gradient} is not null it receives dLoss/dOutput (same layout as the outputs).
     */
    double evaluate(double[] outputs, double[] y, int rows, double[] gradient);

    /** Whether targets are class indices, so accuracy means something. */
    boolean isClassification();

    /** How many rows the outputs classify correctly (classification losses only). */
    int correct(double[] outputs, double[] y, int rows);

    /** The loss of the given kind for a model with {@code outputs} outputs. */
    static Loss of(LossKind kind, int outputs) {
        return switch (kind) {
            case MSE -> new MseLoss(outputs);
            case BCE_WITH_LOGITS -> new BceWithLogitsLoss(outputs);
            case CROSS_ENTROPY -> new CrossEntropyLoss(outputs);
        };
    }
}
