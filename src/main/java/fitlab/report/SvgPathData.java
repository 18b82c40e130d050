package fitlab.report;

import java.nio.charset.StandardCharsets;

/**
 * Rewrites the path data of an SVG written on {@link CompactGraphics} with relative commands: {@code
 * Q-18.1,-19.9 -19.1,-21.6} becomes {@code q-1-1.2-2-2.9}. Every text of a chart is a glyph outline whose points lie
 * close together, so offsets are a few characters where absolute positions are six; a chart's SVG is a third
 * smaller and draws the same points: the coordinates are tenths, and the offsets are computed in whole tenths, so
 * nothing is rounded on the way. Path data that is not in tenths, or uses a command VectorGraphics2D does not write,
 * is left as it is.
 */
final class SvgPathData {
    private static final String ATTRIBUTE = " d=\"";

    private SvgPathData() {}

    /** The SVG with every path's data in relative form. */
    static byte[] relative(byte[] svg) {
        // scanned by hand, not by regular expressions: this ran over every chart's SVG (a third of a megabyte of
        // glyph outlines each) and was 40 % of writing the SVGs
        String text = new String(svg, StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(text.length());
        Tokens tokens = new Tokens();
        int at = 0;
        for (int found = text.indexOf(ATTRIBUTE); found >= 0; found = text.indexOf(ATTRIBUTE, at)) {
            int from = found + ATTRIBUTE.length();
            int end = text.indexOf('"', from);
            if (end < 0) {
                break;
            }
            out.append(text, at, from);
            relative(text, from, end, tokens, out);
            at = end;
        }
        out.append(text, at, text.length());
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** One path's data ("M x,y L x,y Q ... Z", absolute, tenths) in relative form, or as it is when it is not that. */
    static String relative(String d) {
        StringBuilder out = new StringBuilder(d.length());
        relative(d, 0, d.length(), new Tokens(), out);
        return out.toString();
    }

    /** Appends {@code text[from, end)} to {@code out} in relative form, or as it is when it is not that. */
    private static void relative(String text, int from, int end, Tokens tokens, StringBuilder out) {
        int mark = out.length();
        if (!tokens.scan(text, from, end) || !write(tokens, out)) {
            out.setLength(mark);
            out.append(text, from, end);
        }
    }

    /** Writes the scanned path in relative form; false (leaving {@code out} to be reset) when it is not a path of tenths. */
    private static boolean write(Tokens tokens, StringBuilder out) {
        long x = 0, y = 0, startX = 0, startY = 0;
        char written = 0;
        int i = 0;
        int n = tokens.size;
        while (i < n) {
            char command = tokens.commands[i];
            if (command == 0) {
                return false;
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
            while (i < n && tokens.commands[i] == 0) {
                if (i + arity > n) {
                    return false;
                }
                char c = Character.toLowerCase(command == 'M' && !first ? 'L' : command);
                if (c != written || c == 'm') {
                    out.append(c);
                    written = c;
                } else {
                    separate(out, tokens.numbers[i] - x);
                }
                for (int k = 0; k < arity; k++) {
                    if (tokens.commands[i + k] != 0) {
                        return false;
                    }
                    long offset = tokens.numbers[i + k] - (k % 2 == 0 ? x : y);
                    if (k > 0) {
                        separate(out, offset);
                    }
                    appendTenths(out, offset);
                }
                x = tokens.numbers[i + arity - 2];
                y = tokens.numbers[i + arity - 1];
                if (c == 'm') {
                    startX = x;
                    startY = y;
                }
                i += arity;
                first = false;
            }
            if (first) {
                return false;
            }
        }
        return true;
    }

    /** A minus sign separates numbers by itself; anything else needs a comma. */
    private static void separate(StringBuilder out, long next) {
        if (next >= 0) {
            out.append(',');
        }
    }

    /**
     * A path's tokens, reused from path to path: at each index a command letter (M, L, Q, C, Z), or 0 and a number
     * in tenths. Numbers are {@code -?digits(.digit)?}; tokens are separated by runs of spaces and commas.
     */
    private static final class Tokens {
        char[] commands = new char[256];
        long[] numbers = new long[256];
        int size;

        /** False when {@code text[from, end)} holds anything else (a number not in tenths, another command). */
        boolean scan(String text, int from, int end) {
            size = 0;
            int i = from;
            while (i < end) {
                char c = text.charAt(i);
                if (c == ' ' || c == ',') {
                    i++;
                } else if (c == 'M' || c == 'L' || c == 'Q' || c == 'C' || c == 'Z') {
                    add(c, 0);
                    i++;
                } else {
                    boolean negative = c == '-';
                    int digits = negative ? i + 1 : i;
                    int j = digits;
                    long whole = 0;
                    while (j < end && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                        whole = whole * 10 + (text.charAt(j) - '0');
                        j++;
                    }
                    if (j == digits || j - digits > 17) {
                        return false; // no digits (a stray '-' or another letter), or beyond a long's tenths
                    }
                    long tenth = 0;
                    if (j < end && text.charAt(j) == '.') {
                        if (j + 1 >= end || text.charAt(j + 1) < '0' || text.charAt(j + 1) > '9') {
                            return false;
                        }
                        tenth = text.charAt(j + 1) - '0';
                        j += 2;
                        if (j < end && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                            return false; // hundredths: not a coordinate in tenths
                        }
                    }
                    long tenths = whole * 10 + tenth;
                    add((char) 0, negative ? -tenths : tenths);
                    i = j;
                }
            }
            return true;
        }

        private void add(char command, long number) {
            if (size == commands.length) {
                commands = java.util.Arrays.copyOf(commands, size * 2);
                numbers = java.util.Arrays.copyOf(numbers, size * 2);
            }
            commands[size] = command;
            numbers[size] = number;
            size++;
        }
    }

    /** Tenths as the shortest SVG number: 15 → 1.5, -3 → -.3, 20 → 2. */
    static String tenths(long t) {
        StringBuilder sb = new StringBuilder(8);
        appendTenths(sb, t);
        return sb.toString();
    }

    private static void appendTenths(StringBuilder out, long t) {
        long a = Math.abs(t);
        if (t < 0) {
            out.append('-');
        }
        if (a % 10 == 0) {
            out.append(a / 10);
            return;
        }
        if (a >= 10) {
            out.append(a / 10);
        }
        out.append('.').append(a % 10);
    }
}
