package fitlab.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Lesson 08's main figure, from {@code eval-modes.csv}: per dropout cell (at its dropout p), the test loss logged in
 * metrics.csv, the reloaded best checkpoint's loss in eval mode and in train mode, side by side (small offsets along
 * x, because the first two are equal and would otherwise hide each other). Log y: train mode can be several times worse.
 */
final class EvalModesChart {
    static final String FILE = "eval-modes.csv";
    /** The split drawn; the file has the validation split as well. */
    static final String SPLIT = "test";

    private EvalModesChart() {}

    /** One row of the file: cell id, best epoch, split and the three losses. */
    record Row(String cell, int epoch, String split, double logged, double evalMode, double trainMode) {}

    static Optional<RenderedChart> chart(LoadedRun run, Messages m) {
        Path file = run.folder().root().resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<Row> rows = read(file).stream().filter(r -> r.split().equals(SPLIT)).toList();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(RenderedChart.main("eval-modes", m.get("caption.evalModes"), build(run, rows, m)));
    }

    static XYChart build(LoadedRun run, List<Row> rows, Messages m) {
        int n = rows.size();
        double[] p = new double[n];
        double worst = 1;
        for (int i = 0; i < n; i++) {
            String id = rows.get(i).cell();
            p[i] = run.cells().stream().filter(c -> c.id().equals(id)).findFirst()
                    .map(c -> c.cell().config().model().dropout()).orElse((double) i);
            worst = Math.max(worst, rows.get(i).trainMode() / rows.get(i).evalMode());
        }
        XYChart chart = HouseStyle.xyChart(m.get("chart.evalModes.title", Messages.number(worst)), m.get("axis.dropout"),
                m.get("axis.loss"), m.fontFamily());
        chart.getStyler().setYAxisLogarithmic(true);
        chart.getStyler().setMarkerSize(26);
        double lo = Double.MAX_VALUE, hi = 0, xMin = Double.MAX_VALUE, xMax = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            Row r = rows.get(i);
            lo = Math.min(lo, Math.min(r.logged(), r.evalMode()));
            hi = Math.max(hi, r.trainMode());
            xMin = Math.min(xMin, p[i]);
            xMax = Math.max(xMax, p[i]);
        }
        double span = xMax > xMin ? xMax - xMin : 0.2;
        double dx = 0.04 * span;
        double pad = xMax > xMin ? 0.2 * span : 0.1; // one cell: a window of ±0.1 around its p
        chart.getStyler().setXAxisMin(xMin - pad);
        chart.getStyler().setXAxisMax(xMax + pad);
        // a decade below and room above for the legend, so no point sits under it
        chart.getStyler().setYAxisMin(lo / 2);
        chart.getStyler().setYAxisMax(Lines.headroom(lo / 2, hi, 5));
        Lines.points(chart, m.get("series.logged"), shift(p, -dx), rows.stream().mapToDouble(Row::logged).toArray(), Palette.TEST,
                SeriesMarkers.CIRCLE);
        Lines.points(chart, m.get("series.evalMode"), p, rows.stream().mapToDouble(Row::evalMode).toArray(), Palette.TRAIN,
                SeriesMarkers.DIAMOND);
        Lines.points(chart, m.get("series.trainMode"), shift(p, dx), rows.stream().mapToDouble(Row::trainMode).toArray(),
                Palette.VALIDATION, SeriesMarkers.SQUARE);
        HouseStyle.finish(chart, new TopLabels(chart.getStyler().getAnnotationTextFont()));
        return chart;
    }

    private static double[] shift(double[] x, double by) {
        double[] out = x.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += by;
        }
        return out;
    }

    /** The file's rows. */
    static List<Row> read(Path file) {
        List<Row> out = new ArrayList<>();
        for (List<String> f : CsvLine.read(file, 6)) {
            try {
                out.add(new Row(f.get(0), Integer.parseInt(f.get(1)), f.get(2), Double.parseDouble(f.get(3)), Double.parseDouble(f.get(4)),
                        Double.parseDouble(f.get(5))));
            } catch (NumberFormatException e) {
                throw new fitlab.UserError(file + ": " + e.getMessage());
            }
        }
        return out;
    }
}
