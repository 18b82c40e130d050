package fitlab.report;

import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * How one cell's fit changes during training: one panel per chosen epoch (a strip of small multiples for a slide,
 * and the frames of an animated GIF), each with the training points, the true function and the fit at that epoch.
 */
public final class FitEvolutionChart {
    /** Panels in the strip: 3 × 2 on a 16:9 slide. */
    public static final int PANELS = 6;
    public static final int FRAMES = 24;

    private FitEvolutionChart() {}

    /** The panel of the {@code index}-th fit of {@code d}, at {@code width}×{@code height}. */
    public static XYChart panel(FitData d, int index, int width, int height, Messages m) {
        Fit f = d.fits().get(index);
        String title = m.get("chart.evolution.panel", f.epoch(), Messages.number(f.trainLoss()), Messages.number(f.testLoss()));
        XYChart chart = HouseStyle.xyChart(title, m.get("axis.x"), m.get("axis.y"), m.fontFamily(), width, height);
        double[] range = d.yRange();
        chart.getStyler().setYAxisMin(range[0]);
        chart.getStyler().setYAxisMax(range[1]);
        chart.getStyler().setXAxisMin(d.gridX()[0]);
        chart.getStyler().setXAxisMax(d.gridX()[d.gridX().length - 1]);
        chart.getStyler().setLegendVisible(false);
        Lines.points(chart, m.get("series.trainPoints", d.trainX().length), d.trainX(), d.trainY(), Palette.TRAIN, SeriesMarkers.CIRCLE);
        Lines.line(chart, m.get("series.trueFunction", Formulas.forPeople(d.formula())), d.gridX(), d.trueY(), Palette.TRUE_FUNCTION, HouseStyle.DASHED);
        Lines.line(chart, m.get("series.fitAtEpoch", f.epoch()), d.gridX(), Lines.clip(f.y(), range[0], range[1]),
                FitGalleryChart.fitColor(f), HouseStyle.SOLID);
        HouseStyle.finish(chart, null);
        return chart;
    }

    /** The strip's overall title: which cell, and where its test loss went. */
    public static String title(FitData d, Messages m) {
        Fit first = d.fits().get(0), last = d.fits().get(d.fits().size() - 1);
        return m.get("chart.evolution.title", first.cellId(), Messages.number(first.testLoss()), first.epoch(),
                Messages.number(last.testLoss()), last.epoch());
    }

    /**
     * Up to {@code count} epochs from those with a checkpoint, spread evenly on a square-root scale (a fit changes
     * fastest early), always including the first and the last.
     */
    public static List<Integer> chooseEpochs(List<Integer> available, int count) {
        List<Integer> out = new ArrayList<>();
        if (available.isEmpty()) {
            return out;
        }
        int first = available.get(0), last = available.get(available.size() - 1);
        for (int k = 0; k < count; k++) {
            double t = count == 1 ? 1 : (double) k / (count - 1);
            double target = first + (last - first) * t * t;
            int nearest = available.get(0);
            for (int e : available) {
                if (Math.abs(e - target) < Math.abs(nearest - target)) {
                    nearest = e;
                }
            }
            if (!out.contains(nearest)) {
                out.add(nearest);
            }
        }
        out.sort(null);
        return out;
    }
}
