package fitlab.report;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** One value of a swept axis and the cells that share it (one per seed when seeds are swept). */
public record AxisPoint(double x, List<CellRun> cells) {
    public AxisPoint {
        cells = List.copyOf(cells);
    }

    public double mean(ToDoubleFunction<CellRun> f) {
        return Stats.mean(values(f));
    }

    /** Sample standard deviation over the cells (0 for a single cell). */
    public double std(ToDoubleFunction<CellRun> f) {
        return Stats.std(values(f));
    }

    private double[] values(ToDoubleFunction<CellRun> f) {
        return cells.stream().mapToDouble(f).toArray();
    }
}
