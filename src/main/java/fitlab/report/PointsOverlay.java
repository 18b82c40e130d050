package fitlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Path2D;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Data points drawn over a heat map (XChart's heat map has no scatter series): each point at its data position on the
 * plot surface, filled with its class colour and outlined in black so it shows on any heat colour.
 *
 * @see DecisionBoundaryChart
 */
public final class PointsOverlay extends Annotation {
    private final double[] x;
    private final double[] y;
    private final int[] labels;
    private final double xMin;
    private final double xMax;
    private final double yMin;
    private final double yMax;
    private final int size;
    private final List<String> classNames;
    private final Font legendFont;
    private Rectangle2D legendBox;

    /** {@code xMin..xMax} and {@code yMin..yMax}: the data range the plot surface spans. */
    public PointsOverlay(double[] x, double[] y, int[] labels, double xMin, double xMax, double yMin, double yMax, int size) {
        this(x, y, labels, xMin, xMax, yMin, yMax, size, List.of(), null);
    }

    /** As above, with a legend of the classes ({@code classNames}, by class index) in the corner with fewest points. */
    public PointsOverlay(double[] x, double[] y, int[] labels, double xMin, double xMax, double yMin, double yMax, int size,
                         List<String> classNames, Font legendFont) {
        super(false);
        this.classNames = List.copyOf(classNames);
        this.legendFont = legendFont;
        this.x = x.clone();
        this.y = y.clone();
        this.labels = labels.clone();
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.size = size;
    }

    private static final int CIRCLE_SIDES = 8;
    private static final int OUTLINED_FROM = 14;

    public int count() {
        return x.length;
    }

    public int[] labels() {
        return labels.clone();
    }

    /** The class legend's box on the canvas at the last paint (null without a legend). */
    public Rectangle2D legendBox() {
        return legendBox;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        double left = getXAxisScreenValueForMin(), right = getXAxisScreenValueForMax();
        double top = getYAxisScreenValueForMax(), bottom = getYAxisScreenValueForMin();
        double lo = Math.min(top, bottom), hi = Math.max(top, bottom);
        g.setStroke(new BasicStroke(2f));
        // one path per class, filled then outlined: in SVG that is two elements per class instead of two per point
        java.util.TreeMap<Integer, Path2D.Double> byClass = new java.util.TreeMap<>();
        for (int i = 0; i < x.length; i++) {
            double sx = left + (x[i] - xMin) / (xMax - xMin) * (right - left);
            double sy = hi - (y[i] - yMin) / (yMax - yMin) * (hi - lo);
            byClass.computeIfAbsent(labels[i], k -> new Path2D.Double()).append(shape(labels[i], sx, sy), false);
        }
        byClass.forEach((label, path) -> {
            g.setColor(classColor(label));
            g.fill(path);
            // small markers (a panel of the small multiples) are not outlined: the outline would hide their colour
            if (size >= OUTLINED_FROM) {
                g.setColor(Color.BLACK);
                g.draw(path);
            }
        });
        legendBox = classNames.isEmpty() ? null : paintLegend(g, left, right, lo, hi);
    }

    /** A small legend of the classes (marker and name) in the plot corner that covers the fewest points. */
    private Rectangle2D paintLegend(Graphics2D g, double left, double right, double top, double bottom) {
        g.setFont(legendFont);
        FontMetrics fm = g.getFontMetrics();
        int pad = 8, row = Math.max(fm.getHeight(), size + 6);
        int w = 0;
        for (String n : classNames) {
            w = Math.max(w, fm.stringWidth(n));
        }
        double bw = w + size + 3 * pad, bh = classNames.size() * row + 2 * pad;
        Rectangle2D best = null;
        int fewest = Integer.MAX_VALUE;
        for (double[] corner : new double[][] {{right - bw - pad, top + pad}, {left + pad, top + pad},
                {right - bw - pad, bottom - bh - pad}, {left + pad, bottom - bh - pad}}) {
            Rectangle2D box = new Rectangle2D.Double(corner[0], corner[1], bw, bh);
            int inside = 0;
            for (int i = 0; i < x.length; i++) {
                if (box.contains(left + (x[i] - xMin) / (xMax - xMin) * (right - left), bottom - (y[i] - yMin) / (yMax - yMin) * (bottom - top))) {
                    inside++;
                }
            }
            if (inside < fewest) {
                fewest = inside;
                best = box;
            }
        }
        g.setColor(new Color(255, 255, 255, 230));
        g.fill(best);
        g.setColor(new Color(0xBBBBBB));
        g.draw(best);
        for (int k = 0; k < classNames.size(); k++) {
            double cy = best.getY() + pad + k * row + row / 2.0;
            Shape s = shape(k, best.getX() + pad + size / 2.0, cy);
            g.setColor(classColor(k));
            g.fill(s);
            g.setColor(Color.BLACK);
            g.draw(s);
            Glyphs.draw(g, classNames.get(k), best.getX() + 2 * pad + size, cy + fm.getAscent() / 2.0 - 2);
        }
        return best;
    }

    /**
     * Class 0 a circle, class 1 a triangle, further classes a diamond: shape tells classes apart without colour. The
     * circle is an 8-sided polygon, indistinguishable at marker size and a quarter of a curve's bytes in SVG.
     */
    private Shape shape(int label, double cx, double cy) {
        double r = size / 2.0;
        Path2D.Double p = new Path2D.Double();
        if (label == 0) {
            for (int i = 0; i < CIRCLE_SIDES; i++) {
                double a = 2 * Math.PI * i / CIRCLE_SIDES;
                if (i == 0) {
                    p.moveTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
                } else {
                    p.lineTo(cx + r * Math.cos(a), cy + r * Math.sin(a));
                }
            }
        } else if (label == 1) {
            p.moveTo(cx, cy - r);
            p.lineTo(cx + r, cy + r);
            p.lineTo(cx - r, cy + r);
        } else {
            p.moveTo(cx, cy - r);
            p.lineTo(cx + r, cy);
            p.lineTo(cx, cy + r);
            p.lineTo(cx - r, cy);
        }
        p.closePath();
        return p;
    }

    /** A point's colour: its class's hue, darker than any region painted in that hue, so it stands out on its own region. */
    static Color classColor(int label) {
        Color c = Palette.classColor(label);
        return new Color((int) (c.getRed() * POINT_SHADE), (int) (c.getGreen() * POINT_SHADE), (int) (c.getBlue() * POINT_SHADE));
    }

    static final double POINT_SHADE = 0.7;
}
