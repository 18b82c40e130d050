package fitlab.report;

import fitlab.config.SweepAxis;
import fitlab.train.stopping.StopReason;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.style.XYStyler;

/**
 * Final losses against a swept training setting that is not a capacity (penalty strength, learning rate, augmentation
 * copies, dropout, epochs): the U of lesson 04's penalty, lesson 09's learning rates from crawling to diverging. With
 * one swept axis the chart has the training, validation and test loss; with two (weight decay × L1) it has the test
 * loss along this axis, one line per value of the other. A setting spanning more than 1.5 decades gets a log axis; a
 * 0 among its values (no penalty, no copies), which a log axis cannot hold, is drawn one step left of the smallest
 * positive value and labelled "0", and the axis title says so. Diverged cells are not points: a dotted line at their
 * x is labelled "diverged" at the top of the plot.
 */
public final class SettingCurveChart {
    /** Fewer swept values make no curve: two cells are compared in their loss curves. */
    static final int MIN_VALUES = 3;

    private SettingCurveChart() {}

    /** One chart per swept numeric setting with its own chart nowhere else (capacity, training size and seed have theirs). */
    public static List<RenderedChart> charts(LoadedRun run, Optional<Double> floor, Messages m) {
        List<RenderedChart> out = new ArrayList<>();
        for (SweepAxis a : run.experiment().sweep()) {
            if (charted(run, a)) {
                out.add(RenderedChart.main("setting-" + a.shortName(), m.get("caption.setting", a.path()), build(run, a, floor, m)));
            }
        }
        return out;
    }

    static boolean charted(LoadedRun run, SweepAxis a) {
        String path = a.path();
        if (a.values().size() < MIN_VALUES || Capacity.AXES.contains(path) || path.equals(LearningCurveChart.AXIS)
                || path.equals(LoadedRun.SEED)) {
            return false;
        }
        return run.cells().stream().allMatch(c -> c.value(path) instanceof Number);
    }

    /**
     * Where the values sit on the x axis: log or linear, and the stand-in position of a 0 on a log axis (public: the
     * live page places its curve's points by the same rule).
     */
    public record Placement(boolean log, double zeroAt, double firstPositive) {
        public static Placement of(double[] sortedValues) {
            double[] positive = java.util.Arrays.stream(sortedValues).filter(v -> v > 0).toArray();
            boolean log = positive.length >= 2 && Capacity.logScale(positive) && sortedValues[0] >= 0;
            if (!log || sortedValues[0] > 0) {
                return new Placement(log, Double.NaN, log ? positive[0] : Double.NaN);
            }
            // one step of the grid to the left (a decade for 10⁻⁴, 10⁻³, ...; half for 1, 2, 4), at most a decade (a
            // quick run's 0.001, 1 would put 0 at 10⁻⁶, three empty decades away), on a labelled tick
            double step = Math.min(positive[1] / positive[0], 10);
            double span = Math.log10(positive[positive.length - 1] / (positive[0] / step));
            return new Placement(true, tickAtOrBelow(positive[0] / step, span > LogTicks.POWERS_BEYOND_DECADES - 1), positive[0]);
        }

        /** The largest 1, 2 or 5 × 10ᵏ (a decade only, on an axis labelled at its decades) not above {@code v}. */
        static double tickAtOrBelow(double v, boolean decadeOnly) {
            double decade = Math.pow(10, Math.floor(Math.log10(v) + 1e-9));
            if (decadeOnly) {
                return decade;
            }
            for (int mantissa : new int[] {5, 2}) {
                if (mantissa * decade <= v * (1 + 1e-9)) {
                    return mantissa * decade;
                }
            }
            return decade;
        }

        public boolean hasZero() {
            return !Double.isNaN(zeroAt);
        }

        public double x(double value) {
            return value == 0 && hasZero() ? zeroAt : value;
        }

        double[] xs(double[] values) {
            return java.util.Arrays.stream(values).map(this::x).toArray();
        }
    }

    static XYChart build(LoadedRun run, SweepAxis axis, Optional<Double> floor, Messages m) {
        String path = axis.path(), name = axis.shortName();
        List<AxisGroup> groups = SweepGroups.along(run, path, c -> ((Number) c.value(path)).doubleValue());
        TreeSet<Double> all = new TreeSet<>();
        groups.forEach(g -> g.points().forEach(p -> all.add(p.x())));
        double[] values = all.stream().mapToDouble(Double::doubleValue).toArray();
        Placement place = Placement.of(values);

        // the best cell: lowest mean final validation loss over the seeds, among the cells that did not diverge
        AxisGroup bestGroup = null;
        AxisPoint best = null;
        for (AxisGroup g : groups) {
            for (AxisPoint p : g.points()) {
                if (!diverged(p) && (best == null || p.mean(LossColumns.VALIDATION) < best.mean(LossColumns.VALIDATION))) {
                    best = p;
                    bestGroup = g;
                }
            }
        }
        String where = name + "=" + Messages.number(best.x()) + (bestGroup.label().isEmpty() ? "" : ", " + bestGroup.label());
        String title = m.get("chart.capacity.title", Messages.number(best.mean(LossColumns.VALIDATION)), where);
        String xTitle = !place.log() ? m.get("axis.setting", path)
                : place.hasZero() ? m.get("axis.settingLogZero", path, Messages.number(place.firstPositive()))
                : m.get("axis.settingLog", path);
        XYChart chart = HouseStyle.xyChart(title, xTitle, m.get(floor.isPresent() ? "axis.finalLoss" : "axis.finalLossGeneric"), m.fontFamily());
        XYStyler s = chart.getStyler();
        s.setXAxisLogarithmic(place.log());
        s.setYAxisLogarithmic(true);
        double[] xr = CapacityCurveChart.padded(place.xs(values), place.log());
        s.setXAxisMin(xr[0]);
        s.setXAxisMax(xr[1]);

        TopLabels top = new TopLabels(s.getAnnotationTextFont());
        List<double[]> drawn = new ArrayList<>();
        if (groups.size() == 1) {
            AxisGroup g = kept(groups.get(0));
            double[] x = place.xs(g.xs());
            drawn.add(line(chart, m.get("series.train"), x, g, LossColumns.TRAIN, Palette.TRAIN));
            drawn.add(line(chart, m.get("series.validation"), x, g, LossColumns.VALIDATION, Palette.VALIDATION));
            drawn.add(line(chart, m.get("series.test"), x, g, LossColumns.TEST, Palette.TEST));
        } else {
            int i = 0;
            for (AxisGroup g : groups) {
                AxisGroup k = kept(g);
                drawn.add(line(chart, m.get("series.testIn", k.label()), place.xs(k.xs()), k, LossColumns.TEST,
                        Palette.CLASSES[i++ % Palette.CLASSES.length]));
            }
        }
        floor.ifPresent(f -> drawn.add(new double[] {f}));
        double[][] heights = drawn.toArray(double[][]::new);
        double lo = Lines.minPositive(heights) / 2;
        double hi = Lines.maxFinite(heights) * 2;
        s.setYAxisMin(lo);
        s.setYAxisMax(hi);
        floor.ifPresent(f -> Lines.horizontal(chart, m.get("series.noiseFloor", Messages.number(f)), f, xr[0], xr[1],
                Palette.NOISE_FLOOR, HouseStyle.DASHED));
        Lines.marker(chart, top, m.get("marker.chosen", where), place.x(best.x()), lo, hi, Palette.BEST, HouseStyle.DASHED);
        for (double v : values) {
            if (groups.stream().allMatch(g -> g.points().stream().filter(p -> p.x() == v).allMatch(SettingCurveChart::diverged))) {
                Lines.marker(chart, top, m.get("marker.settingDiverged", name + "=" + Messages.number(v)), place.x(v), lo, hi,
                        Palette.STOP, HouseStyle.DOTTED);
            }
        }
        HouseStyle.finish(chart, top);
        if (place.hasZero()) {
            Function<Double, String> labels = s.getXAxisTickLabelsFormattingFunction();
            s.setXAxisTickLabelsFormattingFunction(t -> Math.abs(Math.log10(t / place.zeroAt())) < 1e-6 ? "0"
                    : t < place.firstPositive() * (1 - 1e-9) ? LogTicks.BLANK : labels.apply(t));
        }
        return chart;
    }

    private static double[] line(XYChart chart, String name, double[] x, AxisGroup g, ToDoubleFunction<CellRun> column, Color color) {
        double[] y = LossColumns.means(g, column);
        Lines.measured(chart, name, x, y, LossColumns.errors(g, column), color);
        return y;
    }

    /** The points of a group whose cells did not diverge (a loss of 10⁴ at lr = 10 is no final loss to compare). */
    private static AxisGroup kept(AxisGroup g) {
        return new AxisGroup(g.label(), g.points().stream().filter(p -> !diverged(p)).toList());
    }

    private static boolean diverged(AxisPoint p) {
        return p.cells().stream().anyMatch(c -> c.summary().stopReason().equals(StopReason.DIVERGED.key()));
    }
}
