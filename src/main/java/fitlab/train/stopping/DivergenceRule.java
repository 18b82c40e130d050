package fitlab.train.stopping;

import java.util.Optional;

/**
 * When a cell counts as diverged: a non-finite loss (NaN or ±Inf), or a training loss that exploded — above
 * {@code factor} × the reference loss (the first training loss fed, normally the initial weights' at epoch 0) or
 * above the absolute {@code ceiling}. The factor rule is skipped while the reference is 0 (a perfect start).
 *
 * <p>The defaults (1e3 × initial, 1e12 absolute) sit far above any loss a healthy run in this lab reaches: gradient
 * descent that merely oscillates stays within a small multiple of its starting loss, while a too-large learning rate
 * grows the loss geometrically and crosses 1e3 × within a few epochs, long before float64 overflows.
 */
public record DivergenceRule(double factor, double ceiling) {

    public static final DivergenceRule DEFAULTS = new DivergenceRule(1e3, 1e12);

    public DivergenceRule {
        if (!(factor > 1) || !(ceiling > 0)) {
            throw new IllegalArgumentException("divergence factor must be > 1 and ceiling > 0, got " + factor
                    + " and " + ceiling);
        }
    }

    /** Why these losses mean divergence, or empty when they are healthy. */
    public Optional<String> check(double trainLoss, double validationLoss, double monitored, double reference) {
        if (!Double.isFinite(trainLoss)) {
            return Optional.of("training loss is " + trainLoss);
        }
        if (!Double.isFinite(validationLoss)) {
            return Optional.of("validation loss is " + validationLoss);
        }
        if (!Double.isFinite(monitored)) {
            return Optional.of("monitored value is " + monitored);
        }
        if (trainLoss > ceiling) {
            return Optional.of("training loss " + trainLoss + " exceeds " + ceiling);
        }
        if (reference > 0 && trainLoss > factor * reference) {
            return Optional.of("training loss " + trainLoss + " exceeds " + factor + " x the initial " + reference);
        }
        return Optional.empty();
    }
}
