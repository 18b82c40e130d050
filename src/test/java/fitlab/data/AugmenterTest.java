package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import fitlab.config.Augmentation;
import fitlab.random.Rng;
import org.junit.jupiter.api.Test;

class AugmenterTest {

    private static final Dataset TWO_POINTS =
            new Dataset("train", 2, 2, new double[] {1, 2, 3, 4}, new double[] {5, 6});

    @Test
    void noCopiesReturnsTheSetUnchanged() {
        assertSame(TWO_POINTS, Augmenter.augment(TWO_POINTS, Augmentation.NONE, true, Rng.seeded(1)));
    }

    @Test
    void copiesAreJitteredWithTheGivenStandardDeviations() {
        int copies = 20_000;
        Dataset d = Augmenter.augment(TWO_POINTS, new Augmentation(copies, 0.1, 0.5), true, Rng.seeded(2));
        assertEquals(2 * (copies + 1), d.rows());
        assertEquals("train", d.name());
        double sumSqX = 0, sumSqY = 0;
        for (int row = 2; row < d.rows(); row++) {
            int original = row % 2;
            for (int j = 0; j < 2; j++) {
                double dx = d.x(row, j) - TWO_POINTS.x(original, j);
                sumSqX += dx * dx;
            }
            double dy = d.y()[row] - TWO_POINTS.y()[original];
            sumSqY += dy * dy;
        }
        assertEquals(0.1, Math.sqrt(sumSqX / (4.0 * copies)), 0.002);
        assertEquals(0.5, Math.sqrt(sumSqY / (2.0 * copies)), 0.01);
    }

    @Test
    void zeroJitterGivesExactCopies() {
        Dataset d = Augmenter.augment(TWO_POINTS, new Augmentation(2, 0, 0), true, Rng.seeded(3));
        for (int row = 0; row < 6; row++) {
            assertEquals(TWO_POINTS.x(row % 2, 1), d.x(row, 1));
            assertEquals(TWO_POINTS.y()[row % 2], d.y()[row]);
        }
    }

    @Test
    void negativeSettingsAreUserErrors() {
        assertTrue(assertThrows(UserError.class, () -> Augmenter.augment(TWO_POINTS, new Augmentation(-1, 0, 0), true,
                Rng.seeded(4))).getMessage().startsWith("data.augment.copies:"));
        assertTrue(assertThrows(UserError.class, () -> Augmenter.augment(TWO_POINTS, new Augmentation(1, -0.1, 0), true,
                Rng.seeded(4))).getMessage().startsWith("data.augment.x_jitter:"));
    }
}
