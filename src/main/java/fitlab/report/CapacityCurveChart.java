package fitlab.report;

import fitlab.experiment.diagnosis.Verdict;
import java.awt.Color;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.knowm.xchart.XYChart;

/**
 * Training, validation and test loss (mean ± std over seeds) against a sweep's capacity, with the capacities shaded
 * underfit / good / overfit by the diagnosis rules and the chosen capacity (lowest validation loss) marked.
 */
public final class CapacityCurveChart {
    private CapacityCurveChart() {}

    /** A stretch of neighbouring capacities with the same verdict, from {@code x0} to {@code x1}. */
    public record Region(Verdict verdict, double x0, double x1) {}

    public static XYChart build(AxisGroup g, String path, Optional<Double> noiseFloor, Messages m) {
        double[] x = g.xs();
        double[] train = LossColumns.means(g, LossColumns.TRAIN);
        double[] validation = LossColumns.means(g, LossColumns.VALIDATION);
        double[] test = LossColumns.means(g, LossColumns.TEST);
        int best = LossColumns.bestIndex(g);
        String where = Capacity.pointName(path, x[best], m);
        String title = m.get("chart.capacity.title", Messages.number(validation[best]), where) + groupSuffix(g, m);
        XYChart chart = HouseStyle.xyChart(title, Capacity.axisTitle(path, m),
                m.get(noiseFloor.isPresent() ? "axis.finalLoss" : "axis.finalLossGeneric"), m.fontFamily());
        chart.getStyler().setYAxisLogarithmic(true);
        double lo = Lines.minPositive(train, validation, test, noiseFloor.map(f -> new double[] {f}).orElse(new double[0])) / 2;
        double hi = Lines.maxFinite(train, validation, test) * 3; // headroom for the region labels
        chart.getStyler().setYAxisMin(lo);
        chart.getStyler().setYAxisMax(hi);

        List<RegionShading.Band> bands = new ArrayList<>();
        for (Region r : regions(g)) {
            bands.add(new RegionShading.Band(r.x0(), r.x1(), regionColor(r.verdict()), m.get("region." + r.verdict().key())));
        }
        chart.addAnnotation(new RegionShading(bands, chart.getStyler().getLegendFont()));
        Lines.measured(chart, m.get("series.train"), x, Lines.atLeast(train, lo), LossColumns.errors(g, LossColumns.TRAIN), Palette.TRAIN);
        Lines.measured(chart, m.get("series.validation"), x, Lines.atLeast(validation, lo),
                LossColumns.errors(g, LossColumns.VALIDATION), Palette.VALIDATION);
        Lines.measured(chart, m.get("series.test"), x, Lines.atLeast(test, lo), LossColumns.errors(g, LossColumns.TEST), Palette.TEST);
        noiseFloor.ifPresent(f -> Lines.horizontal(chart, m.get("series.noiseFloor", Messages.number(f)), f, x[0], x[x.length - 1],
                Palette.NOISE_FLOOR, HouseStyle.DASHED));
        Lines.vertical(chart, m.get("marker.chosen", where), x[best], lo, hi, Palette.BEST, HouseStyle.DASHED);
        HouseStyle.fitTitle(chart);
        return chart;
    }

    /**
     * Contiguous stretches of capacities with the same majority verdict over seeds. Boundaries lie halfway between
     * neighbouring capacities; the outer edges at the first and last capacity. Cells without a diagnosis (diverged)
     * are left out.
     */
    public static List<Region> regions(AxisGroup g) {
        List<AxisPoint> pts = g.points();
        List<Region> out = new ArrayList<>();
        Verdict current = null;
        double start = 0;
        for (int i = 0; i < pts.size(); i++) {
            Verdict v = majority(pts.get(i));
            double left = i == 0 ? pts.get(0).x() : (pts.get(i - 1).x() + pts.get(i).x()) / 2;
            if (v != current) {
                if (current != null) {
                    out.add(new Region(current, start, left));
                }
                current = v;
                start = left;
            }
        }
        if (current != null) {
            out.add(new Region(current, start, pts.get(pts.size() - 1).x()));
        }
        out.removeIf(r -> r.verdict() == null);
        return out;
    }

    static Verdict majority(AxisPoint p) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        p.cells().forEach(c -> c.diagnosis().ifPresent(d -> counts.merge(d.verdict(), 1, Integer::sum)));
        // Ties go to the milder verdict in the order good, underfit, overfit, so a split vote never cries overfit.
        Verdict best = null;
        for (Verdict v : new Verdict[] {Verdict.GOOD, Verdict.UNDERFIT, Verdict.OVERFIT}) {
            if (counts.getOrDefault(v, 0) > 0 && (best == null || counts.get(v) > counts.get(best))) {
                best = v;
            }
        }
        return best;
    }

    static Color regionColor(Verdict v) {
        return switch (v) {
            case UNDERFIT -> Palette.UNDERFIT_REGION;
            case GOOD -> Palette.GOOD_REGION;
            case OVERFIT -> Palette.OVERFIT_REGION;
        };
    }

    static String groupSuffix(AxisGroup g, Messages m) {
        return g.label().isEmpty() ? "" : m.get("title.group", g.label());
    }
}
