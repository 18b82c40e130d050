package fitlab.report;

import fitlab.experiment.CellSummary;
import fitlab.experiment.Marker;
import fitlab.experiment.MetricsRow;
import java.awt.Color;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Loss against epoch for one cell (log y): training, validation and test loss, the noise floor σ² (the
 * lowest mean squared error any model can reach on new data), the best epoch and every early-stopping
 * marker. The title carries the key number.
 */
public final class LossCurveChart {
    private LossCurveChart() {}

    public static XYChart build(String cellTitle, List<MetricsRow> rows, CellSummary summary, Messages m) {
        MetricsRow best = rows.stream().filter(r -> r.epoch() == summary.bestEpoch()).findFirst().orElse(rows.get(rows.size() - 1));
        String title = m.get("chart.lossCurves.title", cellTitle, Messages.number(best.validationLoss()), best.epoch());
        boolean mse = summary.noiseFloor() != null;
        XYChart chart = HouseStyle.xyChart(title, m.get("axis.epoch"), m.get(mse ? "axis.loss" : "axis.lossGeneric"), m.fontFamily());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(0);

        double[] epochs = column(rows, MetricsRow::epoch);
        line(chart, m.get("series.train"), epochs, column(rows, MetricsRow::trainLoss), Palette.TRAIN);
        line(chart, m.get("series.validation"), epochs, column(rows, MetricsRow::validationLoss), Palette.VALIDATION);
        line(chart, m.get("series.test"), epochs, column(rows, MetricsRow::testLoss), Palette.TEST);
        if (mse) {
            double floor = summary.noiseFloor();
            XYSeries s = chart.addSeries(m.get("series.noiseFloor", Messages.number(floor)),
                    new double[] {epochs[0], epochs[epochs.length - 1]}, new double[] {floor, floor});
            style(s, Palette.NOISE_FLOOR, HouseStyle.DASHED);
        }
        double[] span = span(rows);
        marker(chart, best.epoch(), m.get("marker.best", best.epoch()), Palette.BEST, HouseStyle.DASHED, span);
        for (Marker mk : summary.markers()) {
            boolean patience = mk.name().equals("patience");
            String label = patience ? m.get("marker.patience", mk.epoch()) : mk.name() + " " + mk.epoch();
            marker(chart, mk.epoch(), label, patience ? Palette.PATIENCE : Palette.CRITERION, HouseStyle.DOTTED, span);
        }
        return chart;
    }

    private static void line(XYChart chart, String label, double[] x, double[] y, Color color) {
        XYSeries s = chart.addSeries(label, x, positive(y));
        style(s, color, HouseStyle.SOLID);
    }

    private static void style(XYSeries s, Color color, java.awt.BasicStroke stroke) {
        s.setLineColor(color);
        s.setLineStyle(stroke);
        s.setMarker(SeriesMarkers.NONE);
        s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
    }

    /**
     * A vertical line at {@code epoch} across the plotted losses, named in the legend (outside the plot), so a
     * label never covers the curves.
     */
    private static void marker(XYChart chart, int epoch, String label, Color color, java.awt.BasicStroke stroke, double[] span) {
        XYSeries s = chart.addSeries(label, new double[] {epoch, epoch}, span);
        style(s, color, stroke);
    }

    /** The smallest and largest positive loss drawn, so marker lines span the curves. */
    private static double[] span(List<MetricsRow> rows) {
        double lo = Double.MAX_VALUE, hi = Double.MIN_NORMAL;
        for (MetricsRow r : rows) {
            for (double v : new double[] {r.trainLoss(), r.validationLoss(), r.testLoss()}) {
                if (v > 0 && Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return lo <= hi ? new double[] {lo, hi} : new double[] {Double.MIN_NORMAL, 1};
    }

    private static double[] column(List<MetricsRow> rows, ToDoubleFunction<MetricsRow> f) {
        return rows.stream().mapToDouble(f).toArray();
    }

    /** Log axes cannot show 0; an exact zero loss (a perfect fit) is drawn at the smallest positive double's scale. */
    private static double[] positive(double[] y) {
        double[] out = y.clone();
        for (int i = 0; i < out.length; i++) {
            if (!(out[i] > 0)) {
                out[i] = Double.MIN_NORMAL;
            }
        }
        return out;
    }
}
