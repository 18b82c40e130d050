package fitlab.config;

import java.util.List;
import java.util.Map;

/** Stable, folder-safe cell ids from swept values: {@code degree=4,seed=0}, {@code hidden=64-64}. */
final class CellIds {
    private CellIds() {}

    static String id(List<SweepAxis> axes, Map<String, Object> values) {
        StringBuilder sb = new StringBuilder();
        for (SweepAxis a : axes) {
            boolean clash = axes.stream().filter(b -> b.shortName().equals(a.shortName())).count() > 1;
            String name = clash ? a.path() : a.shortName();
            if (sb.length() > 0) {
                sb.append(',');
            }
            sb.append(name).append('=').append(text(values.get(a.path())));
        }
        String id = sb.toString().replaceAll("[^A-Za-z0-9._=,+-]", "_");
        // Windows drops a trailing dot from a folder name, which would file the cell under another id
        return id.endsWith(".") ? id.substring(0, id.length() - 1) + "_" : id;
    }

    private static String text(Object v) {
        if (v instanceof List<?> l) {
            return String.join("-", l.stream().map(CellIds::text).toList());
        }
        if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return d.toString();
        }
        return String.valueOf(v);
    }
}
