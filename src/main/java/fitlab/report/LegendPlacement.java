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
 * Puts the legend inside the plot, in the corner the data leaves emptiest: outside the plot it would take a third of
 * the slide's width from the curves. Each corner is scored by how much of the drawn lines would fall under a box of
 * the legend's size, in the axes' own (linear or logarithmic) coordinates.
 */
final class LegendPlacement {
    /** Tried in this order; the first of equally empty corners wins (top right is where readers look for a legend). */
    static final List<LegendPosition> CORNERS = List.of(LegendPosition.InsideNE, LegendPosition.InsideNW,
            LegendPosition.InsideSE, LegendPosition.InsideSW);
    /** Samples per segment: a line crossing a corner counts even when none of its points lies inside. */
    private static final int SAMPLES = 24;

    private LegendPlacement() {}

    static LegendPosition choose(XYChart chart, double[] xRange, double[] yRange) {
        double[] size = legendFraction(chart);
        LegendPosition best = CORNERS.get(0);
        double bestScore = Double.POSITIVE_INFINITY;
        for (LegendPosition p : CORNERS) {
            double score = occupancy(chart, p, size, xRange, yRange);
            if (score < bestScore - 1e-9) {
                best = p;
                bestScore = score;
            }
        }
        return best;
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

    private static double occupancy(XYChart chart, LegendPosition p, double[] size, double[] xr, double[] yr) {
        boolean east = p == LegendPosition.InsideNE || p == LegendPosition.InsideSE;
        boolean north = p == LegendPosition.InsideNE || p == LegendPosition.InsideNW;
        double x0 = east ? 1 - size[0] : 0, x1 = east ? 1 : size[0];
        double y0 = north ? 1 - size[1] : 0, y1 = north ? 1 : size[1];
        boolean logX = chart.getStyler().isXAxisLogarithmic(), logY = chart.getStyler().isYAxisLogarithmic();
        double hits = 0;
        for (XYSeries series : chart.getSeriesCollection()) {
            double[] x = series.getXData(), y = series.getYData();
            boolean scatter = series.getXYSeriesRenderStyle().orElse(null) == XYSeries.XYSeriesRenderStyle.Scatter;
            for (int i = 0; i < x.length; i++) {
                int samples = scatter || i == x.length - 1 ? 1 : SAMPLES;
                for (int k = 0; k < samples; k++) {
                    double t = (double) k / samples;
                    double xv = i + 1 < x.length && !scatter ? x[i] + t * (x[i + 1] - x[i]) : x[i];
                    double yv = i + 1 < x.length && !scatter ? y[i] + t * (y[i + 1] - y[i]) : y[i];
                    double nx = normalised(xv, xr, logX), ny = normalised(yv, yr, logY);
                    if (nx >= x0 && nx <= x1 && ny >= y0 && ny <= y1) {
                        hits += 1.0 / samples;
                    }
                }
            }
        }
        return hits;
    }

    static double normalised(double v, double[] range, boolean log) {
        if (log) {
            return v > 0 ? (Math.log10(v) - Math.log10(range[0])) / (Math.log10(range[1]) - Math.log10(range[0])) : -1;
        }
        return (v - range[0]) / (range[1] - range[0]);
    }
}
