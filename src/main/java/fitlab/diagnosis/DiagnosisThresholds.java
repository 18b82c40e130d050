package fitlab.diagnosis;

import java.math.BigDecimal;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * The numbers behind the under/good/over-fit rules, written into the report so a reader can check every verdict.
 * All comparisons are strict.
 *
 * <p>With a known noise floor σ² (generated regression data, MSE loss):
 * <ul>
 *   <li><b>underfit</b>: best training loss &gt; {@code underfitTrainFactor}·σ² and validation/training loss &lt;
 *       {@code underfitGapRatio};
 *   <li><b>underfit</b>: best training loss &gt; {@code underfitTrainFactor}·σ² and validation loss &gt;
 *       {@code overfitValidationFactor} × the sweep's lowest (a model that reaches neither the noise on its training
 *       points nor the sweep's best on new ones; a line through 30 points of a cosine can show a ratio of 5);
 *   <li><b>overfit</b>: training loss &lt; {@code overfitTrainFactor}·σ² and validation loss &gt;
 *       {@code overfitValidationFactor} × the sweep's lowest validation loss;
 *   <li><b>good</b> otherwise.
 * </ul>
 * Without a noise floor (classification, CSV data) the sweep's lowest validation loss stands in for the achievable loss:
 * <ul>
 *   <li><b>underfit</b>: best training loss &gt; {@code fallbackUnderfitFactor} × the sweep's lowest validation loss and
 *       validation/training loss &lt; {@code underfitGapRatio};
 *   <li><b>overfit</b>: validation/training loss &gt; {@code fallbackOverfitGapRatio} and validation loss &gt;
 *       {@code overfitValidationFactor} × the sweep's lowest validation loss;
 *   <li><b>good</b> otherwise.
 * </ul>
 *
 * Two rules come first:
 * <ul>
 *   <li><b>underfit, far from the floor</b>: best training loss &gt; {@code farUnderfitTrainFactor}·σ², whatever the
 *       validation/training ratio: a model that cannot get within 10× the noise on its own training data misses the
 *       shape of the function, even when (on raw, unscaled inputs) its validation loss is a large multiple of it;
 *   <li><b>classification</b> (accuracy measured) is judged on accuracy, as a teacher reads a decision boundary: a cell
 *       whose validation accuracy is within {@code accuracyMargin} of the best validation accuracy of the cells on the
 *       same data is <b>good</b> (never overfit, whatever its log-loss); below it, a training accuracy more than
 *       {@code accuracyOverfitGap} above the validation accuracy is <b>overfit</b> (it fits training points it cannot
 *       generalise), otherwise <b>underfit</b> (it fits neither).
 * </ul>
 * With no noise (σ² = 0) there is no floor to compare with: the rules without a noise floor apply.
 *
 * <p>Why these defaults: a least-squares fit with p parameters on n noisy points has expected training MSE
 * σ²(1 − p/n) and validation MSE about σ²(1 + p/n) (plus the squared bias). So a well-specified model trains slightly
 * <em>below</em> σ² and validates slightly above it, with a ratio (1 + p/n)/(1 − p/n) = 1.4 at p/n = 1/6.
 * A best training loss above 2σ² means the systematic error is at least as large as the noise itself: visibly
 * underfit. Training below σ² alone is normal, so overfitting also needs the validation loss to be 1.5× the best any
 * capacity reached: with 30 validation points the validation MSE fluctuates by about √(2/30) ≈ 26 %, so 1.5× is
 * about two standard deviations, not noise. Without σ², a gap ratio above 2 is more than the 1.4 a good fit shows.
 */
public record DiagnosisThresholds(
        double underfitTrainFactor,
        double underfitGapRatio,
        double overfitTrainFactor,
        double overfitValidationFactor,
        double fallbackUnderfitFactor,
        double fallbackOverfitGapRatio,
        double farUnderfitTrainFactor,
        double accuracyMargin,
        double accuracyOverfitGap) {

    public static final DiagnosisThresholds DEFAULTS = new DiagnosisThresholds(2.0, 1.5, 1.0, 1.5, 1.5, 2.0, 10.0, 0.01, 0.05);

    /** The loss rules with the far-from-floor and accuracy rules at their defaults. */
    public DiagnosisThresholds(double underfitTrainFactor, double underfitGapRatio, double overfitTrainFactor,
            double overfitValidationFactor, double fallbackUnderfitFactor, double fallbackOverfitGapRatio) {
        this(underfitTrainFactor, underfitGapRatio, overfitTrainFactor, overfitValidationFactor, fallbackUnderfitFactor,
                fallbackOverfitGapRatio, 10.0, 0.01, 0.05);
    }

    public DiagnosisThresholds {
        double[] all = {underfitTrainFactor, underfitGapRatio, overfitTrainFactor, overfitValidationFactor,
            fallbackUnderfitFactor, fallbackOverfitGapRatio, farUnderfitTrainFactor, accuracyMargin, accuracyOverfitGap};
        for (double x : all) {
            if (!(x > 0) || Double.isInfinite(x)) {
                throw new IllegalArgumentException("diagnosis thresholds must be finite and > 0, got " + x);
            }
        }
        // These keep the verdicts exclusive: an overfit cell can never also pass the underfit test.
        if (overfitTrainFactor > underfitTrainFactor) {
            throw new IllegalArgumentException("overfit train factor " + overfitTrainFactor
                    + " must not exceed the underfit train factor " + underfitTrainFactor);
        }
        if (fallbackOverfitGapRatio < underfitGapRatio) {
            throw new IllegalArgumentException("fallback overfit gap ratio " + fallbackOverfitGapRatio
                    + " must not be below the underfit gap ratio " + underfitGapRatio);
        }
    }

    /** The rules with their numbers, in English, one per line. */
    public String thresholdsDescription() {
        return thresholdsDescription("en");
    }

    /** The rules with their numbers, one per line; {@code language} is {@code en} or {@code zh}. */
    public String thresholdsDescription(String language) {
        Locale locale = switch (language) {
            case "en" -> Locale.ROOT;
            case "zh" -> Locale.SIMPLIFIED_CHINESE;
            default -> throw new IllegalArgumentException("language must be en or zh, got " + language);
        };
        ResourceBundle texts = ResourceBundle.getBundle("fitlab.diagnosis.rules", locale);
        return rules().stream()
                .map(r -> MessageFormat.format(texts.getString(r.key()), r.numbers().stream().map(DiagnosisThresholds::plain).toArray()))
                .collect(Collectors.joining("\n"));
    }

    /** One line of the rules as the report lists them: its text in fitlab/diagnosis/rules*.properties, and its numbers. */
    private record Rule(String key, List<Double> numbers) {
        Rule(String key, Double... numbers) {
            this(key, List.of(numbers));
        }
    }

    /** The rules in the order of {@link Diagnoser}'s checks, the same list for every language. */
    private List<Rule> rules() {
        return List.of(
                new Rule("classification"),
                new Rule("classification.good", accuracyMargin),
                new Rule("classification.underfitTraining", accuracyMargin),
                new Rule("classification.overfit", accuracyOverfitGap),
                new Rule("classification.underfit"),
                new Rule("floor"),
                new Rule("floor.underfitFar", farUnderfitTrainFactor),
                new Rule("floor.underfitSmallGap", underfitTrainFactor, underfitGapRatio),
                new Rule("floor.underfitFarFromBest", underfitTrainFactor, overfitValidationFactor),
                new Rule("floor.overfit", overfitTrainFactor, overfitValidationFactor),
                new Rule("floor.good"),
                new Rule("fallback"),
                new Rule("fallback.underfit", fallbackUnderfitFactor, underfitGapRatio),
                new Rule("fallback.overfit", fallbackOverfitGapRatio, overfitValidationFactor),
                new Rule("fallback.good"),
                new Rule("seedGroups"));
    }

    private static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
