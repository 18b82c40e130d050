package fitlab.report;

import fitlab.runfolder.MetricsRow;
import fitlab.train.stopping.Marker;
import java.util.List;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;

/**
 * Loss against epoch for one cell (log y): training, validation and test loss, the noise floor σ² (the lowest mean
 * squared error any model can reach on new data), the best epoch, every early-stopping marker (patience, GL, PQ, UP)
 * and, when training really stopped early, the stop point. Marker names are written at the top of their lines, in
 * the headroom above the curves, staggered so none overlaps another. The title carries the key number.
 */
public final class LossCurveChart {
    private LossCurveChart() {}

    public static XYChart build(CellRun cell, Messages m) {
        List<MetricsRow> rows = cell.metrics();
        MetricsRow best = cell.best();
        String title = m.get("chart.lossCurves.title", cell.id(), Messages.number(best.validationLoss()), best.epoch());
        Double floor = cell.summary().noiseFloor();
        XYChart chart = HouseStyle.xyChart(title, m.get("axis.epoch"), m.get(floor != null ? "axis.loss" : "axis.lossGeneric"),
                m.fontFamily());
        chart.getStyler().setYAxisLogarithmic(true);

        double[] epochs = column(rows, MetricsRow::epoch);
        double[] train = column(rows, MetricsRow::trainLoss);
        double[] validation = column(rows, MetricsRow::validationLoss);
        double[] test = column(rows, MetricsRow::testLoss);
        double lo = Lines.minPositive(train, validation, test, floor == null ? new double[0] : new double[] {floor});
        // room above the curves for the marker names, one row each at most
        double hi = Lines.headroom(lo, Lines.maxFinite(train, validation, test), 2 + cell.summary().markers().size());
        chart.getStyler().setYAxisMin(lo);
        chart.getStyler().setYAxisMax(hi);
        Lines.line(chart, m.get("series.train"), epochs, Lines.atLeast(train, lo), Palette.TRAIN, HouseStyle.SOLID);
        Lines.line(chart, m.get("series.validation"), epochs, Lines.atLeast(validation, lo), Palette.VALIDATION, HouseStyle.SOLID);
        Lines.line(chart, m.get("series.test"), epochs, Lines.atLeast(test, lo), Palette.TEST, HouseStyle.SOLID);
        double first = epochs[0], last = epochs[epochs.length - 1];
        if (floor != null) {
            Lines.horizontal(chart, m.get("series.noiseFloor", Messages.number(floor)), floor, first, last,
                    Palette.NOISE_FLOOR, HouseStyle.DASHED);
        }
        TopLabels top = new TopLabels(chart.getStyler().getAnnotationTextFont());
        Lines.marker(chart, top, m.get("marker.best", best.epoch()), best.epoch(), lo, hi, Palette.BEST, HouseStyle.DASHED);
        for (Marker mk : cell.summary().markers()) {
            if (mk.name().equals("diverged")) {
                continue; // drawn below as the stop line, which says the same
            }
            boolean patience = mk.name().equals("patience");
            Lines.marker(chart, top, markerLabel(mk, m), mk.epoch(), lo, hi, patience ? Palette.PATIENCE : Palette.CRITERION,
                    HouseStyle.DOTTED);
        }
        String reason = cell.summary().stopReason();
        if (!reason.equals("completed")) {
            int stop = cell.summary().stopEpoch();
            Lines.marker(chart, top, m.get("marker.stop." + reason, stop), stop, lo, hi, Palette.STOP, HouseStyle.SOLID_THIN);
        }
        roundEpochTicks(chart, first, last, lo);
        // epochs are counted: whole-number labels only (set here, as the hidden point above is not a whole number)
        chart.getStyler().setXAxisTickLabelsFormattingFunction(HumanNumber::wholeOnly);
        HouseStyle.finish(chart, top);
        return chart;
    }

    /**
     * When all x values of a chart are equally spaced, XChart 4 puts a tick on every n-th of them (0, 58, 116, ... on
     * 800 epochs, which run together at slide size) instead of at round numbers. One hidden point half-way between
     * two epochs makes the spacing uneven, and the axis gets round ticks (0, 200, 400, ...) like any number axis.
     */
    private static void roundEpochTicks(XYChart chart, double first, double last, double y) {
        if (last - first < 2) {
            return;
        }
        var hidden = chart.addSeries(" ", new double[] {first + 0.5}, new double[] {y});
        hidden.setShowInLegend(false);
        hidden.setMarker(org.knowm.xchart.style.markers.SeriesMarkers.NONE);
        hidden.setLineStyle(HouseStyle.SOLID);
        hidden.setLineColor(new java.awt.Color(0, 0, 0, 0));
    }

    /** {@code patience} or a Prechelt criterion such as {@code GL5}, {@code PQ0.5}, {@code UP3}, in the report language. */
    static String markerLabel(Marker mk, Messages m) {
        String name = mk.name();
        if (name.equals("patience")) {
            return m.get("marker.patience", mk.epoch());
        }
        String family = name.replaceAll("[^A-Za-z].*$", "");
        String parameter = name.substring(family.length());
        return switch (family) {
            case "GL", "PQ", "UP" -> m.get("marker." + family, parameter, mk.epoch());
            default -> m.get("marker.other", name, mk.epoch());
        };
    }

    private static double[] column(List<MetricsRow> rows, ToDoubleFunction<MetricsRow> f) {
        return rows.stream().mapToDouble(f).toArray();
    }
}
