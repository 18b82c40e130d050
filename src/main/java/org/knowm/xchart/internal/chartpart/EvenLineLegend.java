package org.knowm.xchart.internal.chartpart;

import java.awt.geom.Rectangle2D;
import java.util.LinkedHashMap;
import java.util.Map;
import org.knowm.xchart.internal.series.MarkerSeries;
import org.knowm.xchart.style.Styler;

/**
 * XChart's marker legend with the lines of a two-line entry spaced evenly. XChart 4.0.3 sizes each line by its own
 * glyphs' visual bounds and puts the next line 3 px below them, baseline at the bottom of the bounds: a first line
 * that descends deeper than the next one (the underscore of {@code weight_decay=…} above "(test loss 0.1037)") then
 * touches it. Here every line of an entry gets the union of the lines' bounds, so consecutive baselines are the
 * deepest ascent plus the deepest descent plus XChart's 3 px apart and no two lines can meet.
 *
 * <p>It lives in XChart's package because the method it corrects is package-private; fitlab's SlideChart
 * installs it in place of XChart's own legend.
 */
public final class EvenLineLegend<ST extends Styler, S extends MarkerSeries> extends Legend_Marker<ST, S> {
    public EvenLineLegend(Chart<ST, S> chart) {
        super(chart);
    }

    @Override
    Map<String, Rectangle2D> getSeriesTextBounds(S series) {
        Map<String, Rectangle2D> lines = super.getSeriesTextBounds(series);
        if (lines.size() < 2) {
            return lines;
        }
        double top = Double.POSITIVE_INFINITY, bottom = Double.NEGATIVE_INFINITY;
        for (Rectangle2D b : lines.values()) {
            top = Math.min(top, b.getMinY());
            bottom = Math.max(bottom, b.getMaxY());
        }
        Map<String, Rectangle2D> even = new LinkedHashMap<>();
        for (Map.Entry<String, Rectangle2D> line : lines.entrySet()) {
            Rectangle2D b = line.getValue();
            even.put(line.getKey(), new Rectangle2D.Double(b.getX(), top, b.getWidth(), bottom - top));
        }
        return even;
    }
}
