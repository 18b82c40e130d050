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
    public static final BasicStroke DOTTED = new BasicStroke(4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, new float[] {3f, 10f}, 0f);

    private HouseStyle() {}

    public static XYChart xyChart(String title, String xTitle, String yTitle, String fontFamily) {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title(title).xAxisTitle(xTitle).yAxisTitle(yTitle).build();
        apply(chart.getStyler(), fontFamily);
        chart.getStyler().setMarkerSize(14);
        chart.getStyler().setPlotGridLinesColor(new Color(0xDDDDDD));
        chart.getStyler().setAxisTickMarkLength(8);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        return chart;
    }

    public static void apply(Styler s, String fontFamily) {
        s.setChartTitleFont(new Font(fontFamily, Font.BOLD, 44));
        s.setLegendFont(new Font(fontFamily, Font.PLAIN, 30));
        s.setAnnotationTextFont(new Font(fontFamily, Font.PLAIN, 28));
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderVisible(false);
        s.setChartTitleBoxVisible(false);
        s.setLegendBorderColor(Color.WHITE);
        s.setLegendPadding(20);
        s.setChartPadding(30);
        s.setAntiAlias(true);
        if (s instanceof org.knowm.xchart.style.AxesChartStyler a) {
            a.setAxisTitleFont(new Font(fontFamily, Font.PLAIN, 36));
            a.setAxisTickLabelsFont(new Font(fontFamily, Font.PLAIN, 30));
            a.setAxisTitlePadding(20);
            a.setPlotGridVerticalLinesVisible(false);
        }
    }
}
