package fitlab.data;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Collectors;

/**
 * Target functions that lessons use often enough to deserve a name; {@code data.function} may give the name
 * instead of an expression. Every one uses {@link StrictMath}, so the values are the same on every machine.
 *
 * <ul>
 *   <li>{@code cos-1.5pi}: cos(1.5πx), scikit-learn's "underfitting vs. overfitting" example, on [0, 1].</li>
 *   <li>{@code sin}: sin(2πx), one full period on [0, 1], the curve of Bishop's PRML chapter 1.</li>
 *   <li>{@code runge}: 1/(1+25x²), Runge's function; high-degree polynomials on equispaced points oscillate
 *       near the ends of [−1, 1].</li>
 *   <li>{@code step}: 0 for x &lt; 0, 1 for x ≥ 0; a jump no smooth model can follow, on e.g. [−1, 1].</li>
 *   <li>{@code abs}: |x|, a kink at 0: easy for a ReLU network, slow for polynomials.</li>
 * </ul>
 */
public enum NamedFunction {
    COS_1_5PI("cos-1.5pi", "cos(1.5πx)", x -> StrictMath.cos(1.5 * StrictMath.PI * x)),
    SIN("sin", "sin(2πx)", x -> StrictMath.sin(2 * StrictMath.PI * x)),
    RUNGE("runge", "1/(1+25x²)", x -> 1 / (1 + 25 * x * x)),
    STEP("step", "0 for x<0, 1 for x≥0", x -> x < 0 ? 0.0 : 1.0),
    ABS("abs", "|x|", Math::abs);

    private final String key;
    private final String formula;
    private final DoubleUnaryOperator function;

    NamedFunction(String key, String formula, DoubleUnaryOperator function) {
        this.key = key;
        this.formula = formula;
        this.function = function;
    }

    /** The name written in YAML, e.g. {@code cos-1.5pi}. */
    public String key() {
        return key;
    }

    /** The formula for titles and reports, e.g. {@code cos(1.5πx)}. */
    public String formula() {
        return formula;
    }

    /** Stateless, hence thread-safe. */
    public DoubleUnaryOperator function() {
        return function;
    }

    public static Optional<NamedFunction> byKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    /** The names, comma-separated, for error messages. */
    public static String keys() {
        return Arrays.stream(values()).map(NamedFunction::key).collect(Collectors.joining(", "));
    }
}
