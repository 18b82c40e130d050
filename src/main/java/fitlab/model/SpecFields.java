package fitlab.model;

import fitlab.UserError;
import java.util.List;
import java.util.Map;

/** Typed reads from a model_spec dict, each failing with a message that names the key. */
final class SpecFields {
    private SpecFields() {}

    static Object required(Map<?, ?> map, String key) {
        if (!map.containsKey(key)) {
            throw new UserError("model_spec: missing key '" + key + "'");
        }
        return map.get(key);
    }

    static String string(Map<?, ?> map, String key) {
        if (required(map, key) instanceof String s) {
            return s;
        }
        throw wrongType(map, key, "a string");
    }

    static long integer(Map<?, ?> map, String key) {
        Object v = required(map, key);
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            return ((Number) v).longValue();
        }
        if (v instanceof java.math.BigInteger b && b.bitLength() < 63) {
            return b.longValue();
        }
        throw wrongType(map, key, "an integer");
    }

    static double number(Map<?, ?> map, String key) {
        Object v = required(map, key);
        if (v instanceof Number n && !(v instanceof java.math.BigInteger)) {
            return n.doubleValue();
        }
        throw wrongType(map, key, "a number");
    }

    static boolean bool(Map<?, ?> map, String key) {
        if (required(map, key) instanceof Boolean b) {
            return b;
        }
        throw wrongType(map, key, "true or false");
    }

    static List<?> list(Map<?, ?> map, String key) {
        if (required(map, key) instanceof List<?> l) {
            return l;
        }
        throw wrongType(map, key, "a list");
    }

    static UserError wrongType(Map<?, ?> map, String key, String expected) {
        Object v = map.get(key);
        return new UserError("model_spec key '" + key + "': expected " + expected + ", got "
                + (v == null ? "None" : v.getClass().getSimpleName() + " " + v));
    }
}
