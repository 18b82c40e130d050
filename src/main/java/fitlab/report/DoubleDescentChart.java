package fitlab.report;

import org.knowm.xchart.XYChart;

/**
 * Test (and training) error of minimum-norm least-squares fits against the number of parameters p, both axes
 * logarithmic, with the interpolation threshold p = n marked: the test error peaks where the model can just
 * interpolate the n training points, and falls again beyond it.
 */
public final class DoubleDescentChart {
    private DoubleDescentChart() {}

    /** {@code g} laid out by number of parameters; {@code n} the training-set size. */
    public static XYChart build(AxisGroup g, int n, Messages m) {
        double[] p = g.xs();
        double[] test = LossColumns.means(g, LossColumns.TEST);
        double[] train = LossColumns.means(g, LossColumns.TRAIN);
        int peak = 0;
        for (int i = 1; i < p.length; i++) {
            if (test[i] > test[peak]) {
                peak = i;
            }
        }
        String title = m.get("chart.doubleDescent.title", Messages.number(test[peak]), (long) p[peak], n)
                + CapacityCurveChart.groupSuffix(g, m);
        XYChart chart = HouseStyle.xyChart(title, m.get("axis.parameters"), m.get("axis.finalLoss"), m.fontFamily());
        chart.getStyler().setXAxisLogarithmic(true);
        chart.getStyler().setYAxisLogarithmic(true);
        double lo = Lines.minPositive(test, train) / 2;
        double floorOfTrain = Math.max(lo, Lines.minPositive(test) * 1e-6);
        double hi = Lines.maxFinite(test, train) * 2;
        Lines.measured(chart, m.get("series.train"), p, Lines.atLeast(train, floorOfTrain), LossColumns.errors(g, LossColumns.TRAIN),
                Palette.TRAIN);
        Lines.measured(chart, m.get("series.test"), p, Lines.atLeast(test, floorOfTrain), LossColumns.errors(g, LossColumns.TEST),
                Palette.TEST);
        TopLabels top = new TopLabels(chart.getStyler().getAnnotationTextFont());
        Lines.marker(chart, top, m.get("marker.interpolation", n), n, floorOfTrain, hi, Palette.THRESHOLD, HouseStyle.DOTTED);
        HouseStyle.finish(chart, top);
        return chart;
    }
}
