package fitlab.report;

import fitlab.config.SweepAxis;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/** Arranges a run's cells along one swept axis, grouped by the other axes, with the seed repeats pooled. */
public final class SweepGroups {
    private SweepGroups() {}

    /**
     * @param path the axis laid out on the x axis (e.g. {@code model.degree})
     * @param x    the x value of a cell (e.g. its degree, or its number of parameters)
     */
    public static List<AxisGroup> along(LoadedRun run, String path, ToDoubleFunction<CellRun> x) {
        Map<String, TreeMap<Double, List<CellRun>>> groups = new LinkedHashMap<>();
        for (CellRun c : run.cells()) {
            String key = otherAxes(run, path, c);
            groups.computeIfAbsent(key, k -> new TreeMap<>()).computeIfAbsent(x.applyAsDouble(c), k -> new ArrayList<>()).add(c);
        }
        List<AxisGroup> out = new ArrayList<>();
        groups.forEach((label, byX) -> out.add(new AxisGroup(label,
                byX.entrySet().stream().map(e -> new AxisPoint(e.getKey(), e.getValue())).toList())));
        return out;
    }

    private static String otherAxes(LoadedRun run, String path, CellRun c) {
        return label(run.experiment(), path, c.cell().values());
    }

    /**
     * The group a cell belongs to along {@code path}: the other swept settings (seeds and single values left out) as
     * {@code kind=spiral,lr=0.01}, empty when nothing else is swept. The live page groups its capacity curve by the
     * same label as the report's charts.
     */
    public static String label(fitlab.config.Experiment e, String path, Map<String, Object> values) {
        StringBuilder sb = new StringBuilder();
        for (SweepAxis a : e.sweep()) {
            if (a.path().equals(path) || a.path().equals(LoadedRun.SEED) || a.values().size() < 2) {
                continue;
            }
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(a.shortName()).append('=').append(plain(values.get(a.path())));
        }
        return sb.toString();
    }

    /** A swept value as written: lists as {@code [16, 16]}, whole doubles without {@code .0}. */
    public static String plain(Object v) {
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return String.valueOf(v);
    }
}
