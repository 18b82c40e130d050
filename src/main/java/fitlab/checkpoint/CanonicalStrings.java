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
    /**
     * Each content's interned instance, looked up here: {@code String.intern} goes through the JVM's native string
     * table on every call, and a checkpoint's tree holds hundreds of strings (in a profile of lesson 01 it was the
     * checkpoint writer's largest single cost). Interned once per content, so the identities are exactly intern's,
     * literals included (the pickler's own strings are literals).
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, String> INTERNED = new java.util.concurrent.ConcurrentHashMap<>();

    private CanonicalStrings() {}

    @SuppressWarnings("unchecked")
    static <T> T of(T value) {
        return (T) canonical(value);
    }

    private static Object canonical(Object v) {
        if (v instanceof String s) {
            String known = INTERNED.get(s);
            return known != null ? known : INTERNED.computeIfAbsent(s, String::intern);
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
