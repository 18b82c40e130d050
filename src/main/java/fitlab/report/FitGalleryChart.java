package fitlab.report;

import fitlab.diagnosis.Verdict;
import java.awt.Color;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The training points, the true function and the final fitted curves of the underfit, good and overfit cells: the
 * straight line that misses the shape next to the curve that chases every point.
 */
public final class FitGalleryChart {
    private FitGalleryChart() {}

    public static XYChart build(FitData d, Messages m) {
        Fit best = d.fits().stream().min(java.util.Comparator.comparingDouble(Fit::testLoss)).orElseThrow();
        String title = m.get("chart.fits.title", d.trainX().length, Messages.number(best.testLoss()), best.cellId());
        XYChart chart = HouseStyle.xyChart(title, m.get("axis.x"), m.get("axis.y"), m.fontFamily());
        double[] range = d.yRange();
        chart.getStyler().setYAxisMin(range[0]);
        chart.getStyler().setYAxisMax(range[1]);
        chart.getStyler().setXAxisMin(d.gridX()[0]);
        chart.getStyler().setXAxisMax(d.gridX()[d.gridX().length - 1]);
        Lines.points(chart, m.get("series.trainPoints", d.trainX().length), d.trainX(), d.trainY(), Palette.TRAIN, SeriesMarkers.CIRCLE);
        Lines.line(chart, m.get("series.trueFunction", Formulas.forPeople(d.formula())), d.gridX(), d.trueY(), Palette.TRUE_FUNCTION, HouseStyle.DASHED);
        // clipped loosely here (no NaN, no wild values through decimation); finish() clips again to the final range,
        // which may have grown to give the legend room
        double span = range[1] - range[0];
        for (Fit f : d.fits()) {
            String verdict = f.verdict().map(v -> m.get("verdict." + v.key())).orElse(m.get("verdict.none"));
            Lines.line(chart, m.get("series.fit", verdict, f.cellId(), Messages.number(f.testLoss())), d.gridX(),
                    Lines.clip(f.y(), range[0] - span, range[1] + span), fitColor(f), HouseStyle.SOLID);
        }
        HouseStyle.finish(chart, null);
        return chart;
    }

    /** A fit takes its verdict's colour, the same as that verdict's shaded region on the capacity curve. */
    static Color fitColor(Fit f) {
        return f.verdict().map(CapacityCurveChart::regionColor).orElse(Palette.HIGHLIGHT);
    }

    static Color fitColor(Verdict v) {
        return CapacityCurveChart.regionColor(v);
    }
}
