package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetFunctionTest {

    @Test
    void expressionUsesPiAndStrictMath() {
        TargetFunction f = TargetFunction.parse("cos(1.5*pi*x)");
        for (double x : new double[] {0, 0.1, 0.37, 0.5, 1}) {
            assertEquals(StrictMath.cos(1.5 * StrictMath.PI * x), f.applyAsDouble(x), 0.0);
        }
        assertEquals("cos(1.5*pi*x)", f.text());
    }

    @Test
    void expressionSupportsImplicitMultiplicationPowersAndFunctions() {
        assertEquals(1 / (1 + 25 * 0.3 * 0.3), TargetFunction.parse("1/(1+25x^2)").applyAsDouble(0.3), 1e-15);
        assertEquals(StrictMath.pow(StrictMath.E, 0.7), TargetFunction.parse("e^x").applyAsDouble(0.7), 0.0);
        assertEquals(StrictMath.pow(0.7, 3), TargetFunction.parse("pow(x, 3)").applyAsDouble(0.7), 0.0);
        assertEquals(2.0, TargetFunction.parse("max(abs(x), sqrt(4))").applyAsDouble(-1.5), 0.0);
        assertEquals(StrictMath.exp(-0.25) * StrictMath.log(3), TargetFunction.parse("exp(-x^2) * log(3)")
                .applyAsDouble(0.5), 1e-15);
        assertEquals(-0.25, TargetFunction.parse("-x^2").applyAsDouble(0.5), 0.0, "unary minus binds looser than ^");
    }

    @Test
    void divisionByZeroGivesInfinityInsteadOfAnException() {
        assertEquals(Double.POSITIVE_INFINITY, TargetFunction.parse("1/x").applyAsDouble(0.0));
    }

    @ParameterizedTest
    @CsvSource({
        "cos-1.5pi, 0.3, 0.15643446504023092", // cos(0.45π) = cos(81°) = sin(9°)
        "sin, 0.125, 0.7071067811865476",
        "runge, 0.2, 0.5",
        "step, -0.01, 0",
        "step, 0, 1",
        "abs, -2.5, 2.5"})
    void namedFunctions(String name, double x, double expected) {
        TargetFunction f = TargetFunction.parse(name);
        assertEquals(expected, f.applyAsDouble(x), 1e-15);
        assertEquals(NamedFunction.byKey(name).orElseThrow().formula(), f.formula());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "y*2          | unknown function or variable 'y' at position 0",
        "foo(x)       | unknown function or variable 'foo' at position 0",
        "x +          | too many operators",
        "sin(x        | mismatched parentheses",
        "x)           | syntax error",
        "3 4          | unable to parse char '4'",
        "sin()        | not enough arguments for 'sin'",
        "x,2          | misplaced function separator"})
    void invalidExpressionsNameTheExpressionAndTheProblemOnOneLine(String expression, String problem) {
        UserError e = assertThrows(UserError.class, () -> TargetFunction.parse(expression));
        String message = e.getMessage();
        assertTrue(message.startsWith("data.function \"" + expression.strip() + "\": "), message);
        assertTrue(message.toLowerCase(java.util.Locale.ROOT).contains(problem), message);
        assertTrue(message.contains("named function (cos-1.5pi, sin, runge, step, abs)"), message);
        assertFalse(message.contains("\n"), message);
    }

    @Test
    void emptyFunctionIsAUserError() {
        assertTrue(assertThrows(UserError.class, () -> TargetFunction.parse("  ")).getMessage()
                .startsWith("data.function is empty"));
    }

    @Test
    void evaluatingFromManyThreadsAtOnceGivesTheSequentialValues() throws Exception {
        TargetFunction f = TargetFunction.parse("sin(3x) + x^2 / (1 + abs(x))");
        int n = 20_000;
        double[] expected = new double[n];
        for (int i = 0; i < n; i++) {
            expected[i] = f.applyAsDouble(i * 1e-3 - 10);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                int offset = t;
                mismatches.add(pool.submit(() -> {
                    int bad = 0;
                    for (int k = 0; k < n; k++) {
                        int i = (k * 7 + offset * 997) % n; // threads visit x in different orders
                        if (Double.compare(f.applyAsDouble(i * 1e-3 - 10), expected[i]) != 0) {
                            bad++;
                        }
                    }
                    return bad;
                }));
            }
            for (Future<Integer> m : mismatches) {
                assertEquals(0, m.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
