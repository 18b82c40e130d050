package fitlab.diagnosis;

import java.util.OptionalDouble;

/**
 * The verdict on one cell and the numbers that decided it.
 *
 * @param reason             the rule that decided (its {@link Reason#key() key} is machine-readable)
 * @param losses             the cell's best training, training and validation loss
 * @param noiseFloor         σ², when known
 * @param sweepMinValidation the lowest validation loss over the sweep
 * @param thresholds         the thresholds applied
 * @param accuracy           the accuracies a classification cell was judged on, when measured
 */
public record Diagnosis(
        Reason reason,
        CellLosses losses,
        OptionalDouble noiseFloor,
        double sweepMinValidation,
        DiagnosisThresholds thresholds,
        java.util.Optional<CellAccuracy> accuracy) {

    public Diagnosis(Reason reason, CellLosses losses, OptionalDouble noiseFloor, double sweepMinValidation,
            DiagnosisThresholds thresholds) {
        this(reason, losses, noiseFloor, sweepMinValidation, thresholds, java.util.Optional.empty());
    }

    public Verdict verdict() {
        return reason.verdict();
    }

    /** validation / training loss of the evaluated model. */
    public double gapRatio() {
        return losses.gapRatio();
    }

    /** The validation loss relative to the sweep's lowest one (1 = this cell is the best). */
    public double validationOverSweepMin() {
        return losses.validationLoss() / sweepMinValidation;
    }
}
