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

    /** The first swept capacity axis, if any. */
    public static Optional<String> axis(LoadedRun run) {
        return AXES.stream().filter(run::sweeps).findFirst();
    }

    public static double x(String path, CellRun c) {
        return path.equals("model.degree") ? ((Number) c.value(path)).doubleValue() : c.summary().parameters();
    }

    /** The axis title: "polynomial degree" or "number of parameters". */
    public static String axisTitle(String path, Messages m) {
        return m.get(path.equals("model.degree") ? "axis.degree" : "axis.parameters");
    }

    /** How a point is named in titles: "degree 4" or "2 305 parameters". */
    public static String pointName(String path, double x, Messages m) {
        return m.get(path.equals("model.degree") ? "capacity.degree" : "capacity.parameters", (long) x);
    }
}
