package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fitlab.random.Rng;
import org.junit.jupiter.api.Test;

class ClassLabelsTest {

    @Test
    void twoClassesFollowTheBalance() {
        assertArrayEquals(new int[] {50, 50}, ClassLabels.counts(100, 2, 0.5));
        assertArrayEquals(new int[] {80, 20}, ClassLabels.counts(100, 2, 0.2));
        assertArrayEquals(new int[] {3, 4}, ClassLabels.counts(7, 2, 0.5), "round half up");
        assertArrayEquals(new int[] {0, 10}, ClassLabels.counts(10, 2, 1.0));
    }

    @Test
    void moreClassesAreEquallyFrequentAndIgnoreBalance() {
        assertArrayEquals(new int[] {4, 3, 3}, ClassLabels.counts(10, 3, 0.1));
    }

    @Test
    void drawnLabelsHaveTheCountsInShuffledOrder() {
        int[] labels = ClassLabels.draw(1000, 2, 0.3, Rng.seeded(5));
        int ones = 0;
        for (int label : labels) {
            ones += label;
        }
        assertEquals(300, ones);
        int onesInFirstHalf = 0;
        for (int i = 0; i < 500; i++) {
            onesInFirstHalf += labels[i];
        }
        assertNotEquals(0, onesInFirstHalf, "the labels are shuffled, not sorted");
        assertNotEquals(300, onesInFirstHalf, "the labels are shuffled, not sorted");
    }
}
