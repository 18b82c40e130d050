package fitlab.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
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

    private HouseStyle() {}

    public static XYChart xyChart(String title, String xTitle, String yTitle, String fontFamily) {
        return xyChart(title, xTitle, yTitle, fontFamily, WIDTH, HEIGHT);
    }

    /** A chart of another size (a panel of a strip); fonts shrink with the height, never below readable. */
    public static XYChart xyChart(String title, String xTitle, String yTitle, String fontFamily, int width, int height) {
        XYChart chart = new XYChartBuilder().width(width).height(height).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        apply(chart.getStyler(), fontFamily, Math.max(0.6, height / (double) HEIGHT));
        chart.getStyler().setMarkerSize(14);
        chart.getStyler().setErrorBarsColorSeriesColor(true);
        chart.getStyler().setPlotGridLinesColor(new Color(0xDDDDDD));
        chart.getStyler().setAxisTickMarkLength(8);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    public static void apply(Styler s, String fontFamily) {
        apply(s, fontFamily, 1.0);
    }

    /** Every font of the styler, at {@code scale} × the full-slide sizes. */
    public static void apply(Styler s, String fontFamily, double scale) {
        s.setChartTitleFont(font(fontFamily, Font.BOLD, 44, scale));
        s.setLegendFont(font(fontFamily, Font.PLAIN, 30, scale));
        s.setAnnotationTextFont(font(fontFamily, Font.PLAIN, 28, scale));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleBoxVisible(false);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendPadding(20);
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
     * Shrinks the title font (down to 28 pt) until the title fits above the plot: XChart centres the title over the plot,
     * which the legend on the right narrows, and a long title would otherwise run off the slide's left edge.
     */
    public static void fitTitle(XYChart chart) {
        Styler s = chart.getStyler();
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            int legend = 0;
            if (s.isLegendVisible()) {
                java.awt.FontMetrics lf = g.getFontMetrics(s.getLegendFont());
                for (var series : chart.getSeriesCollection()) {
                    legend = Math.max(legend, lf.stringWidth(series.getName()));
                }
                legend += 140; // legend marker, padding
            }
            int available = chart.getWidth() - legend - 220; // the y axis title and tick labels
            Font f = s.getChartTitleFont();
            // a full slide keeps titles readable from the back (28 pt at least); a panel of a strip may go smaller
            int smallest = chart.getWidth() < WIDTH / 2 ? 16 : 28;
            while (f.getSize() > smallest && g.getFontMetrics(f).stringWidth(chart.getTitle()) > available) {
                f = f.deriveFont((float) (f.getSize() - 2));
            }
            s.setChartTitleFont(f);
        } finally {
            g.dispose();
        }
    }
}
