package fitlab.pth;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Python's {@code collections.OrderedDict}, with the optional {@code _metadata} attribute that
 * {@code nn.Module.state_dict()} sets: module prefix ({@code ""}, {@code "0"}, {@code "linear"}, ...) to
 * {@code {"version": 1}}. The writer emits the attribute with {@code BUILD}, as PyTorch does; a plain
 * OrderedDict (no metadata) has no {@code BUILD}.
 */
public final class OrderedDict extends LinkedHashMap<Object, Object> {
    private static final long serialVersionUID = 1L;

    private Map<Object, Object> metadata;

    public OrderedDict() {}

    public OrderedDict(Map<?, ?> entries) {
        super(entries);
    }

    /** The {@code _metadata} attribute, or {@code null} when the dict has none. */
    public Map<Object, Object> metadata() {
        return metadata;
    }

    public void setMetadata(Map<Object, Object> metadata) {
        this.metadata = metadata;
    }

    /**
     * A state_dict: {@code entries} in order, with {@code _metadata} listing {@code ""} and every module
     * prefix derived from the entry names ({@code "0.weight"} gives {@code "0"}, {@code "a.b.w"} gives
     * {@code "a"} and {@code "a.b"}), each as {@code {'version': 1}}. Modules without parameters (an
     * activation at index 1) do not show up in names; use {@link #stateDict(Map, List)} to list them.
     */
    public static OrderedDict stateDict(Map<String, ?> entries) {
        var prefixes = new java.util.LinkedHashSet<String>();
        for (String name : entries.keySet()) {
            int dot = name.indexOf('.');
            while (dot >= 0) {
                prefixes.add(name.substring(0, dot));
                dot = name.indexOf('.', dot + 1);
            }
        }
        return stateDict(entries, List.copyOf(prefixes));
    }

    /** A state_dict whose {@code _metadata} lists {@code ""} then {@code modulePrefixes} in the order given. */
    public static OrderedDict stateDict(Map<String, ?> entries, List<String> modulePrefixes) {
        OrderedDict sd = new OrderedDict(entries);
        OrderedDict meta = new OrderedDict();
        meta.put("", versionOne());
        for (String prefix : modulePrefixes) {
            meta.put(prefix, versionOne());
        }
        sd.setMetadata(meta);
        return sd;
    }

    private static Map<Object, Object> versionOne() {
        Map<Object, Object> v = new LinkedHashMap<>();
        v.put("version", 1L);
        return v;
    }

    /** The metadata, if any. */
    public Optional<Map<Object, Object>> optionalMetadata() {
        return Optional.ofNullable(metadata);
    }

    @Override
    public boolean equals(Object o) {
        return super.equals(o) && (!(o instanceof OrderedDict other) || java.util.Objects.equals(metadata, other.metadata));
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }
}
