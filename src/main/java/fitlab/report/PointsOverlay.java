package fitlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
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

    /** {@code xMin..xMax} and {@code yMin..yMax}: the data range the plot surface spans. */
    public PointsOverlay(double[] x, double[] y, int[] labels, double xMin, double xMax, double yMin, double yMax, int size) {
        super(false);
        this.x = x.clone();
        this.y = y.clone();
        this.labels = labels.clone();
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
        this.size = size;
    }

    public int count() {
        return x.length;
    }

    public int[] labels() {
        return labels.clone();
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
        for (int i = 0; i < x.length; i++) {
            double sx = left + (x[i] - xMin) / (xMax - xMin) * (right - left);
            double sy = hi - (y[i] - yMin) / (yMax - yMin) * (hi - lo);
            Shape s = shape(labels[i], sx, sy);
            g.setColor(classColor(labels[i]));
            g.fill(s);
            g.setColor(Color.BLACK);
            g.draw(s);
        }
    }

    /** Class 0 a circle, class 1 a triangle, further classes a diamond: shape tells classes apart without colour. */
    private Shape shape(int label, double cx, double cy) {
        double r = size / 2.0;
        if (label == 0) {
            return new Ellipse2D.Double(cx - r, cy - r, size, size);
        }
        Path2D.Double p = new Path2D.Double();
        if (label == 1) {
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

    static Color classColor(int label) {
        return switch (label) {
            case 0 -> Palette.CLASS_0;
            case 1 -> Palette.CLASS_1;
            default -> Palette.HIGHLIGHT;
        };
    }
}
