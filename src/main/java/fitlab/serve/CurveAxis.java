package fitlab.serve;

import fitlab.config.Experiment;
import fitlab.config.SweepAxis;
import fitlab.report.Capacity;
import fitlab.report.LoadedRun;
import fitlab.report.SettingCurveChart;
import fitlab.report.SweepGroups;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The x axis of the page's capacity (or setting) curve, decided once per run from the whole sweep so that no point
 * moves as more cells finish, by the report's rules: a model's own capacity when it is swept (a degree as written,
 * hidden layers by their number of parameters), else the first other swept setting; numbers on a log axis beyond
 * 1.5 decades with a 0 one step left of the smallest positive value, words (a basis, a data kind) as categories.
 *
 * @param path       the swept setting, "" when nothing is swept
 * @param kind       how a cell is placed along it
 * @param place      for numbers: linear or log, and where a 0 is drawn
 * @param categories for words: the values in the sweep's order, placed at 0, 1, 2, ...
 */
record CurveAxis(String path, Kind kind, SettingCurveChart.Placement place, List<String> categories, boolean capacity) {
    enum Kind { NUMBER, PARAMETERS, CATEGORIES }

    static CurveAxis of(Experiment e) {
        Optional<String> own = Capacity.axis(e);
        String path = own.or(() -> e.sweep().stream()
                .filter(a -> !a.path().equals(LoadedRun.SEED) && a.values().size() > 1).map(SweepAxis::path).findFirst()).orElse("");
        List<Object> values = e.cells().stream().map(c -> c.values().get(path)).distinct().toList();
        boolean numbers = !values.isEmpty() && values.stream().allMatch(v -> v instanceof Number);
        if (path.isEmpty() || path.equals("model.hidden") || values.size() < 2) {
            return new CurveAxis(path, Kind.PARAMETERS, null, List.of(), own.isPresent());
        }
        if (!numbers) {
            List<String> names = values.stream().map(SweepGroups::plain).distinct().toList();
            return new CurveAxis(path, Kind.CATEGORIES, null, names, own.isPresent());
        }
        double[] sorted = values.stream().mapToDouble(v -> ((Number) v).doubleValue()).distinct().sorted().toArray();
        return new CurveAxis(path, Kind.NUMBER, SettingCurveChart.Placement.of(sorted), List.of(), own.isPresent());
    }

    /** Where a finished cell sits along the axis. */
    double x(Map<String, Object> values, int parameters) {
        return switch (kind) {
            case PARAMETERS -> parameters;
            case CATEGORIES -> categories.indexOf(SweepGroups.plain(values.get(path)));
            case NUMBER -> place.x(((Number) values.get(path)).doubleValue());
        };
    }

    /** The curve the cell belongs to: the other swept settings, as the report labels its per-group charts. */
    String group(Experiment e, Map<String, Object> values) {
        return path.isEmpty() ? "" : SweepGroups.label(e, path, values);
    }

    /** What the page needs to draw the axis, sent with each point. */
    Map<String, Object> describe(int pointsInGroup) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("axis", kind == Kind.PARAMETERS ? "parameters" : path);
        m.put("curve", capacity ? "capacity" : "setting");
        m.put("logX", kind == Kind.PARAMETERS ? pointsInGroup > 1 : kind == Kind.NUMBER && place.log());
        boolean zero = kind == Kind.NUMBER && place.hasZero();
        // the stand-in x of a 0 on a log axis, which the page labels "0", and the value it is drawn left of
        m.put("zeroAt", zero ? place.zeroAt() : null);
        m.put("firstPositive", zero ? place.firstPositive() : null);
        m.put("categories", kind == Kind.CATEGORIES ? categories : null);
        return m;
    }
}
