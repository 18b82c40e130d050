package fitlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.XYStyler;
import org.knowm.xchart.style.Styler;

/**
 * Slide-ready defaults: 1920×1080, fonts readable from the back of a room, no chart junk. XChart's own
 * defaults are sized for a small window and vanish on a projected slide, so every font is set here.
 */
public final class HouseStyle {
    public static final int WIDTH = 1920;
    public static final int HEIGHT = 1080;

    /** Fixed line styles: solid for measured curves, dashed for reference lines, dotted for markers. */
    public static final BasicStroke SOLID = new BasicStroke(5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    public static final BasicStroke DASHED = new BasicStroke(4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {18f, 12f}, 0f);
    public static final BasicStroke SOLID_THIN = new BasicStroke(3f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER);
    public static final BasicStroke DOTTED = new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 10f}, 0f);

    /** Every chart's title size (points at full slide size). */
    public static final int TITLE_SIZE = 40;
    /** Below this a title is shrunk no further: a long title must be made shorter instead. */
    static final int MIN_TITLE_SIZE = 14;
    /** Room the y axis (title and tick labels) takes left of the plot at full size, in pixels. */
    static final int Y_AXIS_ALLOWANCE = 190;
    /** Solid hairline grid: a dashed stroke is written to SVG as one filled outline per dash (hundreds of kilobytes). */
    static final BasicStroke GRID = new BasicStroke(1.5f);
    static final Color LEGEND_BACKGROUND = new Color(255, 255, 255, 225);

    private HouseStyle() {}

    public static XYChart xyChart(String title, String xTitle, String yTitle, String fontFamily) {
        return xyChart(title, xTitle, yTitle, fontFamily, WIDTH, HEIGHT);
    }

    /** A chart of another size (a panel of a strip); fonts shrink with the height, never below readable. */
    public static XYChart xyChart(String title, String xTitle, String yTitle, String fontFamily, int width, int height) {
        XYChart chart = new SlideChart(new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle));
        apply(chart.getStyler(), fontFamily, scale(width, height));
        chart.getStyler().setMarkerSize(14);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setPlotGridLinesColor(new Color(0xDDDDDD));
        chart.getStyler().setAxisTickMarkLength(8);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setPlotGridLinesStroke(GRID);
        chart.getStyler().setLegendBackgroundColor(LEGEND_BACKGROUND);
        chart.getStyler().setLegendBorderColor(new Color(0xBBBBBB));
        return chart;
    }

    public static void apply(Styler s, String fontFamily) {
        apply(s, fontFamily, 1.0);
    }

    /** Every font of the styler, at {@code scale} × the full-slide sizes. */
    public static void apply(Styler s, String fontFamily, double scale) {
        s.setChartTitleFont(font(fontFamily, Font.BOLD, TITLE_SIZE, scale));
        s.setLegendFont(font(fontFamily, Font.PLAIN, 30, scale));
        s.setAnnotationTextFont(font(fontFamily, Font.PLAIN, 28, scale));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleBoxVisible(false);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendPadding((int) Math.round(14 * scale));
        s.setChartPadding(30);
        s.setAntiAlias(true);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTitleFont(font(fontFamily, Font.PLAIN, 36, scale));
            a.setAxisTickLabelsFont(font(fontFamily, Font.PLAIN, 30, scale));
            a.setAxisTitlePadding(20);
            a.setPlotGridVerticalLinesVisible(false);
            // XChart's default spacing is tuned for 12-pt labels; at slide size the numbers would run together
            a.setXAxisTickMarkSpacingHint((int) Math.round(170 * scale));
            a.setYAxisTickMarkSpacingHint((int) Math.round(110 * scale));
        }
    }

    private static Font font(String family, int style, int size, double scale) {
        return new Font(family, style, (int) Math.round(size * scale));
    }

    /**
     * The last step of every chart builder: axes get people's numbers (and a log axis at least three labels), the
     * legend goes inside the plot where the data leaves room, the marker and region names go to the top of the plot,
     * and the title is fitted.
     */
    public static void finish(XYChart chart, TopLabels top) {
        XYStyler s = chart.getStyler();
        double[] xr = range(chart, true), yr = range(chart, false);
        double[] drawnRange = yr.clone(); // the range marker lines were drawn across, before any widening
        if (s.isXAxisLogarithmic()) {
            xr = LogTicks.widened(xr[0], xr[1]);
        }
        if (s.isYAxisLogarithmic()) {
            yr = LogTicks.widened(yr[0], yr[1]);
        }
        if (s.isLegendVisible()) {
            wrapLongEntries(chart);
            LegendPlacement.Placement legend = LegendPlacement.place(chart, xr, yr);
            s.setLegendPosition(legend.corner());
            if (legend.yRange() != yr) {
                stretchMarkersBesideLegend(chart, legend.corner(), xr, drawnRange, legend.yRange());
                yr = legend.yRange();
                s.setYAxisMin(yr[0]).setYAxisMax(yr[1]);
            }
        }
        if (s.isXAxisLogarithmic()) {
            s.setXAxisMin(xr[0]).setXAxisMax(xr[1]);
            LogTicks ticks = new LogTicks(xr[0], xr[1]);
            s.setXAxisLogarithmicDecadeOnly(ticks.decadesOnly());
            s.setXAxisTickLabelsFormattingFunction(ticks);
        } else if (s.getXAxisTickLabelsFormattingFunction() == null) {
            // a count on the x axis (epochs, a polynomial degree) is labelled at whole numbers only: XChart's ticks at
            // 1.5, 2.5 on a short range read as epoch 2.5 or degree 1.5
            s.setXAxisTickLabelsFormattingFunction(wholeXData(chart) ? HumanNumber::wholeOnly : HumanNumber::format);
        }
        if (s.isYAxisLogarithmic()) {
            s.setYAxisMin(yr[0]).setYAxisMax(yr[1]);
            LogTicks ticks = new LogTicks(yr[0], yr[1]);
            s.setYAxisLogarithmicDecadeOnly(ticks.decadesOnly());
            s.setYAxisTickLabelsFormattingFunction(ticks);
        } else {
            if (s.getYAxisTickLabelsFormattingFunction() == null) {
                s.setYAxisTickLabelsFormattingFunction(HumanNumber::format);
            }
            if (s.getYAxisMin() != null && s.getYAxisMax() != null) {
                clipLines(chart, s.getYAxisMin(), s.getYAxisMax());
            }
        }
        if (top != null && !top.labels().isEmpty()) {
            chart.addAnnotation(top);
        }
        fitTitle(chart);
    }

    /**
     * A marker line drawn from the bottom to the top of the plot (chosen capacity, a diverged learning rate) is carried to
     * the new bottom and top once the y range has grown to make room for the legend, else it would end in mid-air; a
     * marker in the legend's own column keeps its length, so it never runs under the legend.
     */
    private static void stretchMarkersBesideLegend(XYChart chart, Styler.LegendPosition corner, double[] xr, double[] before,
            double[] after) {
        double[] column = LegendPlacement.box(corner, LegendPlacement.legendFraction(chart));
        boolean logX = chart.getStyler().isXAxisLogarithmic();
        for (XYSeries series : List.copyOf(chart.getSeriesCollection())) {
            double[] x = series.getXData(), y = series.getYData();
            if (x.length != 2 || x[0] != x[1] || y[0] != before[0] || y[1] != before[1]) {
                continue;
            }
            double at = LegendPlacement.normalised(x[0], xr, logX);
            if (at < column[0] - LegendPlacement.GAP || at > column[1] + LegendPlacement.GAP) {
                chart.updateXYSeries(series.getName(), x, new double[] {after[0], after[1]}, null);
            }
        }
    }

    /**
     * A line that runs far outside a fixed y range (an overfit polynomial between two training points) is drawn to just
     * beyond the plot's edge, so it leaves the plot cleanly; done last, on the range the axis finally has.
     */
    private static void clipLines(XYChart chart, double lo, double hi) {
        for (XYSeries series : List.copyOf(chart.getSeriesCollection())) {
            if (series.getXYSeriesRenderStyle().orElse(null) != XYSeries.XYSeriesRenderStyle.Line) {
                continue;
            }
            double[] y = series.getYData();
            double[] clipped = Lines.clip(y, lo, hi);
            if (!java.util.Arrays.equals(y, clipped)) {
                chart.updateXYSeries(series.getName(), series.getXData(), clipped, series.getExtraValues());
            }
        }
    }

    /** A legend entry wider than this share of the chart is broken into two lines (XChart would cut it short). */
    static final double LEGEND_LINE_SHARE = 0.4;

    /**
     * Breaks a legend entry too wide for one line before its last " (" or after its last ", " near the middle; the
     * series keeps its name, only the label shown changes.
     */
    static void wrapLongEntries(XYChart chart) {
        Font f = chart.getStyler().getLegendFont();
        java.awt.font.FontRenderContext frc = new java.awt.font.FontRenderContext(null, true, false);
        double limit = LEGEND_LINE_SHARE * chart.getWidth();
        for (XYSeries series : chart.getSeriesCollection()) {
            String name = series.getName();
            if (f.getStringBounds(name, frc).getWidth() <= limit) {
                continue;
            }
            int cut = name.lastIndexOf(" (");
            if (cut < 0) {
                cut = name.lastIndexOf('（');
            }
            if (cut < 0) {
                cut = name.lastIndexOf(", ", name.length() / 2 + 10);
            }
            if (cut > 0) {
                series.setLabel(name.substring(0, cut).stripTrailing() + "\n" + name.substring(cut).strip());
            }
        }
    }

    /** True when every x value of every series is a whole number (the x axis counts something). */
    static boolean wholeXData(XYChart chart) {
        for (XYSeries series : chart.getSeriesCollection()) {
            for (double x : series.getXData()) {
                if (x != Math.rint(x)) {
                    return false;
                }
            }
        }
        return !chart.getSeriesCollection().isEmpty();
    }

    /** The axis range XChart will draw: the styler's bounds where set, else the data's (positive data on a log axis). */
    static double[] range(XYChart chart, boolean x) {
        XYStyler s = chart.getStyler();
        boolean log = x ? s.isXAxisLogarithmic() : s.isYAxisLogarithmic();
        Double min = x ? s.getXAxisMin() : s.getYAxisMin(), max = x ? s.getXAxisMax() : s.getYAxisMax();
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (XYSeries series : chart.getSeriesCollection()) {
            for (double v : x ? series.getXData() : series.getYData()) {
                if (Double.isFinite(v) && (!log || v > 0)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) {
            lo = log ? 0.1 : 0;
            hi = log ? 1 : 1;
        }
        lo = min != null ? min : lo;
        hi = max != null ? max : hi;
        if (hi <= lo) {
            hi = log ? lo * 10 : lo + 1;
        }
        return new double[] {lo, hi};
    }

    /**
     * One title rule for every chart: {@link #TITLE_SIZE} (scaled for a panel), shrunk only when the title would not fit
     * across the plot (XChart centres the title over the plot area), never cut.
     */
    public static void fitTitle(XYChart chart) {
        Styler s = chart.getStyler();
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            double scale = scale(chart.getWidth(), chart.getHeight());
            int available = (int) (chart.getWidth() - 2 * s.getChartPadding() - Y_AXIS_ALLOWANCE * scale);
            Font f = s.getChartTitleFont().deriveFont((float) Math.round(TITLE_SIZE * scale));
            while (f.getSize() > MIN_TITLE_SIZE && g.getFontMetrics(f).stringWidth(chart.getTitle()) > available) {
                f = f.deriveFont((float) (f.getSize() - 1));
            }
            s.setChartTitleFont(f);
        } finally {
            g.dispose();
        }
    }

    /**
     * The font scale of a chart of this size: 1 on a full slide, down to 0.6 for a panel of small multiples. The
     * narrower of the two sides decides: a tall narrow panel (three fits in a row) sized by its height alone got
     * slide-sized tick labels and a title shrunk to the minimum to fit its width.
     */
    static double scale(int width, int height) {
        return Math.max(0.6, Math.min(height / (double) HEIGHT, width / (double) WIDTH));
    }
}
