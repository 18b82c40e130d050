package fitlab.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapSeries;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * The data a chart draws, without pixels: titles and every series' name and numbers. Written next to the images as
 * {@code charts/charts.json}, so a redraw can be checked against the first drawing and a teacher can reuse the numbers.
 */
public record ChartData(String name, String title, String xTitle, String yTitle, List<Series> series, List<ChartData> panels) {

    /** One series: x and y (a heat map's grid), and for a heat map its values, row by row. */
    public record Series(String name, List<Double> x, List<Double> y, List<Double> values) {}

    public static ChartData of(String name, IChart chart) {
        if (chart instanceof XYChart xy) {
            List<Series> series = new ArrayList<>();
            for (XYSeries s : xy.getSeriesCollection()) {
                series.add(new Series(s.getName(), list(s.getXData()), list(s.getYData()), List.of()));
            }
            return new ChartData(name, xy.getTitle(), xy.getXAxisTitle(), xy.getYAxisTitle(), series, List.of());
        }
        if (chart instanceof HeatMapChart heat) {
            HeatMapSeries s = heat.getHeatMapSeries();
            List<Double> values = new ArrayList<>();
            for (Number[] v : s.getHeatData()) {
                values.add(v[2].doubleValue());
            }
            Series data = new Series(s.getName(), numbers(s.getXData()), numbers(s.getYData()), values);
            return new ChartData(name, heat.getTitle(), heat.getXAxisTitle(), heat.getYAxisTitle(), List.of(data), List.of());
        }
        if (chart instanceof PanelStrip strip) {
            List<ChartData> panels = strip.panels().stream().map(p -> of(name, p)).toList();
            return new ChartData(name, strip.getTitle(), "", "", List.of(), panels);
        }
        if (chart instanceof RefactorSlide slide) {
            // a slide of words: per file its bytes (x), tensors (y) and whether it loads after the rename (1 or 0)
            List<Series> series = slide.columns().stream().map(c -> new Series(c.file(), List.of((double) c.bytes()),
                    List.of((double) c.tensors()), List.of(c.loads() ? 1.0 : 0.0))).toList();
            return new ChartData(name, slide.getTitle(), "", "", series, List.of());
        }
        throw new IllegalArgumentException("unknown chart type " + chart.getClass().getName());
    }

    private static List<Double> list(double[] v) {
        return Arrays.stream(v).boxed().toList();
    }

    private static List<Double> numbers(List<?> v) {
        return v.stream().map(o -> ((Number) o).doubleValue()).toList();
    }
}
