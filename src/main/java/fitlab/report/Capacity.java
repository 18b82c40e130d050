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
        String own = run.base().model().kind() == fitlab.config.ModelKind.POLYNOMIAL ? "model.degree" : "model.hidden";
        return run.axis(own).filter(a -> a.values().size() > 1).map(a -> own);
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
