package fitlab.checkpoint;

import fitlab.pth.OrderedDict;
import fitlab.pth.PyTuple;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replaces every string in a value tree by its canonical (interned) instance. The pickler, like CPython,
 * memoizes strings by identity; whether two equal strings are one object depends on where they came from (a
 * literal default, or text parsed from a resolved config when a run is resumed). Canonical strings make a
 * checkpoint's bytes depend only on its content, so a resumed run writes byte-identical files.
 */
final class CanonicalStrings {
    private CanonicalStrings() {}

    @SuppressWarnings("unchecked")
    static <T> T of(T value) {
        return (T) canonical(value);
    }

    private static Object canonical(Object v) {
        if (v instanceof String s) {
            return s.intern();
        }
        if (v instanceof OrderedDict od) {
            OrderedDict out = new OrderedDict();
            od.forEach((k, x) -> out.put(canonical(k), canonical(x)));
            od.optionalMetadata().ifPresent(m -> out.setMetadata((Map<Object, Object>) canonical(m)));
            return out;
        }
        if (v instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(canonical(k), canonical(x)));
            return out;
        }
        if (v instanceof PyTuple t) {
            List<Object> items = new ArrayList<>();
            t.items().forEach(x -> items.add(canonical(x)));
            return new PyTuple(items);
        }
        if (v instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(x -> out.add(canonical(x)));
            return out;
        }
        return v;
    }
}
