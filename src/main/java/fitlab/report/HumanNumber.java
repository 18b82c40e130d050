package fitlab.report;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers as people write them on a slide: at most 4 significant digits, plain decimals from 0.0001 to below a million,
 * and beyond that a power of ten with a superscript exponent (10⁻⁵, 2.5×10⁶), never Java's {@code 1.0E-4} and never a
 * 16-digit binary fraction such as {@code 0.30000000000000004}.
 */
public final class HumanNumber {
    public static final int SIGNIFICANT = 4;
    private static final double PLAIN_FROM = 1e-4;
    private static final double PLAIN_BELOW = 1e6;
    private static final String SUPERSCRIPT = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    private HumanNumber() {}

    public static String format(double v) {
        return format(v, SIGNIFICANT);
    }

    /**
     * A tick label of a count axis (epochs): the whole numbers only. XChart puts ticks at 0.5, 1.5, ... on a short
     * range (a 5-epoch cell), and "epoch 2.5" reads as a mistake; the unlabelled ticks stay as minor marks.
     */
    public static String wholeOnly(double v) {
        return v == Math.rint(v) ? format(v) : LogTicks.BLANK;
    }

    /** {@code v} rounded to {@code digits} significant digits (fewer when the trailing ones are zeros). */
    public static String format(double v, int digits) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "−∞";
        }
        if (v == 0) {
            return "0";
        }
        BigDecimal rounded = new BigDecimal(v).round(new MathContext(digits)).stripTrailingZeros();
        double a = Math.abs(rounded.doubleValue());
        String sign = v < 0 ? "−" : "";
        if (a >= PLAIN_FROM && a < PLAIN_BELOW) {
            return sign + rounded.abs().toPlainString();
        }
        int exponent = rounded.precision() - rounded.scale() - 1;
        BigDecimal mantissa = rounded.abs().movePointLeft(exponent).stripTrailingZeros();
        String power = "10" + superscript(exponent);
        return sign + (mantissa.compareTo(BigDecimal.ONE) == 0 ? power : mantissa.toPlainString() + "×" + power);
    }

    static String superscript(int exponent) {
        StringBuilder sb = new StringBuilder(exponent < 0 ? "⁻" : "");
        for (char c : Integer.toString(Math.abs(exponent)).toCharArray()) {
            sb.append(SUPERSCRIPT.charAt(c - '0'));
        }
        return sb.toString();
    }

    /** How many significant digits a formatted number shows (the mantissa's, for a power of ten). */
    public static int significantDigits(String formatted) {
        String mantissa = formatted;
        if (formatted.contains("×")) {
            mantissa = formatted.substring(0, formatted.indexOf('×'));
        } else if (formatted.matches("−?10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+")) {
            mantissa = "1";
        }
        String digits = mantissa.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        if (!mantissa.contains(".")) {
            digits = digits.replaceFirst("0+$", "");
        }
        return digits.length();
    }
}
