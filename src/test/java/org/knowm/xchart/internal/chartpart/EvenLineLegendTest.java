package org.knowm.xchart.internal.chartpart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler.LegendPosition;

/** The two lines of a legend entry never touch, whatever their glyphs (lesson 04's {@code weight_decay=…} entries). */
class EvenLineLegendTest {
    static final String LABEL = "underfit: weight_decay=0,l1=0.01\n(test loss 0.1037)";

    @Test
    void everyLineOfAnEntryGetsTheSameBoundsSpanningAllOfItsGlyphs() {
        XYChart chart = chart(true);
        XYSeries series = chart.getSeries("s");
        Map<String, Rectangle2D> xchart = new Legend_Marker<>(chart).getSeriesTextBounds(series);
        Map<String, Rectangle2D> even = ((EvenLineLegend<?, XYSeries>) chart.legend).getSeriesTextBounds(series);
        assertEquals(List.copyOf(xchart.keySet()), List.copyOf(even.keySet()), "same lines in the same order");
        double top = xchart.values().stream().mapToDouble(Rectangle2D::getMinY).min().orElseThrow();
        double bottom = xchart.values().stream().mapToDouble(Rectangle2D::getMaxY).max().orElseThrow();
        // XChart's own bounds differ (the underscore descends below the parentheses): the bug this class corrects
        assertTrue(xchart.get("(test loss 0.1037)").getMaxY() < bottom - 1, "the second line descends less: " + xchart);
        for (Map.Entry<String, Rectangle2D> line : even.entrySet()) {
            Rectangle2D b = line.getValue(), own = xchart.get(line.getKey());
            assertEquals(top, b.getMinY(), 1e-9);
            assertEquals(bottom, b.getMaxY(), 1e-9);
            assertEquals(own.getWidth(), b.getWidth(), 1e-9, "widths are XChart's: the box keeps its size across");
        }
    }

    @Test
    void paintedLinesAreSeparatedByBlankRowsWhereXChartsOwnLegendLetThemTouch() {
        assertTrue(blankRowsBetweenLines(chart(true)) >= 3, "fitlab's legend: at least XChart's 3 px between the lines");
        assertTrue(blankRowsBetweenLines(chart(false)) < 2, "XChart's legend lets the underscore touch the digits below");
    }

    private static XYChart chart(boolean even) {
        XYChart chart = new XYChartBuilder().width(1200).height(600).build();
        if (even) {
            chart.legend = new EvenLineLegend<>(chart);
        }
        chart.getStyler().setLegendPosition(LegendPosition.InsideNE);
        chart.getStyler().setLegendFont(new Font(Font.SANS_SERIF, Font.PLAIN, 30));
        chart.getStyler().setLegendBorderColor(java.awt.Color.WHITE);
        chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotBackgroundColor(java.awt.Color.WHITE);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setPlotBorderVisible(false);
        chart.addSeries("s", new double[] {0, 1}, new double[] {0, 0}).setLabel(LABEL);
        return chart;
    }

    /** The longest run of ink-free pixel rows between the first and last inked row of the legend's text. */
    private static int blankRowsBetweenLines(XYChart chart) {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        // the legend's text column: top right, right of the series' line sample (which the series' own line is not in)
        int x0 = chart.getWidth() / 2 + 80, x1 = chart.getWidth() - 10, y0 = 0, y1 = chart.getHeight() / 4;
        List<Boolean> inked = new ArrayList<>();
        for (int y = y0; y < y1; y++) {
            boolean ink = false;
            for (int x = x0; x < x1 && !ink; x++) {
                ink = (image.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF;
            }
            inked.add(ink);
        }
        int first = inked.indexOf(true), last = inked.lastIndexOf(true), longest = 0, run = 0;
        for (int i = first; i <= last; i++) {
            run = inked.get(i) ? 0 : run + 1;
            longest = Math.max(longest, run);
        }
        return longest;
    }
}
