package fitlab.report;

import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shortens the coordinates VectorGraphics2D writes ({@code 171.171875}) to tenths of a pixel. Every text on a chart
 * is drawn by XChart as glyph outlines, so an SVG is mostly coordinates; a tenth of a pixel is below what any
 * screen or projector shows. Only path data and the geometry attributes of shapes are touched, never transforms.
 *
 * <p>A long data line reaches the SVG as one path of cubic segments (see {@link Lines#LONG_LINE}); between points at
 * most two pixels apart such a segment is drawn exactly like the straight one, so a stroked path made only of cubic
 * segments is written as a polyline of its end points, without the points inside a horizontal run (a third of the
 * size). Glyph outlines are filled, never stroked, and are left as they are.
 */
final class SvgCompaction {
    private static final Pattern GEOMETRY = Pattern.compile("( (?:d|x|y|x1|y1|x2|y2|cx|cy|rx|ry|width|height|points)=\")([^\"]*)(\")");
    private static final Pattern LONG_DECIMAL = Pattern.compile("(-?\\d+\\.\\d)\\d+(?![\\dEe])");

    private SvgCompaction() {}

    private static final String PATH = "<path d=\"";
    private static final String STROKED = "\" style=\"fill:none;";

    static byte[] compact(byte[] svg) {
        String text = polylines(new String(svg, StandardCharsets.UTF_8));
        Matcher m = GEOMETRY.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (m.find()) {
            String value = LONG_DECIMAL.matcher(m.group(2)).replaceAll("$1");
            m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + value + m.group(3)));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    static String polylines(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int at = 0;
        while (true) {
            int open = text.indexOf(PATH, at);
            if (open < 0) {
                break;
            }
            int start = open + PATH.length(), end = text.indexOf('"', start);
            String d = text.substring(start, end);
            out.append(text, at, start);
            boolean curves = text.startsWith(STROKED, end) && d.startsWith("M") && d.contains(" C") && d.matches("[-0-9.,MC ]+");
            out.append(curves ? polyline(d) : d);
            at = end;
        }
        out.append(text, at, text.length());
        return out.toString();
    }

    /** "M p C c1 c2 p1 C ..." as "M p L p1 ...", dropping points in the middle of a horizontal run. */
    static String polyline(String d) {
        String[] parts = d.substring(1).split(" C");
        java.util.List<String> points = new java.util.ArrayList<>();
        points.add(parts[0].trim());
        for (int i = 1; i < parts.length; i++) {
            String[] coords = parts[i].trim().split(" ");
            points.add(coords[coords.length - 1]);
        }
        StringBuilder sb = new StringBuilder("M").append(points.get(0));
        for (int i = 1; i < points.size(); i++) {
            boolean inRun = i + 1 < points.size() && y(points.get(i - 1)).equals(y(points.get(i))) && y(points.get(i)).equals(y(points.get(i + 1)));
            if (!inRun) {
                sb.append(" L").append(points.get(i));
            }
        }
        return sb.toString();
    }

    private static String y(String point) {
        return point.substring(point.indexOf(',') + 1);
    }
}
