package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The array-backed memo behaves exactly like a map from index to value, for dense, sparse and hostile indices. */
class MemoTest {

    @Test
    void behavesLikeAMapOnRandomOperations() {
        SplittableRandom r = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            Memo memo = new Memo();
            Map<Long, Object> model = new HashMap<>();
            for (int op = 0; op < 300; op++) {
                long index = switch (r.nextInt(4)) {
                    case 0 -> model.size();                 // MEMOIZE-style, dense
                    case 1 -> r.nextInt(600);               // BINPUT / re-put
                    case 2 -> r.nextLong(0, 1L << 32);      // LONG_BINPUT anywhere
                    default -> -1 - r.nextInt(3);           // never produced by the unpickler, still a key
                };
                if (r.nextBoolean()) {
                    Object value = r.nextInt(5) == 0 ? null : Integer.valueOf(op); // None is a valid memo value
                    memo.put(index, value);
                    model.put(index, value);
                }
                assertEquals(model.containsKey(index), memo.has(index), "has " + index);
                assertEquals(model.get(index), memo.get(index), "get " + index);
                assertEquals(model.size(), memo.size(), "size after op " + op);
            }
            memo.clear();
            assertEquals(0, memo.size());
            assertFalse(memo.has(0));
        }
    }

    @Test
    void aHugeIndexDoesNotGrowTheArray() {
        Memo memo = new Memo();
        memo.put(4_000_000_000L, "x");
        assertTrue(memo.has(4_000_000_000L));
        assertFalse(memo.has(0));
        assertNull(memo.get(1));
        assertEquals(1, memo.size());
    }
}
