package fitlab.data;

import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import net.objecthunter.exp4j.function.Function;
import net.objecthunter.exp4j.operator.Operator;

/**
 * exp4j's functions and operators, replaced by {@link StrictMath} versions so that an expression gives the same
 * bits on every JVM and platform ({@link Math}'s intrinsics may differ in the last place), and division by zero
 * gives ±Infinity or NaN as in Java instead of exp4j's exception. exp4j looks user functions and operators up
 * before its built-in ones, so these take their place.
 */
final class StrictFunctions {

    private StrictFunctions() {}

    /** The names listed in error messages. */
    static final String NAMES = "sin, cos, tan, asin, acos, atan, sinh, cosh, tanh, exp, expm1, log, log10, log2, "
            + "log1p, sqrt, cbrt, abs, pow, min, max, floor, ceil, signum";

    static List<Function> functions() {
        return List.of(
                unary("sin", StrictMath::sin),
                unary("cos", StrictMath::cos),
                unary("tan", StrictMath::tan),
                unary("asin", StrictMath::asin),
                unary("acos", StrictMath::acos),
                unary("atan", StrictMath::atan),
                unary("sinh", StrictMath::sinh),
                unary("cosh", StrictMath::cosh),
                unary("tanh", StrictMath::tanh),
                unary("exp", StrictMath::exp),
                unary("expm1", StrictMath::expm1),
                unary("log", StrictMath::log),
                unary("log10", StrictMath::log10),
                unary("log2", x -> StrictMath.log(x) / StrictMath.log(2)),
                unary("log1p", StrictMath::log1p),
                unary("cbrt", StrictMath::cbrt),
                binary("pow", StrictMath::pow),
                binary("min", Math::min),
                binary("max", Math::max));
    }

    static List<Operator> operators() {
        return List.of(
                operator("^", Operator.PRECEDENCE_POWER, false, StrictMath::pow),
                operator("/", Operator.PRECEDENCE_DIVISION, true, (a, b) -> a / b),
                operator("%", Operator.PRECEDENCE_MODULO, true, (a, b) -> a % b));
    }

    private static Function unary(String name, DoubleUnaryOperator f) {
        return new Function(name, 1) {
            @Override
            public double apply(double... args) {
                return f.applyAsDouble(args[0]);
            }
        };
    }

    private static Function binary(String name, DoubleBinaryOperator f) {
        return new Function(name, 2) {
            @Override
            public double apply(double... args) {
                return f.applyAsDouble(args[0], args[1]);
            }
        };
    }

    private static Operator operator(String symbol, int precedence, boolean leftAssociative, DoubleBinaryOperator f) {
        return new Operator(symbol, 2, leftAssociative, precedence) {
            @Override
            public double apply(double... args) {
                return f.applyAsDouble(args[0], args[1]);
            }
        };
    }
}
