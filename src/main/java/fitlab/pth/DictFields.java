package fitlab.pth;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Typed reads from a dict read back from a {@code .pth} file (a checkpoint, its {@code model_spec}, its early-stopping
 * state), each failure naming the dict and the key. The caller chooses the exception: a user's damaged file is a user
 * error, while state fitlab wrote itself and reads back is a programming error when it does not fit.
 *
 * @param what  names the dict in messages, e.g. {@code model_spec} or {@code run/best.pth: checkpoint}
 * @param error makes the exception from a message
 */
public record DictFields(String what, Function<String, ? extends RuntimeException> error) {

    public Object required(Map<?, ?> map, String key) {
        if (!map.containsKey(key)) {
            throw error.apply(what + ": missing key '" + key + "'");
        }
        return map.get(key);
    }

    public String string(Map<?, ?> map, String key) {
        if (required(map, key) instanceof String s) {
            return s;
        }
        throw wrongType(map, key, "a string");
    }

    /** An integer; any integral type the unpickler may give (never a float). */
    public long integer(Map<?, ?> map, String key) {
        Object v = required(map, key);
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof BigInteger b && b.bitLength() < 63) {
            return b.longValue();
        }
        throw wrongType(map, key, "an integer");
    }

    public int intValue(Map<?, ?> map, String key) {
        long v = integer(map, key);
        if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
            throw error.apply(what + " key '" + key + "': " + v + " does not fit an int");
        }
        return (int) v;
    }

    public double number(Map<?, ?> map, String key) {
        return numberValue(required(map, key), key).doubleValue();
    }

    /** {@code value} (an item of the list at {@code key}) as a number. */
    public Number numberValue(Object value, String key) {
        if (value instanceof Number n && !(value instanceof BigInteger)) {
            return n;
        }
        throw error.apply(what + " key '" + key + "': expected a number, got " + kind(value));
    }

    public boolean bool(Map<?, ?> map, String key) {
        if (required(map, key) instanceof Boolean b) {
            return b;
        }
        throw wrongType(map, key, "true or false");
    }

    public List<?> list(Map<?, ?> map, String key) {
        if (required(map, key) instanceof List<?> l) {
            return l;
        }
        throw wrongType(map, key, "a list");
    }

    public Map<?, ?> mapping(Map<?, ?> map, String key) {
        if (required(map, key) instanceof Map<?, ?> m) {
            return m;
        }
        throw wrongType(map, key, "a dict");
    }

    private RuntimeException wrongType(Map<?, ?> map, String key, String expected) {
        return error.apply(what + " key '" + key + "': expected " + expected + ", got " + kind(map.get(key)));
    }

    /** How a value read from a pickle is described in messages. */
    public static String kind(Object v) {
        return v == null ? "None" : v instanceof Map ? "a dict" : v instanceof List ? "a list" : v instanceof Tensor ? "a tensor"
                : "a " + v.getClass().getSimpleName() + " " + v;
    }
}
