package fitlab.report;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the path data of an SVG written on {@link CompactGraphics} with relative commands: {@code
 * Q-18.1,-19.9 -19.1,-21.6} becomes {@code q-1-1.2-2-2.9}. Every text of a chart is a glyph outline whose points lie
 * close together, so offsets are a few characters where absolute positions are six; a chart's SVG is a third
 * smaller and draws the same points: the coordinates are tenths, and the offsets are computed in whole tenths, so
 * nothing is rounded on the way. Path data that is not in tenths, or uses a command VectorGraphics2D does not write,
 * is left as it is.
 */
final class SvgPathData {
    private static final Pattern PATH_DATA = Pattern.compile(" d=\"([^\"]*)\"");
    private static final Pattern TOKEN = Pattern.compile("[MLQCZ]|-?\\d+(?:\\.\\d)?|[ ,]+");

    private SvgPathData() {}

    /** The SVG with every path's data in relative form. */
    static byte[] relative(byte[] svg) {
        String text = new String(svg, StandardCharsets.UTF_8);
        Matcher m = PATH_DATA.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(" d=\"" + relative(m.group(1)) + "\""));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One path's data ("M x,y L x,y Q ... Z", absolute, tenths) in relative form, or as it is when it is not that. */
    static String relative(String d) {
        List<Object> tokens = tokens(d);
        if (tokens == null) {
            return d;
        }
        StringBuilder out = new StringBuilder(d.length() / 2);
        long x = 0, y = 0, startX = 0, startY = 0;
        char written = 0;
        int i = 0;
        while (i < tokens.size()) {
            if (!(tokens.get(i) instanceof Character command)) {
                return d;
            }
            i++;
            if (command == 'Z') {
                out.append('z');
                written = 'z';
                x = startX;
                y = startY;
                continue;
            }
            int arity = command == 'Q' ? 4 : command == 'C' ? 6 : 2;
            boolean first = true;
            // a command's numbers may repeat it ("L 1,2 3,4"); a repeated M is a line to, as in SVG itself
            while (i < tokens.size() && tokens.get(i) instanceof Long) {
                if (i + arity > tokens.size()) {
                    return d;
                }
                char c = Character.toLowerCase(command == 'M' && !first ? 'L' : command);
                if (c != written || c == 'm') {
                    out.append(c);
                    written = c;
                } else {
                    separate(out, (Long) tokens.get(i) - x);
                }
                for (int k = 0; k < arity; k++) {
                    if (!(tokens.get(i + k) instanceof Long v)) {
                        return d;
                    }
                    long offset = v - (k % 2 == 0 ? x : y);
                    if (k > 0) {
                        separate(out, offset);
                    }
                    out.append(tenths(offset));
                }
                x = (Long) tokens.get(i + arity - 2);
                y = (Long) tokens.get(i + arity - 1);
                if (c == 'm') {
                    startX = x;
                    startY = y;
                }
                i += arity;
                first = false;
            }
            if (first) {
                return d;
            }
        }
        return out.toString();
    }

    /** A minus sign separates numbers by itself; anything else needs a comma. */
    private static void separate(StringBuilder out, long next) {
        if (next >= 0) {
            out.append(',');
        }
    }

    /** Commands as Characters and numbers as Longs (in tenths), or null when the data is not in tenths. */
    private static List<Object> tokens(String d) {
        List<Object> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(d);
        int at = 0;
        while (m.find()) {
            if (m.start() != at) {
                return null;
            }
            at = m.end();
            String t = m.group();
            char c = t.charAt(0);
            if (c == ' ' || c == ',') {
                continue;
            }
            if (Character.isLetter(c)) {
                tokens.add(c);
            } else {
                int dot = t.indexOf('.');
                long whole = Long.parseLong(dot < 0 ? t : t.substring(0, dot));
                long tenth = dot < 0 ? 0 : t.charAt(dot + 1) - '0';
                boolean negative = t.startsWith("-");
                tokens.add(whole * 10 + (negative ? -tenth : tenth));
            }
        }
        return at == d.length() ? tokens : null;
    }

    /** Tenths as the shortest SVG number: 15 → 1.5, -3 → -.3, 20 → 2. */
    static String tenths(long t) {
        long a = Math.abs(t);
        String sign = t < 0 ? "-" : "";
        if (a % 10 == 0) {
            return sign + a / 10;
        }
        return sign + (a >= 10 ? Long.toString(a / 10) : "") + "." + a % 10;
    }
}
