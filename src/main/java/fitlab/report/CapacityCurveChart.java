package fitlab.report;

import fitlab.diagnosis.Verdict;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
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
        boolean byWidth = Capacity.byWidth(path, g);
        AxisGroup laid = byWidth ? byWidth(g) : g;
        double[] x = laid.xs();
        double[] train = LossColumns.means(laid, LossColumns.TRAIN);
        double[] validation = LossColumns.means(laid, LossColumns.VALIDATION);
        double[] test = LossColumns.means(laid, LossColumns.TEST);
        int best = LossColumns.bestIndex(laid);
        String where = byWidth ? m.get("capacity.width", (long) x[best], (long) g.xs()[best]) : Capacity.pointName(path, x[best], m);
        String title = m.get("chart.capacity.title", Messages.number(validation[best]), where) + groupSuffix(g, m);
        XYChart chart = HouseStyle.xyChart(title, byWidth ? m.get("axis.width") : Capacity.axisTitle(path, m),
                m.get(noiseFloor.isPresent() ? "axis.finalLoss" : "axis.finalLossGeneric"), m.fontFamily());
        boolean logX = Capacity.logScale(x);
        chart.getStyler().setXAxisLogarithmic(logX);
        chart.getStyler().setYAxisLogarithmic(true);
        // a training loss interpolated to rounding error (10⁻³⁰ past the threshold of lesson 12) is drawn at a millionth
        // of the lowest held-out loss, as the double-descent chart does: "zero" without thirty decades of empty axis
        double lo = Math.max(Lines.minPositive(train, validation, test, noiseFloor.map(f -> new double[] {f}).orElse(new double[0])) / 2,
                Lines.minPositive(validation, test) * 1e-6);
        double hi = Lines.maxFinite(train, validation, test) * 3; // headroom for the region labels
        chart.getStyler().setYAxisMin(lo);
        chart.getStyler().setYAxisMax(hi);
        // the points must not sit on the plot's edges, where their dots and error bars would be cut in half
        double[] xr = padded(x, logX);
        chart.getStyler().setXAxisMin(xr[0]);
        chart.getStyler().setXAxisMax(xr[1]);

        TopLabels top = new TopLabels(chart.getStyler().getAnnotationTextFont());
        List<RegionShading.Band> bands = new ArrayList<>();
        List<Region> regions = new ArrayList<>(regions(laid, logX));
        if (!regions.isEmpty()) {
            // the outer bands reach the plot's edges, not just the outermost points
            regions.set(0, new Region(regions.get(0).verdict(), Math.min(xr[0], regions.get(0).x0()), regions.get(0).x1()));
            Region last = regions.get(regions.size() - 1);
            regions.set(regions.size() - 1, new Region(last.verdict(), last.x0(), Math.max(xr[1], last.x1())));
        }
        for (Region r : regions) {
            String label = m.get("region." + r.verdict().key());
            bands.add(new RegionShading.Band(r.x0(), r.x1(), regionColor(r.verdict()), label));
            top.add(logX ? Math.sqrt(r.x0() * r.x1()) : (r.x0() + r.x1()) / 2, label, TopLabels.Anchor.CENTRED);
        }
        chart.addAnnotation(new RegionShading(bands));
        Lines.measured(chart, m.get("series.train"), x, Lines.atLeast(train, lo), LossColumns.errors(laid, LossColumns.TRAIN), Palette.TRAIN);
        Lines.measured(chart, m.get("series.validation"), x, Lines.atLeast(validation, lo),
                LossColumns.errors(laid, LossColumns.VALIDATION), Palette.VALIDATION);
        Lines.measured(chart, m.get("series.test"), x, Lines.atLeast(test, lo), LossColumns.errors(laid, LossColumns.TEST), Palette.TEST);
        noiseFloor.ifPresent(f -> Lines.horizontal(chart, m.get("series.noiseFloor", Messages.number(f)), f, xr[0], xr[1],
                Palette.NOISE_FLOOR, HouseStyle.DASHED));
        Lines.marker(chart, top, m.get("marker.chosen", where), x[best], lo, hi, Palette.BEST, HouseStyle.DASHED);
        if (byWidth) {
            List<AxisNotes.Note> notes = new ArrayList<>();
            double[] parameters = g.xs();
            for (int i = 0; i < x.length; i++) {
                notes.add(new AxisNotes.Note(x[i], String.format(java.util.Locale.ROOT, "%,d", (long) parameters[i])));
            }
            chart.addAnnotation(new AxisNotes(notes, m.get("axis.parametersNote"), chart.getStyler().getAnnotationTextFont()
                    .deriveFont(24f)));
        }
        HouseStyle.finish(chart, top);
        return chart;
    }

    /** The same points placed by the width of their (equally wide) hidden layers instead of their parameter count. */
    static AxisGroup byWidth(AxisGroup g) {
        return new AxisGroup(g.label(), g.points().stream()
                .map(p -> new AxisPoint(Capacity.width(p.cells().get(0)).orElseThrow(), p.cells())).toList());
    }

    /**
     * The x range with room beyond the first and last point: on a log axis half a ratio step, on a linear axis a twentieth
     * of the span (half an average step reached below zero for degrees 1, 4, 15), never below zero for positive values.
     */
    static double[] padded(double[] x, boolean log) {
        double lo = x[0], hi = x[x.length - 1];
        if (x.length < 2 || hi <= lo) {
            return log ? new double[] {lo / 2, hi * 2} : new double[] {Math.max(lo >= 0 ? 0 : lo - 1, lo - 1), hi + 1};
        }
        if (log) {
            double ratio = Math.pow(hi / lo, 0.5 / (x.length - 1));
            return new double[] {lo / ratio, hi * ratio};
        }
        double pad = (hi - lo) * LINEAR_PAD;
        return new double[] {lo >= 0 ? Math.max(0, lo - pad) : lo - pad, hi + pad};
    }

    /** A twentieth of the span: a dot of the outermost points clears the plot's edge by tens of pixels. */
    static final double LINEAR_PAD = 0.05;

    /**
     * Contiguous stretches of capacities with the same majority verdict over seeds. Boundaries lie halfway between
     * neighbouring capacities; the outer edges at the first and last capacity. Cells without a diagnosis (diverged)
     * are left out.
     */
    public static List<Region> regions(AxisGroup g) {
        return regions(g, false);
    }

    /** As {@link #regions(AxisGroup)}; on a log axis the boundaries lie at the geometric mean of neighbours. */
    public static List<Region> regions(AxisGroup g, boolean log) {
        List<AxisPoint> pts = g.points();
        List<Region> out = new ArrayList<>();
        Verdict current = null;
        double start = 0;
        for (int i = 0; i < pts.size(); i++) {
            Verdict v = majority(pts.get(i));
            double left = i == 0 ? pts.get(0).x() : log ? Math.sqrt(pts.get(i - 1).x() * pts.get(i).x())
                    : (pts.get(i - 1).x() + pts.get(i).x()) / 2;
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
        List<Verdict> verdicts = new ArrayList<>();
        p.cells().forEach(c -> c.diagnosis().ifPresent(d -> verdicts.add(d.verdict())));
        return Verdict.majority(verdicts);
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
