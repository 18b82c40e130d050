package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fitlab.random.Rng;
import org.junit.jupiter.api.Test;

class SpiralGeneratorTest {

    @Test
    void classesAreEquallyFrequent() {
        Dataset d = new SpiralGenerator(0.05, 0.5, 3).sample("train", 301, Rng.seeded(13));
        assertArrayEquals(new int[] {101, 100, 100}, ClassificationStats.of(d, 3).counts());
    }

    @Test
    void withoutNoiseEveryPointLiesOnItsArm() {
        SpiralGenerator spiral = new SpiralGenerator(0.0, 0.5, 4);
        Dataset d = spiral.sample("train", 800, Rng.seeded(14));
        for (int i = 0; i < d.rows(); i++) {
            double r = Math.hypot(d.x(i, 0), d.x(i, 1));
            double theta = Math.atan2(d.x(i, 1), d.x(i, 0));
            double expected = spiral.armAngle((int) d.y()[i]) + SpiralGenerator.TURNS * 2 * Math.PI * r;
            double difference = Math.IEEEremainder(theta - expected, 2 * Math.PI);
            assertEquals(0.0, difference, 1e-9, "point " + i + " at r=" + r);
            assertEquals(true, r < 1.0);
        }
    }

    @Test
    void twoArmSpiralsFollowTheBalance() {
        Dataset d = new SpiralGenerator(0.0, 0.3, 2).sample("train", 100, Rng.seeded(15));
        assertArrayEquals(new int[] {70, 30}, ClassificationStats.of(d, 2).counts());
    }
}
