package fitlab.report;

import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * The VectorGraphics2D every SVG chart and every slide is painted on: it writes what a screen or a projector can show
 * and no more. The library writes each coordinate as Java prints the double ({@code 53.119791666666664}); XChart draws
 * every text as glyph outlines, so a chart is mostly coordinates, and a slide deck of lesson 01 was 4.3 MB of them.
 *
 * <ul>
 *   <li>Every coordinate of a shape is rounded to {@link #STEPS_PER_UNIT tenths} of a drawing unit (a chart pixel;
 *       a slide's point). Transforms are left as they are.
 *   <li>A long data line reaches the writer as one path of cubic segments between points at most a few pixels apart
 *       (see {@link Lines#LONG_LINE}): such a segment looks exactly like the straight one, so a stroked path made only
 *       of cubic segments is drawn as the polyline of its end points, without the points inside a horizontal run.
 *       Glyph outlines are filled, never stroked, and keep their curves.
 * </ul>
 */
class CompactGraphics extends ResolvedFontGraphics {
    /** Coordinates are written in multiples of 1 / STEPS_PER_UNIT of a drawing unit. */
    static final double STEPS_PER_UNIT = 10;

    private final boolean quadsAsCubics;

    /** For SVG, which has quadratic segments. */
    CompactGraphics() {
        this(false);
    }

    /**
     * @param quadsAsCubics true for PDF, which has no quadratic segment: the writer would turn each glyph's quadratic
     *                      curves into cubics itself, with control points at thirds ({@code 197.33333333333334}),
     *                      most of a slide's bytes and of the time to format them. Converted here, and rounded.
     */
    CompactGraphics(boolean quadsAsCubics) {
        this.quadsAsCubics = quadsAsCubics;
    }

    /**
     * The commands painted so far, as a copy that nothing changes any more. A graphics that is never disposed is
     * disposed by its finalizer ({@code java.awt.Graphics.finalize}), which appends a command to the live list from
     * the finalizer thread, at any time after the graphics is unreachable: while a writer walked the live list, that
     * was a ConcurrentModificationException.
     */
    de.erichseifert.vectorgraphics2d.intermediate.CommandSequence drawing() {
        de.erichseifert.vectorgraphics2d.intermediate.MutableCommandSequence copy =
                new de.erichseifert.vectorgraphics2d.intermediate.MutableCommandSequence();
        getCommands().forEach(copy::add);
        java.lang.ref.Reference.reachabilityFence(this);
        return copy;
    }

    @Override
    public void draw(Shape s) {
        if (!invisible()) {
            super.draw(compact(s, true, quadsAsCubics));
        }
    }

    @Override
    public void fill(Shape s) {
        if (!invisible()) {
            super.fill(compact(s, false, quadsAsCubics));
        }
    }

    /** A fully transparent paint draws nothing: leaving its shapes out changes no pixel (see {@link SlideChart}). */
    private boolean invisible() {
        return getPaint() instanceof java.awt.Color c && c.getAlpha() == 0;
    }

    @Override
    public void clip(Shape s) {
        super.clip(s instanceof Rectangle2D r ? rounded(r) : s);
    }

    @Override
    public void setClip(Shape s) {
        super.setClip(s instanceof Rectangle2D r ? rounded(r) : s);
    }

    static double round(double v) {
        // + 0.0 turns -0.0 into 0.0, which prints shorter and means the same
        return Math.round(v * STEPS_PER_UNIT) / STEPS_PER_UNIT + 0.0;
    }

    /** The shape as it is written: rounded, and a stroked all-cubic path as its polyline. */
    static Shape compact(Shape s, boolean stroked) {
        return compact(s, stroked, false);
    }

    /** As {@link #compact(Shape, boolean)}, each quadratic segment as the same curve in cubic form if asked. */
    static Shape compact(Shape s, boolean stroked, boolean quadsAsCubics) {
        if (s instanceof Rectangle2D r) {
            return rounded(r);
        }
        if (s instanceof Line2D l) {
            return new Line2D.Double(round(l.getX1()), round(l.getY1()), round(l.getX2()), round(l.getY2()));
        }
        if (!(s instanceof Path2D)) {
            return s;
        }
        List<double[]> segments = new ArrayList<>();
        List<Integer> types = new ArrayList<>();
        boolean onlyCubics = true;
        double[] c = new double[6];
        PathIterator it = s.getPathIterator(null);
        int rule = it.getWindingRule();
        double x = 0, y = 0, startX = 0, startY = 0; // the current point and the subpath's start, as written
        for (; !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            onlyCubics &= types.isEmpty() ? type == PathIterator.SEG_MOVETO : type == PathIterator.SEG_CUBICTO;
            if (quadsAsCubics && type == PathIterator.SEG_QUADTO) {
                // the same curve: control points two thirds of the way from each end point to the quadratic's one
                c[4] = c[2];
                c[5] = c[3];
                c[2] = c[4] + 2.0 / 3 * (c[0] - c[4]);
                c[3] = c[5] + 2.0 / 3 * (c[1] - c[5]);
                c[0] = x + 2.0 / 3 * (c[0] - x);
                c[1] = y + 2.0 / 3 * (c[1] - y);
                type = PathIterator.SEG_CUBICTO;
            }
            double[] points = new double[points(type)];
            for (int i = 0; i < points.length; i++) {
                points[i] = round(c[i]);
            }
            if (type == PathIterator.SEG_CLOSE) {
                x = startX;
                y = startY;
            } else {
                x = points[points.length - 2];
                y = points[points.length - 1];
                if (type == PathIterator.SEG_MOVETO) {
                    startX = x;
                    startY = y;
                }
            }
            types.add(type);
            segments.add(points);
        }
        return stroked && onlyCubics && types.size() > 1 ? polyline(segments, rule) : path(types, segments, rule);
    }

    private static Rectangle2D rounded(Rectangle2D r) {
        return new Rectangle2D.Double(round(r.getX()), round(r.getY()), round(r.getWidth()), round(r.getHeight()));
    }

    private static int points(int segmentType) {
        return switch (segmentType) {
            case PathIterator.SEG_MOVETO, PathIterator.SEG_LINETO -> 2;
            case PathIterator.SEG_QUADTO -> 4;
            case PathIterator.SEG_CUBICTO -> 6;
            default -> 0;
        };
    }

    private static Path2D path(List<Integer> types, List<double[]> segments, int rule) {
        Path2D.Double p = new Path2D.Double(rule, types.size());
        for (int i = 0; i < types.size(); i++) {
            double[] v = segments.get(i);
            switch (types.get(i)) {
                case PathIterator.SEG_MOVETO -> p.moveTo(v[0], v[1]);
                case PathIterator.SEG_LINETO -> p.lineTo(v[0], v[1]);
                case PathIterator.SEG_QUADTO -> p.quadTo(v[0], v[1], v[2], v[3]);
                case PathIterator.SEG_CUBICTO -> p.curveTo(v[0], v[1], v[2], v[3], v[4], v[5]);
                default -> p.closePath();
            }
        }
        return p;
    }

    /** The end points of "move, cubic, cubic, ..." joined by straight lines; a point inside a horizontal run goes. */
    private static Path2D polyline(List<double[]> segments, int rule) {
        int n = segments.size();
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            double[] v = segments.get(i);
            x[i] = v[v.length - 2];
            y[i] = v[v.length - 1];
        }
        Path2D.Double p = new Path2D.Double(rule, n);
        p.moveTo(x[0], y[0]);
        for (int i = 1; i < n; i++) {
            boolean insideFlatRun = i + 1 < n && y[i - 1] == y[i] && y[i] == y[i + 1];
            if (!insideFlatRun) {
                p.lineTo(x[i], y[i]);
            }
        }
        return p;
    }
}
