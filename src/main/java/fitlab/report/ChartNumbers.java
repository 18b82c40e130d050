package fitlab.report;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A chart number as charts.json writes it: {@link #DIGITS} significant digits, rounded half up from the double's exact
 * value, trailing zeros stripped, never a negative scale. {@code new BigDecimal(double)} expands the double's exact
 * binary value (hundreds of digits for a small loss) before rounding: for the tens of thousands of numbers of a
 * report that was most of writing charts.json. The scaled value is computed here in one correctly rounded double
 * operation instead, and only the rare value that lands within a millionth of a rounding tie (where that one
 * rounding could decide the result) takes the exact path.
 */
final class ChartNumbers {
    static final int DIGITS = 5;
    private static final MathContext CONTEXT = new MathContext(DIGITS);
    private static final long LOWEST = 10_000, LIMIT = 100_000;
    /** Powers of ten that are exact doubles (10^22 is the largest). */
    private static final double[] POWERS = new double[23];

    static {
        POWERS[0] = 1;
        for (int i = 1; i < POWERS.length; i++) {
            POWERS[i] = POWERS[i - 1] * 10;
        }
    }

    private ChartNumbers() {}

    /** {@code v} rounded as charts.json writes it; {@code v} finite and not zero. */
    static BigDecimal rounded(double v) {
        BigDecimal fast = fast(v);
        return fast != null ? fast : exact(v);
    }

    /** The definition: the exact value rounded. */
    static BigDecimal exact(double v) {
        BigDecimal r = new BigDecimal(v).round(CONTEXT).stripTrailingZeros();
        return r.scale() < 0 ? r.setScale(0) : r;
    }

    /** The same number without the exact expansion, or null where one rounding of the scaling could matter. */
    static BigDecimal fast(double v) {
        double a = Math.abs(v);
        int e = (int) Math.floor(Math.log10(a));
        int shift = DIGITS - 1 - e; // a * 10^shift lies in [10^4, 10^5)
        if (Math.abs(shift) >= POWERS.length || e > 17) {
            return null;
        }
        double scaled = shift >= 0 ? a * POWERS[shift] : a / POWERS[-shift];
        double floor = Math.floor(scaled);
        double fraction = scaled - floor;
        if (Math.abs(fraction - 0.5) < 1e-6 || fraction < 1e-6 || fraction > 1 - 1e-6 || floor < LOWEST || floor >= LIMIT) {
            return null; // near a tie or a whole number, or log10 misjudged the magnitude: decided exactly
        }
        long m = (long) floor + (fraction > 0.5 ? 1 : 0);
        int scale = shift;
        if (m == LIMIT) {
            m = LOWEST;
            scale--;
        }
        while (m % 10 == 0) {
            m /= 10;
            scale--;
        }
        if (scale < 0) {
            m *= (long) POWERS[-scale];
            scale = 0;
        }
        return BigDecimal.valueOf(v < 0 ? -m : m, scale);
    }
}
