package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fitlab.random.Rng;
import org.junit.jupiter.api.Test;

class CirclesGeneratorTest {

    @Test
    void withoutNoiseTheRadiiAreOneAndOneHalf() {
        Dataset d = new CirclesGenerator(0.0, 0.5).sample("train", 300, Rng.seeded(9));
        assertArrayEquals(new int[] {150, 150}, ClassificationStats.of(d, 2).counts());
        for (int i = 0; i < d.rows(); i++) {
            assertEquals(d.y()[i] == 0 ? 1.0 : 0.5, Math.hypot(d.x(i, 0), d.x(i, 1)), 1e-12);
        }
    }

    @Test
    void noisyCirclesKeepTheirMeanRadiiAndCentre() {
        Dataset d = new CirclesGenerator(0.05, 0.4).sample("train", 10_000, Rng.seeded(10));
        ClassificationStats s = ClassificationStats.of(d, 2);
        assertArrayEquals(new int[] {6000, 4000}, s.counts());
        double[] radius = new double[2];
        for (int i = 0; i < d.rows(); i++) {
            radius[(int) d.y()[i]] += Math.hypot(d.x(i, 0), d.x(i, 1));
        }
        assertEquals(1.0, radius[0] / 6000, 0.01);
        assertEquals(0.5, radius[1] / 4000, 0.01);
        for (int k = 0; k < 2; k++) {
            assertEquals(0.0, s.mean1()[k], 0.03);
            assertEquals(0.0, s.mean2()[k], 0.03);
        }
    }
}
