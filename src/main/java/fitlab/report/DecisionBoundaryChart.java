package fitlab.report;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * A 2-D classifier's probability of class 1 as a heat map over the input plane (white where it cannot decide, 0.5),
 * with the training points on top: a smooth boundary next to one that snakes around single points.
 */
public final class DecisionBoundaryChart {
    /** Blue (class 0) through white (undecided) to orange (class 1): colour-blind safe, and white marks the boundary. */
    static final Color[] SCALE = {Palette.CLASS_0, Color.WHITE, Palette.CLASS_1};

    private DecisionBoundaryChart() {}

    public static HeatMapChart build(BoundaryData d, Messages m) {
        String title = m.get("chart.boundary.title", d.cellId(), Messages.number(d.testAccuracy()));
        HeatMapChart chart = new HeatMapChartBuilder().width(HouseStyle.WIDTH).height(HouseStyle.HEIGHT).title(title)
                .xAxisTitle(m.get("axis.x1")).yAxisTitle(m.get("axis.x2")).build();
        HouseStyle.apply(chart.getStyler(), m.fontFamily());
        chart.getStyler().setRangeColors(SCALE);
        chart.getStyler().setMin(d.classes() == 2 ? 0 : 1.0 / d.classes());
        chart.getStyler().setMax(1);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        chart.getStyler().setXAxisTicksVisible(false);
        chart.getStyler().setYAxisTicksVisible(false);
        chart.getStyler().setPlotContentSize(1.0);
        List<Double> xs = new ArrayList<>(), ys = new ArrayList<>();
        for (double v : d.gridX()) {
            xs.add(v);
        }
        for (double v : d.gridY()) {
            ys.add(v);
        }
        List<Number[]> heat = new ArrayList<>();
        for (int ix = 0; ix < d.gridX().length; ix++) {
            for (int iy = 0; iy < d.gridY().length; iy++) {
                heat.add(new Number[] {ix, iy, d.probability()[ix][iy]});
            }
        }
        chart.addSeries(m.get(d.classes() == 2 ? "series.probability" : "series.confidence"), xs, ys, heat);
        double dx = step(d.gridX()), dy = step(d.gridY());
        chart.addAnnotation(new PointsOverlay(d.pointX(), d.pointY(), d.labels(), d.gridX()[0] - dx / 2,
                d.gridX()[d.gridX().length - 1] + dx / 2, d.gridY()[0] - dy / 2, d.gridY()[d.gridY().length - 1] + dy / 2, 16));
        return chart;
    }

    private static double step(double[] grid) {
        return grid.length < 2 ? 1 : grid[1] - grid[0];
    }
}
