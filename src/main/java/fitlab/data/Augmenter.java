package fitlab.data;

import fitlab.UserError;
import fitlab.config.Augmentation;
import fitlab.random.Rng;

/**
 * Training-set augmentation by jitter: the result holds the original rows unchanged, then {@code copies} passes
 * over all rows, each row again with N(0, xJitter²) added to every input and, for regression, N(0, yJitter²)
 * added to the target (class labels are never jittered). More data from the same points smooths what a
 * flexible model can memorise, which is the point of the lesson. Validation and test sets are never augmented.
 */
public final class Augmenter {

    private Augmenter() {}

    /**
     * @param jitterTargets true for regression targets; false for class labels, which stay as they are
     * @param rng           the augmentation's own stream, so augmenting never changes the original points
     */
    public static Dataset augment(Dataset train, Augmentation augmentation, boolean jitterTargets, Rng rng) {
        check(augmentation);
        if (augmentation.copies() == 0) {
            return train;
        }
        int n = train.rows();
        int f = train.features();
        long total = (long) n * (1 + augmentation.copies());
        if (total * f > Integer.MAX_VALUE - 8) {
            throw new UserError("data.augment.copies: " + augmentation.copies() + " copies of " + n
                    + " rows is too many rows to hold in memory");
        }
        int rows = (int) total;
        double[] x = new double[rows * f];
        double[] y = new double[rows];
        System.arraycopy(train.x(), 0, x, 0, n * f);
        System.arraycopy(train.y(), 0, y, 0, n);
        for (int copy = 1; copy <= augmentation.copies(); copy++) {
            for (int i = 0; i < n; i++) {
                int row = copy * n + i;
                for (int j = 0; j < f; j++) {
                    x[row * f + j] = train.x(i, j) + augmentation.xJitter() * rng.nextGaussian();
                }
                double yJitter = jitterTargets ? augmentation.yJitter() * rng.nextGaussian() : 0.0;
                y[row] = train.y()[i] + yJitter;
            }
        }
        return new Dataset(train.name(), rows, f, x, y);
    }

    private static void check(Augmentation a) {
        if (a.copies() < 0) {
            throw new UserError("data.augment.copies: expected a number of copies ≥ 0, got " + a.copies());
        }
        if (!(a.xJitter() >= 0) || !Double.isFinite(a.xJitter())) {
            throw new UserError("data.augment.x_jitter: expected a finite std ≥ 0, got " + a.xJitter());
        }
        if (!(a.yJitter() >= 0) || !Double.isFinite(a.yJitter())) {
            throw new UserError("data.augment.y_jitter: expected a finite std ≥ 0, got " + a.yJitter());
        }
    }
}
