package fitlab.config.yaml;

import fitlab.UserError;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads the fields of one YAML mapping into Java values, with typed getters that validate and report
 * errors as {@code file:line:column: path.to.field: problem}. Call {@link #finish()} after the last field:
 * any key that no getter asked for is an error with a "did you mean" hint.
 */
public final class Section {
    private final YamlNode.Mapping map;
    private final String path;
    private final Set<String> known = new HashSet<>();

    public Section(YamlNode.Mapping map, String path) {
        this.map = map;
        this.path = path;
    }

    /** The section for a YAML document's root mapping. */
    public static Section root(YamlNode node) {
        if (!(node instanceof YamlNode.Mapping m)) {
            throw new UserError(node.location() + ": expected a mapping of keys (name:, data:, model: ...) at the top level");
        }
        return new Section(m, "");
    }

    public Location location() {
        return map.location();
    }

    /** The location of {@code key}'s value, or of this section when the key is absent. */
    public Location locationOf(String key) {
        YamlNode n = map.get(key);
        return n != null ? n.location() : map.location();
    }

    public boolean has(String key) {
        known.add(key);
        YamlNode n = map.get(key);
        return n != null && !(n instanceof YamlNode.Scalar s && s.isNull());
    }

    public Optional<YamlNode> node(String key) {
        known.add(key);
        return has(key) ? Optional.of(map.get(key)) : Optional.empty();
    }

    /** A nested section; an absent key gives an empty one (every field takes its default). */
    public Section section(String key) {
        known.add(key);
        YamlNode n = map.get(key);
        if (n == null || n instanceof YamlNode.Scalar s && s.isNull()) {
            return new Section(YamlNode.Mapping.empty(map.location()), qualify(key));
        }
        if (n instanceof YamlNode.Mapping m) {
            return new Section(m, qualify(key));
        }
        throw error(key, n, "expected a mapping (indented keys)");
    }

    public String string(String key, String defaultValue) {
        return node(key).map(n -> scalar(key, n).text()).orElse(defaultValue);
    }

    public String requiredString(String key) {
        return node(key).map(n -> scalar(key, n).text()).orElseThrow(() -> missing(key));
    }

    public boolean bool(String key, boolean defaultValue) {
        return node(key).map(n -> {
            YamlNode.Scalar s = scalar(key, n);
            if (s.type() != YamlNode.ScalarType.BOOLEAN) {
                throw error(key, n, "expected true or false, got '" + s.text() + "'");
            }
            return s.text().trim().equalsIgnoreCase("true");
        }).orElse(defaultValue);
    }

    public long integer(String key, long defaultValue, long min, long max) {
        return node(key).map(n -> integerValue(key, n, min, max)).orElse(defaultValue);
    }

    public int integer(String key, int defaultValue, int min, int max) {
        return (int) integer(key, (long) defaultValue, min, (long) max);
    }

    public long integerValue(String key, YamlNode n, long min, long max) {
        YamlNode.Scalar s = scalar(key, n);
        if (s.type() != YamlNode.ScalarType.INTEGER) {
            throw error(key, n, "expected a whole number, got '" + s.text() + "'");
        }
        var parsed = YamlNumbers.integer(s.text());
        if (parsed.isEmpty()) {
            throw error(key, n, (YamlNumbers.isHugeInteger(s.text()) ? "number too large: " : "expected a whole number, got ")
                    + s.text().trim());
        }
        long v = parsed.getAsLong();
        if (v < min || v > max) {
            throw error(key, n, rangeText(min, max) + ", got " + v);
        }
        return v;
    }

    /** A real number in [min, max]; {@code minExclusive} makes the lower bound strict (e.g. lr > 0). */
    public double decimal(String key, double defaultValue, double min, boolean minExclusive, double max) {
        return node(key).map(n -> {
            YamlNode.Scalar s = scalar(key, n);
            if (s.type() != YamlNode.ScalarType.INTEGER && s.type() != YamlNode.ScalarType.FLOAT) {
                throw error(key, n, "expected a number, got '" + s.text() + "'");
            }
            var parsed = YamlNumbers.decimal(s.text());
            if (parsed.isEmpty()) {
                throw error(key, n, "expected a number, got '" + s.text() + "'");
            }
            double v = parsed.getAsDouble();
            if (!Double.isFinite(v) || v < min || (minExclusive && v == min) || v > max) {
                String bound = minExclusive ? "must be > " + fmt(min) : "must be >= " + fmt(min);
                if (max != Double.MAX_VALUE) {
                    bound += " and <= " + fmt(max);
                }
                throw error(key, n, bound + ", got " + s.text().trim());
            }
            return v;
        }).orElse(defaultValue);
    }

    /** One of a fixed set of words (enum constants, lower case in YAML). */
    public <E extends Enum<E>> E choice(String key, E defaultValue, Class<E> type) {
        return node(key).map(n -> {
            String text = scalar(key, n).text().trim();
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(text)) {
                    return e;
                }
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) {
                names.add(e.name().toLowerCase(java.util.Locale.ROOT));
            }
            throw error(key, n, "expected one of " + String.join(" | ", names) + ", got '" + text + "'"
                    + Suggest.hint(text, names));
        }).orElse(defaultValue);
    }

    /** A YAML list of items read by {@code item}. */
    public <T> Optional<List<T>> list(String key, Function<YamlNode, T> item) {
        return node(key).map(n -> {
            if (!(n instanceof YamlNode.Sequence q)) {
                throw error(key, n, "expected a list like [1, 2, 3]");
            }
            List<T> out = new ArrayList<>();
            for (YamlNode i : q.items()) {
                out.add(item.apply(i));
            }
            return out;
        });
    }

    /** Fails on any key that no getter asked for, suggesting the closest known key. */
    public void finish() {
        for (YamlNode.Entry e : map.entries().values()) {
            if (!known.contains(e.key())) {
                List<String> options = new ArrayList<>(known);
                options.sort(Comparator.naturalOrder());
                throw new UserError(e.keyLocation() + ": " + qualify(e.key()) + ": unknown key"
                        + Suggest.hint(e.key(), options) + " (allowed here: " + String.join(", ", options) + ")");
            }
        }
    }

    public UserError error(String key, YamlNode n, String problem) {
        return new UserError((n != null ? n.location() : map.location()) + ": " + qualify(key) + ": " + problem);
    }

    public UserError missing(String key) {
        return new UserError(map.location() + ": " + qualify(key) + ": required value is missing");
    }

    public String qualify(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    private YamlNode.Scalar scalar(String key, YamlNode n) {
        if (n instanceof YamlNode.Scalar s) {
            return s;
        }
        throw error(key, n, "expected a single value, got a " + (n instanceof YamlNode.Sequence ? "list" : "mapping"));
    }

    private static String rangeText(long min, long max) {
        if (max == Long.MAX_VALUE || max == Integer.MAX_VALUE) {
            return "must be >= " + min;
        }
        return "must be between " + min + " and " + max;
    }

    private static String fmt(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
