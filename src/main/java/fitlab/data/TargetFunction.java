package fitlab.data;

import fitlab.UserError;
import java.util.EmptyStackException;
import java.util.function.DoubleUnaryOperator;
import net.objecthunter.exp4j.Expression;
import net.objecthunter.exp4j.ExpressionBuilder;
import net.objecthunter.exp4j.ValidationResult;

/**
 * The true function f of a 1-D regression task, y = f(x) + noise: either a {@link NamedFunction} such as
 * {@code cos-1.5pi}, or an exp4j expression in {@code x} such as {@code cos(1.5*pi*x)} or {@code 1/(1+25x^2)}
 * (constants {@code pi}, {@code e}; implicit multiplication {@code 2x}; {@code ^} for powers; the functions of
 * {@link StrictFunctions#NAMES}, all computed with {@link StrictMath}).
 *
 * <p>Thread-safe: exp4j's {@link Expression} keeps its variables in a mutable map, so each thread evaluates its
 * own copy of the parsed expression.
 */
public final class TargetFunction implements DoubleUnaryOperator {

    private final String text;
    private final String formula;
    private final DoubleUnaryOperator function;

    private TargetFunction(String text, String formula, DoubleUnaryOperator function) {
        this.text = text;
        this.formula = formula;
        this.function = function;
    }

    /**
     * A named function or an expression in x.
     *
     * @throws UserError naming the expression and what is wrong with it (unknown variable or function, syntax)
     */
    public static TargetFunction parse(String text) {
        if (text == null || text.isBlank()) {
            throw new UserError("data.function is empty: " + hint());
        }
        String trimmed = text.strip();
        var named = NamedFunction.byKey(trimmed);
        if (named.isPresent()) {
            return new TargetFunction(trimmed, named.get().formula(), named.get().function());
        }
        Expression prototype = compile(trimmed);
        ThreadLocal<Expression> perThread = ThreadLocal.withInitial(() -> new Expression(prototype));
        return new TargetFunction(trimmed, trimmed, x -> perThread.get().setVariable("x", x).evaluate());
    }

    /** What the user wrote, trimmed: a name such as {@code runge} or an expression. */
    public String text() {
        return text;
    }

    /** A readable formula for chart titles: the expression itself, or e.g. {@code 1/(1+25x²)} for {@code runge}. */
    public String formula() {
        return formula;
    }

    @Override
    public double applyAsDouble(double x) {
        return function.applyAsDouble(x);
    }

    @Override
    public String toString() {
        return "TargetFunction[" + text + "]";
    }

    private static Expression compile(String text) {
        try {
            Expression expression = new ExpressionBuilder(text)
                    .variable("x")
                    .functions(StrictFunctions.functions())
                    .operator(StrictFunctions.operators())
                    .build();
            ValidationResult result = new Expression(expression).setVariable("x", 0.5).validate(true);
            if (!result.isValid()) {
                throw invalid(text, String.join("; ", result.getErrors()).toLowerCase(java.util.Locale.ROOT));
            }
            new Expression(expression).setVariable("x", 0.5).evaluate();
            return expression;
        } catch (IllegalArgumentException e) {
            // exp4j's messages ("Unknown function or variable 'y' at pos 0 in expression 'y'") are clear enough
            // once the redundant tail is cut; they are one line.
            String message = String.valueOf(e.getMessage()).replaceFirst(" in expression '.*'$", "");
            throw invalid(text, decapitalise(message.replace(" at pos ", " at position ")), e);
        } catch (EmptyStackException | ArithmeticException e) {
            throw invalid(text, "syntax error (check parentheses and operators)", e);
        }
    }

    private static UserError invalid(String text, String problem) {
        return new UserError("data.function \"" + text + "\": " + problem + "; " + hint());
    }

    private static UserError invalid(String text, String problem, Throwable cause) {
        return new UserError("data.function \"" + text + "\": " + problem + "; " + hint(), cause);
    }

    private static String hint() {
        return "expected an expression in x (constants pi, e; functions " + StrictFunctions.NAMES
                + ") or a named function (" + NamedFunction.keys() + ")";
    }

    private static String decapitalise(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
