package fitlab.diagnosis;

import java.util.Optional;

/**
 * The three numbers of a cell the diagnosis looks at.
 *
 * @param bestTrainLoss  the lowest training loss over all epochs: how well this capacity can fit the training data
 * @param trainLoss      the training loss of the evaluated model (the last epoch, or the restored best epoch)
 * @param validationLoss the validation loss of the same model
 */
public record CellLosses(double bestTrainLoss, double trainLoss, double validationLoss) {

    public CellLosses {
        if (!(bestTrainLoss >= 0) || !(trainLoss >= 0) || !(validationLoss >= 0) || Double.isInfinite(bestTrainLoss)
                || Double.isInfinite(trainLoss) || Double.isInfinite(validationLoss)) {
            throw new IllegalArgumentException("losses must be finite and >= 0, got best train " + bestTrainLoss
                    + ", train " + trainLoss + ", validation " + validationLoss);
        }
        if (bestTrainLoss > trainLoss) {
            throw new IllegalArgumentException("best training loss " + bestTrainLoss + " is above the training loss "
                    + trainLoss + " of an epoch");
        }
    }

    /**
     * The losses of a cell from its per-epoch curves (index = epoch) and the epoch whose model is evaluated. The best
     * training loss is the minimum over all finite entries. Empty when the evaluated epoch's losses are not finite
     * (a diverged cell has no diagnosis).
     */
    public static Optional<CellLosses> fromCurves(double[] train, double[] validation, int evaluatedEpoch) {
        if (train.length != validation.length || evaluatedEpoch < 0 || evaluatedEpoch >= train.length) {
            throw new IllegalArgumentException("curves of " + train.length + " and " + validation.length
                    + " epochs cannot be evaluated at epoch " + evaluatedEpoch);
        }
        double t = train[evaluatedEpoch];
        double v = validation[evaluatedEpoch];
        if (!Double.isFinite(t) || !Double.isFinite(v) || t < 0 || v < 0) {
            return Optional.empty();
        }
        double best = t;
        for (double x : train) {
            if (Double.isFinite(x) && x >= 0) {
                best = Math.min(best, x);
            }
        }
        return Optional.of(new CellLosses(best, t, v));
    }

    /** validation / train: how much worse the model does on data it was not trained on (+∞ when train is 0). */
    public double gapRatio() {
        return validationLoss / trainLoss;
    }
}
