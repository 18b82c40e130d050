package fitlab.report;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A 2-D classifier's decision regions over the input plane: each region in its predicted class's colour, lighter where
 * the model is less sure, and the training points on top in the same hues, one marker shape per class (circle,
 * triangle, diamond), with a small legend of the classes. A smooth boundary next to one that snakes around single
 * points.
 */
public final class DecisionBoundaryChart {
    private DecisionBoundaryChart() {}

    public static XYChart build(BoundaryData d, Messages m) {
        return build(d, m.get("chart.boundary.title", d.cellId(), Messages.number(d.testAccuracy())), HouseStyle.WIDTH, HouseStyle.HEIGHT, m);
    }

    /** The chart at another size with its own title (a panel of the small multiples). */
    public static XYChart build(BoundaryData d, String title, int width, int height, Messages m) {
        XYChart chart = HouseStyle.xyChart(title, m.get("axis.x1"), m.get("axis.x2"), m.fontFamily(), width, height);
        double dx = step(d.gridX()), dy = step(d.gridY());
        double x0 = d.gridX()[0] - dx / 2, x1 = d.gridX()[d.gridX().length - 1] + dx / 2;
        double y0 = d.gridY()[0] - dy / 2, y1 = d.gridY()[d.gridY().length - 1] + dy / 2;
        chart.getStyler().setXAxisMin(x0).setXAxisMax(x1).setYAxisMin(y0).setYAxisMax(y1);
        chart.getStyler().setPlotGridLinesVisible(false);
        chart.getStyler().setMarkerSize((int) Math.round(14 * HouseStyle.scale(width, height)));
        // the class series hold the points (for charts.json) but draw nothing: the image is an annotation, painted after
        // XChart's series and legend, so the points and the class legend are painted over it by PointsOverlay
        for (int k = 0; k < d.classes(); k++) {
            List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
            for (int i = 0; i < d.labels().length; i++) {
                if (d.labels()[i] == k) {
                    xs.add(d.pointX()[i]);
                    ys.add(d.pointY()[i]);
                }
            }
            if (xs.isEmpty()) {
                xs.add(x0);
                ys.add(y0);
            }
            XYSeries s = chart.addSeries(m.get("series.class", k), xs, ys);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            s.setMarker(SeriesMarkers.NONE);
            s.setShowInLegend(false);
        }
        chart.addAnnotation(new BoundaryImage(d, x0, x1, y0, y1));
        List<String> names = new ArrayList<>();
        for (int k = 0; k < d.classes(); k++) {
            names.add(m.get("series.class", k));
        }
        chart.getStyler().setLegendVisible(false);
        chart.addAnnotation(new PointsOverlay(d.pointX(), d.pointY(), d.labels(), x0, x1, y0, y1,
                (int) Math.round(16 * HouseStyle.scale(width, height)), names, chart.getStyler().getLegendFont()));
        HouseStyle.finish(chart, null);
        return chart;
    }

    private static double step(double[] grid) {
        return grid.length < 2 ? 1 : grid[1] - grid[0];
    }
}
