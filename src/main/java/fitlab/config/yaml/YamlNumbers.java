package fitlab.config.yaml;

import java.math.BigInteger;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The numbers YAML writes that Java's parsers do not read: {@code .nan}, {@code .inf}, {@code -.Inf} (YAML's own
 * spellings, which then fail a range check with their position instead of crashing the parser), {@code 1_000},
 * {@code 0x1F}, {@code 0o17}, {@code +5}.
 */
public final class YamlNumbers {
    private YamlNumbers() {}

    /** The value of a YAML integer or float scalar; empty when the text is no number at all. */
    public static OptionalDouble decimal(String text) {
        String t = text.trim().replace("_", "");
        String lower = t.toLowerCase(Locale.ROOT);
        switch (lower) {
            case ".nan" -> {
                return OptionalDouble.of(Double.NaN);
            }
            case ".inf", "+.inf" -> {
                return OptionalDouble.of(Double.POSITIVE_INFINITY);
            }
            case "-.inf" -> {
                return OptionalDouble.of(Double.NEGATIVE_INFINITY);
            }
            default -> {
                // falls through to the integer and decimal forms
            }
        }
        OptionalLong whole = integer(text);
        if (whole.isPresent()) {
            return OptionalDouble.of(whole.getAsLong());
        }
        if (lower.startsWith("0x") || lower.startsWith("0o") || lower.contains("infinity") || lower.contains("nan")
                || lower.endsWith("d") || lower.endsWith("f")) {
            return OptionalDouble.empty(); // Java would read "Infinity", "1d", "1f"; YAML does not
        }
        try {
            return OptionalDouble.of(Double.parseDouble(t));
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }

    /** The value of a YAML integer scalar; empty when it is not one or does not fit a long. */
    public static OptionalLong integer(String text) {
        String t = text.trim().replace("_", "");
        int sign = 1;
        if (t.startsWith("+") || t.startsWith("-")) {
            sign = t.startsWith("-") ? -1 : 1;
            t = t.substring(1);
        }
        int radix = 10;
        String lower = t.toLowerCase(Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            t = t.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            t = t.substring(2);
        }
        if (t.isEmpty() || !t.chars().allMatch(c -> Character.digit(c, 16) >= 0 && Character.digit(c, 16) < 16)) {
            return OptionalLong.empty();
        }
        try {
            BigInteger v = new BigInteger(t, radix);
            if (sign < 0) {
                v = v.negate();
            }
            return v.bitLength() < 64 ? OptionalLong.of(v.longValue()) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Whether an integer scalar is too large for a long (it is a number, just not one fitlab can hold). */
    public static boolean isHugeInteger(String text) {
        String t = text.trim().replace("_", "");
        return integer(text).isEmpty() && t.matches("[+-]?\\d+");
    }
}
