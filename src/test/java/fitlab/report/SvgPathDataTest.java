package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Relative path data draws exactly the points of the absolute data it replaces. */
class SvgPathDataTest {

    @Test
    void aGlyphLikePathBecomesShorterAndDrawsTheSamePoints() {
        String d = "M-15.9,-18.7 Q-18.1,-19.9 -19.1,-21.6 L0.0,-32 L0.0,-28.8 C1,2 3.5,4 5,6 Z M-10.7,-55.3 L-9.1,-55.3 Z";
        String r = SvgPathData.relative(d);
        assertTrue(r.length() < d.length(), r);
        assertEquals(absolute(d), absolute(r), r);
        assertEquals("m-15.9-18.7q-2.2-1.2-3.2-2.9l19.1-10.4,0,3.2c1,30.8,3.5,32.8,5,34.8zm5.2-36.6l1.6,0z", r);
    }

    @Test
    void randomPathsRoundTripExactly() {
        Random random = new Random(11);
        String[] commands = {"M", "L", "Q", "C", "Z"};
        int[] arity = {2, 2, 4, 6, 0};
        for (int trial = 0; trial < 2000; trial++) {
            StringBuilder d = new StringBuilder("M").append(number(random)).append(',').append(number(random));
            int n = 1 + random.nextInt(30);
            boolean closed = false;
            for (int i = 0; i < n; i++) {
                int c = closed ? 0 : random.nextInt(commands.length);
                d.append(' ').append(commands[c]);
                for (int k = 0; k < arity[c]; k++) {
                    d.append(k == 0 ? "" : k % 2 == 1 ? "," : " ").append(number(random));
                }
                closed = c == 4;
            }
            String r = SvgPathData.relative(d.toString());
            assertEquals(absolute(d.toString()), absolute(r), d + " -> " + r);
        }
    }

    @Test
    void dataNotInTenthsOrWithOtherCommandsIsLeftAsItIs() {
        assertEquals("M1.25,3 L4,5", SvgPathData.relative("M1.25,3 L4,5"));
        assertEquals("M1,3 A1,1 0 0 1 4,5", SvgPathData.relative("M1,3 A1,1 0 0 1 4,5"));
        assertEquals("M1,3 L4", SvgPathData.relative("M1,3 L4"));
        assertEquals("M1.,3", SvgPathData.relative("M1.,3"));
        assertEquals("M-,3", SvgPathData.relative("M-,3"));
        // more digits than a long holds in tenths: left as it is (the regex-based version threw here)
        assertEquals("M123456789012345678901,2", SvgPathData.relative("M123456789012345678901,2"));
    }

    @Test
    void onlyThePathDataOfAnSvgIsRewritten() {
        String svg = "<svg><path d=\"M10,20 L11,22 Z\" fill=\"#fff\"/><text x=\"1\"> d=</text><path d=\"M1,3 A1,1 0 0 1 4,5\"/></svg>";
        assertEquals("<svg><path d=\"m10,20l1,2z\" fill=\"#fff\"/><text x=\"1\"> d=</text><path d=\"M1,3 A1,1 0 0 1 4,5\"/></svg>",
                new String(SvgPathData.relative(svg.getBytes(java.nio.charset.StandardCharsets.UTF_8)), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void tenthsAreWrittenShortest() {
        assertEquals("1.5", SvgPathData.tenths(15));
        assertEquals("-.3", SvgPathData.tenths(-3));
        assertEquals("2", SvgPathData.tenths(20));
        assertEquals("0", SvgPathData.tenths(0));
        assertEquals("-12.7", SvgPathData.tenths(-127));
    }

    private static String number(Random random) {
        long t = random.nextInt(40001) - 20000;
        return SvgPathData.tenths(t).replace("-.", "-0.").replaceAll("^\\.", "0.");
    }

    private static final Pattern TOKEN = Pattern.compile("[MLQCZmlqcz]|-?(?:\\d+(?:\\.\\d*)?|\\.\\d+)");

    /** The absolute points, in tenths, an SVG renderer reads from path data: one "command x y ..." entry per segment. */
    static List<String> absolute(String d) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(d);
        List<String> tokens = new ArrayList<>();
        while (m.find()) {
            tokens.add(m.group());
        }
        long x = 0, y = 0, sx = 0, sy = 0;
        char command = 0;
        int i = 0;
        while (i < tokens.size()) {
            String t = tokens.get(i);
            if (Character.isLetter(t.charAt(0))) {
                command = t.charAt(0);
                i++;
                if (Character.toUpperCase(command) == 'Z') {
                    out.add("Z");
                    x = sx;
                    y = sy;
                    continue;
                }
            } else if (command == 'm' || command == 'M') {
                command = command == 'm' ? 'l' : 'L';
            }
            char upper = Character.toUpperCase(command);
            int arity = upper == 'Q' ? 4 : upper == 'C' ? 6 : 2;
            boolean relative = Character.isLowerCase(command);
            StringBuilder entry = new StringBuilder(String.valueOf(upper == 'M' ? 'M' : upper));
            long lastX = x, lastY = y;
            for (int k = 0; k < arity; k++) {
                long v = Math.round(Double.parseDouble(tokens.get(i + k)) * 10);
                long abs = relative ? v + (k % 2 == 0 ? x : y) : v;
                entry.append(' ').append(abs);
                if (k == arity - 2) {
                    lastX = abs;
                } else if (k == arity - 1) {
                    lastY = abs;
                }
            }
            x = lastX;
            y = lastY;
            if (upper == 'M') {
                sx = x;
                sy = y;
            }
            out.add(entry.toString());
            i += arity;
        }
        return out;
    }
}
