package fitlab.runfolder;

/**
 * One line of {@code metrics.csv}: the eval-mode losses after an epoch (epoch 0 = the initial weights).
 * Accuracies are NaN for regression (their columns are then not written).
 */
public record MetricsRow(
        int epoch,
        double trainLoss,
        double validationLoss,
        double testLoss,
        double trainAccuracy,
        double validationAccuracy,
        double testAccuracy,
        double lr,
        double seconds) {

    public boolean hasAccuracy() {
        return !Double.isNaN(validationAccuracy);
    }

    /** The value early stopping watches for {@code monitor}, one of the metrics columns the config accepts for it. */
    public double monitored(String monitor) {
        return switch (monitor) {
            case "train_loss" -> trainLoss;
            case "validation_accuracy" -> validationAccuracy;
            case "train_accuracy" -> trainAccuracy;
            default -> validationLoss;
        };
    }
}
