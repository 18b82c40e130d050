package fitlab.pth;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The unpickler's memo. Picklers number memo entries 0, 1, 2, ... so a growing array holds them without boxing
 * or hashing (a boxed-key map was most of the time spent reading a checkpoint); an index far beyond the entries
 * seen so far, which only a hand-made or hostile pickle has, goes to a map instead of growing the array.
 */
final class Memo {
    private static final Object ABSENT = new Object();
    private Object[] dense = new Object[64];
    private final Map<Long, Object> sparse = new HashMap<>();
    private int size;

    {
        Arrays.fill(dense, ABSENT);
    }

    void clear() {
        Arrays.fill(dense, ABSENT);
        sparse.clear();
        size = 0;
    }

    int size() {
        return size;
    }

    void put(long index, Object value) {
        if (index >= 0 && index < dense.length * 2L + 64) {
            int i = (int) index;
            if (i >= dense.length) {
                int old = dense.length;
                dense = Arrays.copyOf(dense, Math.max(old * 2, i + 1));
                Arrays.fill(dense, old, dense.length, ABSENT);
            }
            boolean known = dense[i] != ABSENT;
            if (!known && !sparse.isEmpty() && sparse.containsKey(index)) { // set while the array was still shorter
                sparse.remove(index);
                known = true;
            }
            if (!known) {
                size++;
            }
            dense[i] = value;
        } else {
            if (!sparse.containsKey(index)) {
                size++;
            }
            sparse.put(index, value);
        }
    }

    boolean has(long index) {
        return index >= 0 && index < dense.length && dense[(int) index] != ABSENT || !sparse.isEmpty() && sparse.containsKey(index);
    }

    Object get(long index) {
        if (index >= 0 && index < dense.length && dense[(int) index] != ABSENT) {
            return dense[(int) index];
        }
        return sparse.get(index);
    }
}
