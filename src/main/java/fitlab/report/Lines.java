package fitlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.Marker;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Adds series in the house style: every series gets its colour and stroke here, never XChart's defaults. */
final class Lines {
    private Lines() {}

    /**
     * Lines longer than this are thinned per pixel column ({@link Decimation}) and drawn as one path: XChart draws a
     * plain line segment by segment, which is one SVG element per segment, while a smooth line is a single path (its
     * curve between points a pixel apart looks exactly like the straight segment).
     */
    static final int LONG_LINE = 200;

    static XYSeries line(XYChart chart, String name, double[] x, double[] y, Color color, BasicStroke stroke) {
        boolean longLine = x.length > LONG_LINE && ascending(x);
        double[][] drawn = longLine ? Decimation.perColumn(x, y, pixelColumns(chart)) : new double[][] {x, y};
        XYSeries s = chart.addSeries(name, drawn[0], drawn[1]);
        s.setSmooth(longLine);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.NONE);
        return s;
    }

    /**
     * The columns a long line is thinned to: one per {@link #COLUMN_PX} pixels of a full-width plot of {@code chart}.
     * Two pixels is less than half the width of a measured curve's stroke, so what a column keeps (where the line
     * enters and leaves it, how high and low it reaches) is all the stroke can show.
     */
    static int pixelColumns(XYChart chart) {
        return (int) Math.round(chart.getWidth() * PLOT_WIDTH_FRACTION / COLUMN_PX);
    }

    static final int COLUMN_PX = 2;

    /** The plot's share of the canvas width once the legend is inside the plot (the layout test asserts at least 0.7). */
    static final double PLOT_WIDTH_FRACTION = 0.85;

    static boolean ascending(double[] x) {
        for (int i = 1; i < x.length; i++) {
            if (!(x[i] >= x[i - 1])) {
                return false;
            }
        }
        return true;
    }

    /** A measured curve with a dot on each measured point and, when given, ± error bars. */
    static XYSeries measured(XYChart chart, String name, double[] x, double[] y, double[] errors, Color color) {
        XYSeries s = errors == null ? chart.addSeries(name, x, y) : chart.addSeries(name, x, y, errors);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        s.setLineColor(color);
        s.setLineStyle(HouseStyle.SOLID);
        s.setMarker(SeriesMarkers.CIRCLE);
        s.setMarkerColor(color);
        return s;
    }

    static XYSeries points(XYChart chart, String name, double[] x, double[] y, Color color, Marker marker) {
        XYSeries s = chart.addSeries(name, x, y);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        s.setMarker(marker);
        s.setMarkerColor(color);
        return s;
    }

    /** A vertical line at {@code x} from {@code y0} to {@code y1}, named in the legend. */
    static XYSeries vertical(XYChart chart, String name, double x, double y0, double y1, Color color, BasicStroke stroke) {
        return line(chart, name, new double[] {x, x}, new double[] {y0, y1}, color, stroke);
    }

    /** A marker line whose name is written at its top ({@code top}) instead of in the legend. */
    static XYSeries marker(XYChart chart, TopLabels top, String name, double x, double y0, double y1, Color color, BasicStroke stroke) {
        XYSeries s = vertical(chart, name, x, y0, y1, color, stroke);
        s.setShowInLegend(false);
        top.add(x, name, TopLabels.Anchor.BESIDE_LINE);
        return s;
    }

    /** A horizontal line at {@code y} from {@code x0} to {@code x1}. */
    static XYSeries horizontal(XYChart chart, String name, double y, double x0, double x1, Color color, BasicStroke stroke) {
        return line(chart, name, new double[] {x0, x1}, new double[] {y, y}, color, stroke);
    }

    /**
     * The top of a log axis that leaves {@code rows} label rows (about 4.5 % of the plot height each) above {@code hi}.
     */
    static double headroom(double lo, double hi, int rows) {
        double decades = Math.log10(hi / lo);
        double share = Math.min(0.45, 0.045 * rows);
        return Math.pow(10, Math.log10(lo) + decades / (1 - share));
    }

    /** Log axes cannot show 0 or negative values: those are lifted to {@code floor}. */
    static double[] atLeast(double[] y, double floor) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] >= floor)) {
                out[i] = floor;
            }
        }
        return out;
    }

    /** The smallest positive finite value of several arrays (for a log axis's lower end). */
    static double minPositive(double[]... arrays) {
        double lo = Double.POSITIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                }
            }
        }
        return lo == Double.POSITIVE_INFINITY ? 1e-12 : lo;
    }

    static double maxFinite(double[]... arrays) {
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    hi = Math.max(hi, v);
                }
            }
        }
        return hi == Double.NEGATIVE_INFINITY ? 1 : hi;
    }

    static double minFinite(double[]... arrays) {
        double lo = Double.POSITIVE_INFINITY;
        for (double[] a : arrays) {
            for (double v : a) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                }
            }
        }
        return lo == Double.POSITIVE_INFINITY ? 0 : lo;
    }

    /** Values outside [lo, hi] are clipped to just beyond the plot edge, so a wild curve leaves the plot cleanly. */
    static double[] clip(double[] y, double lo, double hi) {
        double margin = (hi - lo) * 0.05;
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] = Double.isNaN(out[i]) ? hi + margin : Math.max(lo - margin, Math.min(hi + margin, out[i]));
        }
        return out;
    }
}
