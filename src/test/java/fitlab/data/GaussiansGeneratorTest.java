package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import fitlab.random.Rng;
import org.junit.jupiter.api.Test;

class GaussiansGeneratorTest {

    @Test
    void blobsAreCentredOnACircleWithTheNoiseAsSpread() {
        GaussiansGenerator blobs = new GaussiansGenerator(0.4, 0.5, 4);
        Dataset d = blobs.sample("train", 40_000, Rng.seeded(16));
        ClassificationStats s = ClassificationStats.of(d, 4);
        assertArrayEquals(new int[] {10_000, 10_000, 10_000, 10_000}, s.counts());
        double[][] expectedCentres = {{2, 0}, {0, 2}, {-2, 0}, {0, -2}};
        double[] sumSq = new double[4];
        for (int i = 0; i < d.rows(); i++) {
            int k = (int) d.y()[i];
            double dx = d.x(i, 0) - expectedCentres[k][0];
            sumSq[k] += dx * dx;
        }
        for (int k = 0; k < 4; k++) {
            assertEquals(expectedCentres[k][0], s.mean1()[k], 0.02);
            assertEquals(expectedCentres[k][1], s.mean2()[k], 0.02);
            assertEquals(0.4, Math.sqrt(sumSq[k] / 10_000), 0.01, "spread of blob " + k);
        }
    }

    @Test
    void fewerThanTwoClassesOrABadBalanceIsAUserError() {
        assertTrue(assertThrows(UserError.class, () -> new GaussiansGenerator(0.1, 0.5, 1)).getMessage()
                .startsWith("data.classes:"));
        assertTrue(assertThrows(UserError.class, () -> new GaussiansGenerator(0.1, 1.5, 2)).getMessage()
                .startsWith("data.balance:"));
    }
}
