package fitlab.pth;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Rejects values that recursive Java code could not walk: containers nested deeper than a bound, or a
 * container that contains itself (possible in a pickle through the memo). Iterative, so the check itself
 * cannot overflow the stack; shared sub-values are visited once.
 */
final class NestingCheck {
    static final int MAX_DEPTH = 500;

    private NestingCheck() {}

    /** Throws {@link PthFormatException} prefixed with {@code source} when {@code value} is too deep or cyclic. */
    static void check(Object value, String source) {
        Map<Object, Integer> height = new IdentityHashMap<>();
        Map<Object, Boolean> onPath = new IdentityHashMap<>();
        Deque<Frame> path = new ArrayDeque<>();
        if (children(value) == null) {
            return;
        }
        path.push(new Frame(value, children(value).iterator()));
        onPath.put(value, true);
        while (!path.isEmpty()) {
            Frame top = path.peek();
            if (top.children.hasNext()) {
                Object child = top.children.next();
                Collection<?> grand = children(child);
                if (grand == null) {
                    continue;
                }
                if (onPath.containsKey(child)) {
                    throw new PthFormatException(source + ": a container contains itself (recursive structures are not supported)");
                }
                Integer h = height.get(child);
                if (h != null) {
                    top.height = Math.max(top.height, h + 1);
                    continue;
                }
                if (path.size() >= MAX_DEPTH) {
                    throw new PthFormatException(source + ": values nested deeper than " + MAX_DEPTH + " levels");
                }
                path.push(new Frame(child, grand.iterator()));
                onPath.put(child, true);
            } else {
                path.pop();
                onPath.remove(top.value);
                height.put(top.value, top.height);
                if (!path.isEmpty()) {
                    path.peek().height = Math.max(path.peek().height, top.height + 1);
                }
            }
        }
    }

    private static final class Frame {
        final Object value;
        final Iterator<?> children;
        int height = 1;

        Frame(Object value, Iterator<?> children) {
            this.value = value;
            this.children = children;
        }
    }

    /** The contained values of a container (keys and values for maps, metadata too), or null for a leaf. */
    private static Collection<?> children(Object v) {
        if (v instanceof OrderedDict od && od.metadata() != null) {
            var all = new java.util.ArrayList<Object>(od.keySet());
            all.addAll(od.values());
            all.add(od.metadata());
            return all;
        }
        if (v instanceof Map<?, ?> m) {
            var all = new java.util.ArrayList<Object>(m.keySet());
            all.addAll(m.values());
            return all;
        }
        if (v instanceof PyTuple t) {
            return t.items();
        }
        if (v instanceof Collection<?> c) {
            return c;
        }
        if (v instanceof PyObject o) {
            return o.state().values();
        }
        return null;
    }
}
