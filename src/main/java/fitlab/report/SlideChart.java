package fitlab.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.internal.chartpart.EvenLineLegend;

/**
 * An XYChart whose title is centred on the canvas. XChart centres a title over the plot area, which starts right of
 * the y axis: on a slide the title then leans right of the page's centre, by half the axis' width, and by a different
 * amount on every chart. XChart still lays the title out (so the plot keeps its room below it) but paints it
 * invisible; this chart paints it at the same height, centred on the canvas. Its legend spaces the lines of a
 * two-line entry evenly ({@link EvenLineLegend}).
 */
final class SlideChart extends XYChart {
    private static final Color INVISIBLE = new Color(0, 0, 0, 0);

    SlideChart(XYChartBuilder builder) {
        super(builder);
        legend = new EvenLineLegend<>(this);
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        Color color = getStyler().getChartTitleFontColor();
        getStyler().setChartTitleFontColor(INVISIBLE);
        try {
            super.paint(g, width, height);
        } finally {
            getStyler().setChartTitleFontColor(color);
        }
        if (!getStyler().isChartTitleVisible() || getTitle() == null || getTitle().isEmpty()) {
            return;
        }
        TextLayout layout = new TextLayout(getTitle(), getStyler().getChartTitleFont(), g.getFontRenderContext());
        Rectangle2D at = titleBounds(layout.getBounds(), width);
        g.setColor(color);
        g.fill(layout.getOutline(AffineTransform.getTranslateInstance(at.getX(), at.getMaxY())));
    }

    /** Where the title's text lies: XChart's height (chart padding, text, title padding), centred on the canvas. */
    Rectangle2D titleBounds(Rectangle2D text, int width) {
        double baseline = getStyler().getChartPadding() + text.getHeight() + getStyler().getChartTitlePadding();
        return new Rectangle2D.Double((width - text.getWidth()) / 2, baseline - text.getHeight(), text.getWidth(), text.getHeight());
    }

    /** The title's bounds at this chart's size, measured with {@code frc} (the layout test's font metrics). */
    Rectangle2D titleBounds(java.awt.font.FontRenderContext frc) {
        return titleBounds(new TextLayout(getTitle(), getStyler().getChartTitleFont(), frc).getBounds(), getWidth());
    }
}
