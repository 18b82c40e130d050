package fitlab.config.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed YAML value that remembers where it was written, so every config error can name the file, line
 * and column. Maps keep key order and the location of each key.
 */
public sealed interface YamlNode {
    Location location();

    /** The YAML type the parser resolved for a scalar. */
    enum ScalarType { STRING, INTEGER, FLOAT, BOOLEAN, NULL }

    /** A scalar as written, with the type YAML gives it (a quoted {@code "4"} is a string). */
    record Scalar(String text, ScalarType type, Location location) implements YamlNode {
        public boolean isNull() {
            return type == ScalarType.NULL;
        }
    }

    record Sequence(List<YamlNode> items, Location location) implements YamlNode {
        public Sequence {
            items = List.copyOf(items);
        }
    }

    /** One key of a mapping, with the key's own location. */
    record Entry(String key, Location keyLocation, YamlNode value) {}

    record Mapping(LinkedHashMap<String, Entry> entries, Location location) implements YamlNode {
        public Mapping {
            entries = new LinkedHashMap<>(entries);
        }

        public static Mapping empty(Location at) {
            return new Mapping(new LinkedHashMap<>(), at);
        }

        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        /** A copy with {@code key} set to {@code value} (appended when new). */
        public Mapping with(String key, Location keyLocation, YamlNode value) {
            LinkedHashMap<String, Entry> copy = new LinkedHashMap<>(entries);
            Entry old = copy.get(key);
            copy.put(key, new Entry(key, old != null ? old.keyLocation() : keyLocation, value));
            return new Mapping(copy, location);
        }

        public Mapping without(String key) {
            LinkedHashMap<String, Entry> copy = new LinkedHashMap<>(entries);
            copy.remove(key);
            return new Mapping(copy, location);
        }
    }

    /** Plain Java form (String/Long/Double/Boolean/null, List, LinkedHashMap) with YAML's scalar typing. */
    static Object toPlain(YamlNode node) {
        if (node instanceof Scalar s) {
            return switch (s.type()) {
                case NULL -> null;
                case BOOLEAN -> Boolean.valueOf(s.text().trim().equalsIgnoreCase("true"));
                case INTEGER -> parseInteger(s.text());
                case FLOAT -> YamlNumbers.decimal(s.text()).orElse(Double.NaN);
                case STRING -> s.text();
            };
        } else if (node instanceof Sequence q) {
            List<Object> out = new ArrayList<>();
            q.items().forEach(i -> out.add(toPlain(i)));
            return out;
        } else {
            Map<String, Object> out = new LinkedHashMap<>();
            ((Mapping) node).entries().forEach((k, e) -> out.put(k, toPlain(e.value())));
            return out;
        }
    }

    private static Object parseInteger(String text) {
        var whole = YamlNumbers.integer(text);
        return whole.isPresent() ? (Object) whole.getAsLong() : (Object) YamlNumbers.decimal(text).orElse(Double.NaN);
    }
}
