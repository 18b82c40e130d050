package fitlab.report;

import static fitlab.report.ChartAsserts.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Font;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.Styler.LegendPosition;

/**
 * When the legend needs the y range to grow, a full-height marker line grows with it (it would otherwise end in
 * mid-air, short of the axis), except in the legend's own column, where it would run under the legend.
 */
class MarkerStretchTest {

    @Test
    void markersBesideTheLegendReachTheNewRangeAndTheOneUnderItKeepsItsLength() {
        XYChart chart = HouseStyle.xyChart("markers", "x", "y", Font.SANS_SERIF);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(10.0);
        // data along the top and the bottom edge: no corner is free, so the legend has to make room
        for (String name : new String[] {"a", "b", "c", "d"}) {
            Lines.line(chart, name, new double[] {0, 100}, name.equals("a") || name.equals("b") ? new double[] {9.5, 9.5}
                    : new double[] {0.5, 0.5}, Palette.TRAIN, HouseStyle.SOLID);
        }
        TopLabels top = new TopLabels(chart.getStyler().getAnnotationTextFont());
        Lines.marker(chart, top, "left edge", 1, 0, 10, Palette.BEST, HouseStyle.DASHED);
        Lines.marker(chart, top, "middle", 50, 0, 10, Palette.TEST, HouseStyle.DASHED);
        Lines.marker(chart, top, "right edge", 99, 0, 10, Palette.STOP, HouseStyle.DOTTED);
        HouseStyle.finish(chart, top);

        double lo = chart.getStyler().getYAxisMin(), hi = chart.getStyler().getYAxisMax();
        assertTrue(hi - lo > 10, "the legend made room: y range " + lo + " to " + hi);
        LegendPosition corner = chart.getStyler().getLegendPosition();
        boolean east = corner == LegendPosition.InsideNE || corner == LegendPosition.InsideSE;
        String under = east ? "right edge" : "left edge", beside = east ? "left edge" : "right edge";
        assertArrayEquals(new double[] {lo, hi}, series(chart, beside).getYData(), 0, beside + ", legend " + corner);
        assertArrayEquals(new double[] {lo, hi}, series(chart, "middle").getYData(), 0);
        assertArrayEquals(new double[] {0, 10}, series(chart, under).getYData(), 0, under + " is in the legend's column");
        assertEquals(3, top.labels().size());
    }
}
