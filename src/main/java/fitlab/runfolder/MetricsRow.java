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
}
