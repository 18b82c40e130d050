package fitlab.report;

import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * Training, validation and test loss (mean ± std over seeds) against the number of training examples: the gap between
 * training and validation loss closes as data grows, towards the noise floor when the model is flexible enough.
 */
public final class LearningCurveChart {
    public static final String AXIS = "data.train";

    private LearningCurveChart() {}

    public static XYChart build(AxisGroup g, Optional<Double> noiseFloor, Messages m) {
        double[] x = g.xs();
        double[] train = LossColumns.means(g, LossColumns.TRAIN);
        double[] validation = LossColumns.means(g, LossColumns.VALIDATION);
        double[] test = LossColumns.means(g, LossColumns.TEST);
        int last = x.length - 1;
        String title = m.get("chart.learning.title", Messages.number(validation[0]), (long) x[0], Messages.number(validation[last]),
                (long) x[last]) + CapacityCurveChart.groupSuffix(g, m);
        XYChart chart = HouseStyle.xyChart(title, m.get("axis.trainSize"),
                m.get(noiseFloor.isPresent() ? "axis.finalLoss" : "axis.finalLossGeneric"), m.fontFamily());
        chart.getStyler().setYAxisLogarithmic(true);
        // training-set sizes usually double or grow tenfold: on a log axis each step gets the same room
        boolean logX = Capacity.logScale(x);
        chart.getStyler().setXAxisLogarithmic(logX);
        double[] xr = CapacityCurveChart.padded(x, logX);
        chart.getStyler().setXAxisMin(xr[0]);
        chart.getStyler().setXAxisMax(xr[1]);
        double lo = Lines.minPositive(train, validation, test, noiseFloor.map(f -> new double[] {f}).orElse(new double[0])) / 2;
        Lines.measured(chart, m.get("series.train"), x, Lines.atLeast(train, lo), LossColumns.errors(g, LossColumns.TRAIN), Palette.TRAIN);
        Lines.measured(chart, m.get("series.validation"), x, Lines.atLeast(validation, lo),
                LossColumns.errors(g, LossColumns.VALIDATION), Palette.VALIDATION);
        Lines.measured(chart, m.get("series.test"), x, Lines.atLeast(test, lo), LossColumns.errors(g, LossColumns.TEST), Palette.TEST);
        noiseFloor.ifPresent(f -> Lines.horizontal(chart, m.get("series.noiseFloor", Messages.number(f)), f, x[0], x[last],
                Palette.NOISE_FLOOR, HouseStyle.DASHED));
        HouseStyle.finish(chart, null);
        return chart;
    }
}
