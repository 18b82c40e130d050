package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChartNumbersTest {
    @Test
    void theFastRoundingEqualsTheExactOneAcrossMagnitudes() {
        SplittableRandom random = new SplittableRandom(17);
        int usual = 0, fastTaken = 0;
        for (int i = 0; i < 400_000; i++) {
            int exponent = random.nextInt(-25, 25);
            double v = (random.nextBoolean() ? 1 : -1) * random.nextDouble(1, 10) * Math.pow(10, exponent);
            assertEquals(ChartNumbers.exact(v).toString(), ChartNumbers.rounded(v).toString(), () -> "value " + v);
            if (Math.abs(exponent) <= 15) {
                usual++;
                fastTaken += ChartNumbers.fast(v) != null ? 1 : 0;
            }
        }
        // for a chart's magnitudes the fast path must be the rule, or the class buys nothing
        assertTrue(fastTaken > 0.99 * usual, "fast path taken " + fastTaken + " of " + usual + " times");
    }

    @Test
    void valuesThatAChartHoldsRoundAsTheDefinitionSays() {
        double[] values = {0.0123456, 123456.0, 99999.5, 99999.4, 1e-7 * 1.23456, 0.5, 2.5, 1.0, 1234567890123.0, 0.015163, 7.0e-3,
                Math.nextUp(1.00005), Math.nextDown(1.00005), 1.00005};
        for (double v : values) {
            assertEquals(ChartNumbers.exact(v).toString(), ChartNumbers.rounded(v).toString(), () -> "value " + v);
        }
        assertEquals("1.2346E-7", ChartNumbers.rounded(1.23456e-7).toString(), "BigDecimal's own notation, as before");
        assertEquals("123460", ChartNumbers.rounded(123456.0).toString());
        assertEquals("0.012346", ChartNumbers.rounded(0.0123456).toString());
    }

    @Test
    void aValueAtATieIsLeftToTheExactPath() {
        assertNull(ChartNumbers.fast(2.5), "a whole or half value is decided exactly");
        assertNull(ChartNumbers.fast(1.00005 * 10), "within a millionth of a tie");
    }
}
