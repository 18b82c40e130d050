package fitlab.diagnosis;

/**
 * Which rule decided a {@link Diagnosis}: a machine-readable key the reporter phrases in English or Chinese.
 * The first three apply when the noise floor σ² is known (generated regression data), the last three when it is not
 * (classification, CSV data); see {@link DiagnosisThresholds} for the rules.
 */
public enum Reason {
    /** Best training loss well above σ² and validation loss close to the training loss. */
    UNDERFIT_ABOVE_NOISE_FLOOR("underfit.above_noise_floor", Verdict.UNDERFIT),
    /** Training loss below σ² while validation loss is far above the sweep's minimum. */
    OVERFIT_BELOW_NOISE_FLOOR("overfit.below_noise_floor", Verdict.OVERFIT),
    /** Neither: the losses sit near the noise floor. */
    GOOD_NEAR_NOISE_FLOOR("good.near_noise_floor", Verdict.GOOD),
    /** No noise floor: best training loss well above the sweep's best validation loss, small train/validation gap. */
    UNDERFIT_HIGH_LOSS_SMALL_GAP("underfit.high_loss_small_gap", Verdict.UNDERFIT),
    /** No noise floor: large train/validation gap and validation loss far above the sweep's minimum. */
    OVERFIT_LARGE_GAP("overfit.large_gap", Verdict.OVERFIT),
    /** No noise floor, neither rule fired. */
    GOOD_SMALL_GAP("good.small_gap", Verdict.GOOD),
    /** Best training loss far above σ² (beyond the far factor): underfit whatever the validation/training ratio. */
    UNDERFIT_FAR_ABOVE_NOISE_FLOOR("underfit.far_above_noise_floor", Verdict.UNDERFIT),
    /**
     * Best training loss well above σ² and validation loss far above the sweep's minimum, whatever the ratio: it fits
     * neither its training data nor new data (it can never be overfit, which needs a training loss below σ²).
     */
    UNDERFIT_ABOVE_NOISE_FLOOR_FAR_FROM_BEST("underfit.above_noise_floor_far_from_best", Verdict.UNDERFIT),
    /** Classification: validation accuracy at the best of the cells on the same data. */
    GOOD_AT_BEST_ACCURACY("good.best_accuracy", Verdict.GOOD),
    /** Classification: below the best validation accuracy, with training accuracy well above validation accuracy. */
    OVERFIT_ACCURACY_GAP("overfit.accuracy_gap", Verdict.OVERFIT),
    /** Classification: training accuracy below the best validation accuracy on the same data: it cannot fit its own points. */
    UNDERFIT_LOW_TRAINING_ACCURACY("underfit.low_training_accuracy", Verdict.UNDERFIT),
    /** Classification: below the best validation accuracy without a training/validation accuracy gap. */
    UNDERFIT_LOW_ACCURACY("underfit.low_accuracy", Verdict.UNDERFIT);

    private final String key;
    private final Verdict verdict;

    Reason(String key, Verdict verdict) {
        this.key = key;
        this.verdict = verdict;
    }

    /** A stable key for translations and summary files, e.g. {@code overfit.below_noise_floor}. */
    public String key() {
        return key;
    }

    public Verdict verdict() {
        return verdict;
    }
}
