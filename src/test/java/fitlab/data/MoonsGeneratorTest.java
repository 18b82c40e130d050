package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fitlab.random.Rng;
import org.junit.jupiter.api.Test;

class MoonsGeneratorTest {

    @Test
    void classCountsFollowTheBalance() {
        Dataset d = new MoonsGenerator(0.1, 0.25).sample("train", 400, Rng.seeded(6));
        assertEquals(2, d.features());
        assertArrayEquals(new int[] {300, 100}, ClassificationStats.of(d, 2).counts());
    }

    @Test
    void withoutNoisePointsLieOnTheirHalfCircles() {
        Dataset d = new MoonsGenerator(0.0, 0.5).sample("train", 500, Rng.seeded(7));
        for (int i = 0; i < d.rows(); i++) {
            double x1 = d.x(i, 0), x2 = d.x(i, 1);
            if (d.y()[i] == 0) {
                assertEquals(1.0, Math.hypot(x1, x2), 1e-12);
                assertEquals(true, x2 >= 0, "upper moon");
            } else {
                assertEquals(1.0, Math.hypot(1 - x1, 0.5 - x2), 1e-12);
                assertEquals(true, x2 <= 0.5, "lower moon");
            }
        }
    }

    @Test
    void classMeansLieInTheirHalfPlanes() {
        Dataset d = new MoonsGenerator(0.2, 0.5).sample("train", 20_000, Rng.seeded(8));
        ClassificationStats s = ClassificationStats.of(d, 2);
        assertEquals(0.0, s.mean1()[0], 0.03);
        assertEquals(2 / Math.PI, s.mean2()[0], 0.03);
        assertEquals(1.0, s.mean1()[1], 0.03);
        assertEquals(0.5 - 2 / Math.PI, s.mean2()[1], 0.03);
    }
}
