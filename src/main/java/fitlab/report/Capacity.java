package fitlab.report;

import java.util.List;
import java.util.Optional;

/**
 * Which swept setting is a model's capacity, and how to place a cell on a capacity axis: a polynomial's degree as
 * written, an MLP's hidden layers by their number of trainable parameters (a list like [16, 16] has no order of its
 * own).
 */
public final class Capacity {
    public static final List<String> AXES = List.of("model.degree", "model.hidden");

    private Capacity() {}

    /** The swept capacity axis that matters for the model trained (degree for polynomials, hidden for MLPs), if any. */
    public static Optional<String> axis(LoadedRun run) {
        return axis(run.experiment());
    }

    /** As {@link #axis(LoadedRun)}, from the experiment alone: what the live page lays its capacity curve along. */
    public static Optional<String> axis(fitlab.config.Experiment e) {
        String own = e.base().model().kind() == fitlab.config.ModelKind.POLYNOMIAL ? "model.degree" : "model.hidden";
        return e.sweep().stream().filter(a -> a.path().equals(own) && a.values().size() > 1).findFirst().map(a -> own);
    }

    public static double x(String path, CellRun c) {
        return path.equals("model.degree") ? ((Number) c.value(path)).doubleValue() : c.summary().parameters();
    }

    /**
     * The width of an MLP whose hidden layers are all equally wide ({@code [64, 64]} is 64), else empty: a sweep of such
     * MLPs is drawn against the width a teacher wrote, with the parameter count as a second label line.
     */
    public static java.util.OptionalInt width(CellRun c) {
        Object v = c.value("model.hidden");
        if (!(v instanceof List<?> layers) || layers.isEmpty()) {
            return java.util.OptionalInt.empty();
        }
        int first = ((Number) layers.get(0)).intValue();
        for (Object o : layers) {
            if (((Number) o).intValue() != first) {
                return java.util.OptionalInt.empty();
            }
        }
        return java.util.OptionalInt.of(first);
    }

    /** Whether every cell of the group is an MLP of equally wide layers, all of the same depth. */
    public static boolean byWidth(String path, AxisGroup g) {
        if (!path.equals("model.hidden")) {
            return false;
        }
        java.util.Set<Integer> depths = new java.util.HashSet<>();
        for (AxisPoint p : g.points()) {
            for (CellRun c : p.cells()) {
                if (width(c).isEmpty()) {
                    return false;
                }
                depths.add(((List<?>) c.value("model.hidden")).size());
            }
        }
        return depths.size() == 1;
    }

    /** A swept setting is drawn on a log axis when its values span more than 1.5 decades. */
    public static boolean logScale(double[] values) {
        double lo = Lines.minPositive(values), hi = Lines.maxFinite(values);
        return lo > 0 && Lines.minFinite(values) > 0 && Math.log10(hi / lo) > LOG_AXIS_DECADES;
    }

    public static final double LOG_AXIS_DECADES = 1.5;

    /** The axis title: "polynomial degree" or "number of parameters". */
    public static String axisTitle(String path, Messages m) {
        return m.get(path.equals("model.degree") ? "axis.degree" : "axis.parameters");
    }

    /** How a point is named in titles: "degree 4" or "2 305 parameters". */
    public static String pointName(String path, double x, Messages m) {
        return m.get(path.equals("model.degree") ? "capacity.degree" : "capacity.parameters", (long) x);
    }
}
