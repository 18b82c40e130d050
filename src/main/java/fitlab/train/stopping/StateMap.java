package fitlab.train.stopping;

import java.util.List;
import java.util.Map;

/** Typed reads from a snapshot map, accepting any {@link Number} (a checkpoint reader may widen or narrow). */
final class StateMap {

    private StateMap() {}

    static Object get(Map<String, Object> state, String key) {
        Object value = state.get(key);
        if (value == null) {
            throw new IllegalArgumentException("early-stopping state lacks '" + key + "'");
        }
        return value;
    }

    static long getLong(Map<String, Object> state, String key) {
        return number(get(state, key), key).longValue();
    }

    static int getInt(Map<String, Object> state, String key) {
        return Math.toIntExact(getLong(state, key));
    }

    static double getDouble(Map<String, Object> state, String key) {
        return number(get(state, key), key).doubleValue();
    }

    static boolean getBoolean(Map<String, Object> state, String key) {
        if (get(state, key) instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("early-stopping state '" + key + "' is not a boolean");
    }

    static String getString(Map<String, Object> state, String key) {
        if (get(state, key) instanceof String s) {
            return s;
        }
        throw new IllegalArgumentException("early-stopping state '" + key + "' is not a string");
    }

    static List<?> getList(Map<String, Object> state, String key) {
        if (get(state, key) instanceof List<?> list) {
            return list;
        }
        throw new IllegalArgumentException("early-stopping state '" + key + "' is not a list");
    }

    static Number number(Object value, String key) {
        if (value instanceof Number n) {
            return n;
        }
        throw new IllegalArgumentException("early-stopping state '" + key + "' is not a number: " + value);
    }
}
