package fitlab.report;

import java.awt.BasicStroke;
import org.knowm.xchart.XYChart;

/**
 * Bias², variance and noise against capacity (log y), their sum, and the measured test error on the same chart: bias
 * falls and variance rises with capacity, and the measured test error follows their sum.
 */
public final class BiasVarianceChart {
    static final BasicStroke DASH_DOT = new BasicStroke(5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {24f, 10f, 4f, 10f}, 0f);

    private BiasVarianceChart() {}

    public static XYChart build(BiasVarianceData d, Messages m) {
        double[] x = d.x();
        int best = 0;
        for (int i = 1; i < x.length; i++) {
            if (d.testError()[i] < d.testError()[best]) {
                best = i;
            }
        }
        String where = d.axis().equals("model.degree") || d.axis().equals("model.hidden")
                ? Capacity.pointName(d.axis(), x[best], m) : SweepGroups.plain(x[best]);
        String title = m.get("chart.biasVariance.title", Messages.number(d.testError()[best]), where,
                Messages.number(d.bias2()[best]), Messages.number(d.variance()[best]), d.seeds())
                + (d.groupLabel().isEmpty() ? "" : m.get("title.group", d.groupLabel()));
        String xTitle = d.axis().equals("model.degree") || d.axis().equals("model.hidden") ? Capacity.axisTitle(d.axis(), m) : d.axis();
        XYChart chart = HouseStyle.xyChart(title, xTitle, m.get("axis.error"), m.fontFamily());
        chart.getStyler().setYAxisLogarithmic(true);
        boolean logX = Capacity.logScale(x);
        chart.getStyler().setXAxisLogarithmic(logX);
        double lo = Lines.minPositive(d.bias2(), d.variance(), d.testError(), new double[] {d.noise()}) / 2;
        Lines.line(chart, m.get("series.bias2"), x, Lines.atLeast(d.bias2(), lo), Palette.BIAS, DASH_DOT);
        Lines.line(chart, m.get("series.variance"), x, Lines.atLeast(d.variance(), lo), Palette.VARIANCE, HouseStyle.DOTTED);
        Lines.horizontal(chart, m.get("series.noiseFloor", Messages.number(d.noise())), d.noise(), x[0], x[x.length - 1],
                Palette.NOISE_FLOOR, HouseStyle.DASHED);
        Lines.line(chart, m.get("series.expected"), x, d.expected(), Palette.NOISE_FLOOR, HouseStyle.SOLID_THIN);
        Lines.measured(chart, m.get("series.testMeasured", d.seeds()), x, Lines.atLeast(d.testError(), lo), null, Palette.TEST);
        HouseStyle.finish(chart, null);
        return chart;
    }
}
