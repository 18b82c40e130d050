package fitlab.report;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;
import org.knowm.xchart.style.XYStyler;

/**
 * Puts the legend inside the plot, in the corner the data leaves empty: outside the plot it would take a third of the
 * slide's width from the curves. When every corner holds data, the y axis is extended at the top (or bottom) just
 * enough for the legend to sit above (or below) the data in its corner; only when no extension within
 * {@link #MAX_EXTENSION} can free a corner (a curve leaves the plot through every corner) does the legend go where it
 * covers the least. Everything is measured in the axes' own (linear or logarithmic) coordinates.
 */
final class LegendPlacement {
    /** Tried in this order; the first of equally good corners wins (top right is where readers look for a legend). */
    static final List<LegendPosition> CORNERS = List.of(LegendPosition.InsideNE, LegendPosition.InsideNW,
            LegendPosition.InsideSE, LegendPosition.InsideSW);
    /** Samples per segment: a line crossing a corner counts even when none of its points lies inside. */
    private static final int SAMPLES = 24;
    /** The y range may grow by at most this share to make room (beyond it the data would be squeezed too flat). */
    static final double MAX_EXTENSION = 0.6;
    /** Space kept between the legend box and the data below or above it, as a share of the plot's height. */
    static final double GAP = 0.03;

    /** The legend's corner and the y range that leaves it room (the given range when no room had to be made). */
    record Placement(LegendPosition corner, double[] yRange) {}

    private LegendPlacement() {}

    static Placement place(XYChart chart, double[] xRange, double[] yRange) {
        double[] size = legendFraction(chart);
        Samples samples = samples(chart, xRange, yRange);
        LegendPosition roomiest = null;
        double least = Double.POSITIVE_INFINITY;
        for (LegendPosition p : CORNERS) {
            double e = extension(p, size, samples);
            if (e < least - 1e-9) {
                roomiest = p;
                least = e;
            }
        }
        if (least == 0) {
            return new Placement(roomiest, yRange);
        }
        if (least <= MAX_EXTENSION) {
            boolean log = chart.getStyler().isYAxisLogarithmic();
            return new Placement(roomiest, extended(yRange, least, north(roomiest), log));
        }
        return new Placement(emptiest(size, samples), yRange);
    }

    /**
     * How much the y range must grow (as a share of it) so that no data in the legend's column lies under the legend:
     * 0 when the corner is empty already, infinite when data in that column leaves the plot on the legend's side
     * (no extension moves a line that runs off the edge away from it).
     */
    static double extension(LegendPosition p, double[] size, Samples samples) {
        double[] box = box(p, size);
        boolean north = north(p);
        double room = 1 - size[1] - GAP;
        boolean covered = false;
        double need = 0;
        double[] xyw = samples.xyw;
        for (int i = 0; i < samples.count * 3; i += 3) {
            double sx = xyw[i], sy = xyw[i + 1];
            if (sx < box[0] || sx > box[1]) {
                continue; // not in the legend's column
            }
            if (beyond(sy, north)) {
                return Double.POSITIVE_INFINITY;
            }
            covered |= sy >= box[2] && sy <= box[3];
            // measured from the legend's edge of the plot, a sample at d moves to d / (1 + e): it must end below `room`
            double d = north ? sy : 1 - sy;
            need = Math.max(need, d / room - 1);
        }
        return !covered ? 0 : room <= 0 ? Double.POSITIVE_INFINITY : need;
    }

    private static boolean beyond(double ny, boolean north) {
        return north ? ny > 1 : ny < 0;
    }

    static double[] extended(double[] range, double e, boolean north, boolean log) {
        double lo = log ? Math.log10(range[0]) : range[0], hi = log ? Math.log10(range[1]) : range[1];
        double span = hi - lo;
        double[] out = north ? new double[] {lo, hi + e * span} : new double[] {lo - e * span, hi};
        return log ? new double[] {Math.pow(10, out[0]), Math.pow(10, out[1])} : out;
    }

    /** The corner under which the least of the drawn lines would lie. */
    private static LegendPosition emptiest(double[] size, Samples samples) {
        LegendPosition best = CORNERS.get(0);
        double bestScore = Double.POSITIVE_INFINITY;
        double[] xyw = samples.xyw;
        for (LegendPosition p : CORNERS) {
            double[] b = box(p, size);
            double score = 0;
            for (int i = 0; i < samples.count * 3; i += 3) {
                if (xyw[i] >= b[0] && xyw[i] <= b[1] && xyw[i + 1] >= b[2] && xyw[i + 1] <= b[3]) {
                    score += xyw[i + 2];
                }
            }
            if (score < bestScore - 1e-9) {
                best = p;
                bestScore = score;
            }
        }
        return best;
    }

    private static boolean north(LegendPosition p) {
        return p == LegendPosition.InsideNE || p == LegendPosition.InsideNW;
    }

    /** The legend's box in normalised plot coordinates: {x0, x1, y0, y1}. */
    static double[] box(LegendPosition p, double[] size) {
        boolean east = p == LegendPosition.InsideNE || p == LegendPosition.InsideSE;
        return new double[] {east ? 1 - size[0] : 0, east ? 1 : size[0], north(p) ? 1 - size[1] : 0, north(p) ? 1 : size[1]};
    }

    /** The legend's width and height as fractions of the plot (estimated from the fonts before XChart lays it out). */
    static double[] legendFraction(XYChart chart) {
        XYStyler s = chart.getStyler();
        Graphics2D g = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            Font f = s.getLegendFont();
            FontMetrics fm = g.getFontMetrics(f);
            int widest = 0, entries = 0;
            for (XYSeries series : chart.getSeriesCollection()) {
                if (series.isShowInLegend()) {
                    for (String line : series.getLabel().split("\n")) {
                        widest = Math.max(widest, fm.stringWidth(line));
                        entries++;
                    }
                }
            }
            double w = widest + 3 * s.getLegendPadding() + s.getLegendSeriesLineLength();
            double h = entries * (fm.getHeight() + s.getLegendPadding()) + s.getLegendPadding();
            double plotW = chart.getWidth() * 0.85, plotH = chart.getHeight() * 0.75;
            return new double[] {Math.min(1, w / plotW), Math.min(1, h / plotH)};
        } finally {
            g.dispose();
        }
    }

    /**
     * Every drawn point and {@link #SAMPLES} points along each line segment, as {normalised x, normalised y, weight}
     * (a segment's samples share one point's weight), in one flat array: a loss chart has tens of thousands of them,
     * and an array of three doubles each was most of the placement's time.
     */
    static final class Samples {
        private double[] xyw = new double[3 * 1024];
        private int count;

        void add(double x, double y, double weight) {
            if (3 * count + 3 > xyw.length) {
                xyw = java.util.Arrays.copyOf(xyw, 2 * xyw.length);
            }
            xyw[3 * count] = x;
            xyw[3 * count + 1] = y;
            xyw[3 * count + 2] = weight;
            count++;
        }
    }

    private static Samples samples(XYChart chart, double[] xr, double[] yr) {
        boolean logX = chart.getStyler().isXAxisLogarithmic(), logY = chart.getStyler().isYAxisLogarithmic();
        Samples out = new Samples();
        for (XYSeries series : chart.getSeriesCollection()) {
            double[] x = series.getXData(), y = series.getYData();
            boolean scatter = series.getXYSeriesRenderStyle().orElse(null) == XYSeries.XYSeriesRenderStyle.Scatter;
            // each point normalised once (it was once per sample of the segments on both sides)
            double[] nxs = new double[x.length], nys = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                nxs[i] = normalised(x[i], xr, logX);
                nys[i] = normalised(y[i], yr, logY);
            }
            for (int i = 0; i < x.length; i++) {
                int samples = scatter || i == x.length - 1 ? 1 : SAMPLES;
                for (int k = 0; k < samples; k++) {
                    double t = (double) k / samples;
                    double nx = nxs[i], ny = nys[i];
                    if (samples > 1) {
                        nx += t * (nxs[i + 1] - nx);
                        ny += t * (nys[i + 1] - ny);
                    }
                    if (Double.isFinite(nx) && Double.isFinite(ny)) {
                        out.add(nx, ny, 1.0 / samples);
                    }
                }
            }
        }
        return out;
    }

    static double normalised(double v, double[] range, boolean log) {
        if (log) {
            return v > 0 ? (Math.log10(v) - Math.log10(range[0])) / (Math.log10(range[1]) - Math.log10(range[0])) : -1;
        }
        return (v - range[0]) / (range[1] - range[0]);
    }
}
