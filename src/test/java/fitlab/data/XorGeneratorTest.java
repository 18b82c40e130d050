package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.random.Rng;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class XorGeneratorTest {

    @Test
    void withoutNoiseTheLabelIsTheSignOfTheProductInsideTheSquare() {
        Dataset d = new XorGenerator(0.0, 0.5).sample("train", 1000, Rng.seeded(11));
        assertArrayEquals(new int[] {500, 500}, ClassificationStats.of(d, 2).counts());
        int[] quadrants = new int[4];
        for (int i = 0; i < d.rows(); i++) {
            double x1 = d.x(i, 0), x2 = d.x(i, 1);
            assertTrue(Math.abs(x1) <= 1 && Math.abs(x2) <= 1 && x1 != 0 && x2 != 0);
            assertEquals(x1 * x2 > 0 ? 1.0 : 0.0, d.y()[i]);
            quadrants[(x1 > 0 ? 0 : 1) + (x2 > 0 ? 0 : 2)]++;
        }
        for (int q : quadrants) {
            assertTrue(q > 200 && q < 300, "each quadrant holds about a quarter: " + Arrays.toString(quadrants));
        }
    }

    @Test
    void noiseFlipsOnlyAFewPointsAcrossTheAxes() {
        Dataset d = new XorGenerator(0.1, 0.5).sample("train", 5000, Rng.seeded(12));
        int disagreeing = 0;
        for (int i = 0; i < d.rows(); i++) {
            if ((d.x(i, 0) * d.x(i, 1) > 0 ? 1.0 : 0.0) != d.y()[i]) {
                disagreeing++;
            }
        }
        // A coordinate uniform on (0, 1] crosses zero under N(0, 0.1²) jitter with chance ≈ 0.1/√(2π) ≈ 4%;
        // a label flips when exactly one of the two does: ≈ 7.6%.
        assertTrue(disagreeing > 250 && disagreeing < 530, "flipped " + disagreeing);
    }
}
