package fitlab.pth;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A Python {@code tuple}: an immutable list of values (which may contain {@code null} for {@code None}).
 * Equality is by value, as in Python; the writer still memoizes tuples by identity, as CPython does.
 */
public record PyTuple(List<Object> items) {
    public PyTuple {
        items = Collections.unmodifiableList(Arrays.asList(items.toArray()));
    }

    public static PyTuple of(Object... items) {
        return new PyTuple(Arrays.asList(items));
    }

    public int size() {
        return items.size();
    }

    public Object get(int index) {
        return items.get(index);
    }
}
