package fitlab.report;

import fitlab.runfolder.ClassRecord;
import java.awt.BasicStroke;
import java.util.List;
import org.knowm.xchart.AnnotationText;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * A class run's capacity curve: every student's final validation loss against capacity as a faint line, the class
 * median in bold over a 10–90 % band, and above each capacity how many students' own runs diagnosed it underfit,
 * good or overfit. One student's curve is one draw of the noise; the band shows what a draw can look like.
 */
public final class ClassCapacityChart {
    private static final BasicStroke FAINT = new BasicStroke(1.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final BasicStroke BOLD = new BasicStroke(7f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);

    private ClassCapacityChart() {}

    /** Verdict counts at one point of the sweep: how many students' runs saw each regime there. */
    public record Counts(int underfit, int good, int overfit, int diverged) {}

    /** The curves of a group, one row per student in seed order: final validation loss at each point. */
    public static ClassBand band(AxisGroup g, List<Long> seeds) {
        double[][] curves = new double[seeds.size()][g.points().size()];
        for (int s = 0; s < seeds.size(); s++) {
            for (int p = 0; p < g.points().size(); p++) {
                long seed = seeds.get(s);
                curves[s][p] = g.points().get(p).cells().stream().filter(c -> seedOf(c) == seed).findFirst()
                        .map(c -> LossColumns.VALIDATION.applyAsDouble(c)).orElse(Double.NaN);
            }
        }
        return ClassBand.of(curves);
    }

    public static Counts counts(AxisPoint p, ClassRecord record) {
        int u = 0, g = 0, o = 0, d = 0;
        for (CellRun c : p.cells()) {
            String v = record.students().stream().map(ClassRecord.Student::diagnoses).map(m -> m.get(c.id()))
                    .filter(java.util.Objects::nonNull).findFirst().orElse("diverged");
            switch (v) {
                case "underfit" -> u++;
                case "good" -> g++;
                case "overfit" -> o++;
                default -> d++;
            }
        }
        return new Counts(u, g, o, d);
    }

    /** The class charts of a run: one per group along its capacity axis (or its first numeric axis); none for other runs. */
    public static List<RenderedChart> charts(LoadedRun run, Messages m) {
        if (!ClassRecord.STORE.exists(run.folder())) {
            return List.of();
        }
        ClassRecord record = ClassRecord.STORE.read(run.folder());
        java.util.Optional<String> axis = ReportPlan.biasVarianceAxis(run);
        if (axis.isEmpty()) {
            return List.of(); // a single-cell lesson: no curve to draw, the per-cell charts show every student
        }
        String path = axis.get();
        return SweepGroups.along(run, path, c -> ReportPlan.axisX(path, c)).stream()
                .map(g -> RenderedChart.main("class-capacity" + g.fileSuffix(), m.get("caption.class"), build(g, path, record, m)))
                .toList();
    }

    public static XYChart build(AxisGroup g, String path, ClassRecord record, Messages m) {
        List<Long> seeds = record.students().stream().map(ClassRecord.Student::seed).toList();
        ClassBand band = band(g, seeds);
        double[] x = g.xs();
        String xTitle = Capacity.AXES.contains(path) ? Capacity.axisTitle(path, m) : path;
        XYChart chart = HouseStyle.xyChart(m.get("chart.class.title", seeds.size()) + CapacityCurveChart.groupSuffix(g, m),
                m.get("axis.classCapacity", xTitle), m.get("axis.finalValidation"), m.fontFamily());
        chart.getStyler().setYAxisLogarithmic(true);
        double lo = Lines.minPositive(band.curves()) / 2;
        double hi = Lines.maxFinite(band.curves()) * 6; // headroom for the counts
        chart.getStyler().setYAxisMin(lo);
        chart.getStyler().setYAxisMax(hi);

        double[] polygonX = new double[2 * x.length];
        double[] polygonY = new double[2 * x.length];
        for (int i = 0; i < x.length; i++) {
            polygonX[i] = x[i];
            polygonY[i] = Math.max(band.p90()[i], lo);
            polygonX[2 * x.length - 1 - i] = x[i];
            polygonY[2 * x.length - 1 - i] = Math.max(band.p10()[i], lo);
        }
        XYSeries area = chart.addSeries(m.get("series.classBand"), polygonX, polygonY);
        area.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.PolygonArea);
        area.setFillColor(Palette.translucent(Palette.VALIDATION, 60));
        area.setLineColor(Palette.translucent(Palette.VALIDATION, 60));
        area.setMarker(SeriesMarkers.NONE);
        for (int s = 0; s < seeds.size(); s++) {
            XYSeries one = Lines.line(chart, m.get("series.student", String.valueOf(seeds.get(s))), x, Lines.atLeast(band.curves()[s], lo),
                    Palette.translucent(Palette.VALIDATION, 90), FAINT);
            one.setShowInLegend(s == 0);
            if (s == 0) {
                one.setLabel(m.get("series.students"));
            }
        }
        Lines.line(chart, m.get("series.classMedian"), x, Lines.atLeast(band.median(), lo), Palette.VALIDATION, BOLD);
        for (int i = 0; i < x.length; i++) {
            Counts c = counts(g.points().get(i), record);
            // two staggered rows, so neighbouring capacities' counts never overlap
            double y = i % 2 == 0 ? hi / 1.6 : hi / 3;
            AnnotationText label = new AnnotationText(m.get("label.classCounts", c.underfit(), c.good(), c.overfit()), x[i], y, false);
            chart.addAnnotation(label);
        }
        HouseStyle.fitTitle(chart);
        return chart;
    }

    private static long seedOf(CellRun c) {
        return ((Number) c.value(LoadedRun.SEED)).longValue();
    }
}
