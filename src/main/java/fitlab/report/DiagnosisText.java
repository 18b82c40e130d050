package fitlab.report;

import fitlab.diagnosis.Diagnosis;
import fitlab.diagnosis.DiagnosisThresholds;
import java.util.Optional;

/**
 * The written diagnosis of a cell: its verdict and the numbers that decided it, one sentence per rule from the
 * resource bundle ({@code diagnosis.<reason key>}).
 */
public final class DiagnosisText {
    private DiagnosisText() {}

    public static String sentence(String cellId, Optional<Diagnosis> diagnosis, Messages m) {
        if (diagnosis.isEmpty()) {
            return m.get("diagnosis.diverged", cellId);
        }
        Diagnosis d = diagnosis.get();
        DiagnosisThresholds t = d.thresholds();
        double floor = d.noiseFloor().orElse(Double.NaN);
        return m.get("diagnosis." + d.reason().key(),
                cellId,                                                   // 0
                Messages.number(d.losses().bestTrainLoss()),              // 1
                Messages.number(d.losses().trainLoss()),                  // 2
                Messages.number(d.losses().validationLoss()),             // 3
                Messages.number(floor),                                   // 4
                Messages.number(d.gapRatio()),                            // 5
                Messages.number(d.validationOverSweepMin()),              // 6
                Messages.number(d.sweepMinValidation()),                  // 7
                Messages.number(t.underfitTrainFactor()),                 // 8
                Messages.number(t.underfitGapRatio()),                    // 9
                Messages.number(t.overfitTrainFactor()),                  // 10
                Messages.number(t.overfitValidationFactor()),             // 11
                Messages.number(t.fallbackUnderfitFactor()),              // 12
                Messages.number(t.fallbackOverfitGapRatio()),             // 13
                Messages.number(t.underfitTrainFactor() * floor),         // 14
                Messages.number(t.overfitTrainFactor() * floor),          // 15
                m.get("verdict." + d.verdict().key()),                    // 16
                percent(d.accuracy().map(a -> a.train())),                // 17
                percent(d.accuracy().map(a -> a.validation())),           // 18
                percent(d.accuracy().map(a -> a.bestValidationOnData())), // 19
                Messages.number(t.farUnderfitTrainFactor()),              // 20
                Messages.number(t.farUnderfitTrainFactor() * floor),      // 21
                percent(Optional.of(t.accuracyMargin())),                 // 22
                percent(Optional.of(t.accuracyOverfitGap())));            // 23
    }

    private static String percent(Optional<Double> fraction) {
        return fraction.map(f -> Messages.number(100 * f) + " %").orElse("");
    }
}
