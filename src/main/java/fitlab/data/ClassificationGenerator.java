package fitlab.data;

import fitlab.UserError;
import fitlab.random.Rng;

/**
 * A 2-D classification set: two features (x1, x2) and a class index as y. The rows' classes are drawn first
 * with exact counts ({@link ClassLabels}: {@code balance} is the class-1 fraction of a two-class set, more
 * classes are equally frequent) and shuffled; then each row draws its point for its class.
 */
public sealed interface ClassificationGenerator extends DataGenerator
        permits MoonsGenerator, CirclesGenerator, XorGenerator, SpiralGenerator, GaussiansGenerator {

    /** A point in the plane. */
    record Point(double x1, double x2) {}

    int classes();

    /** Fraction of class 1 when {@link #classes()} is 2; ignored otherwise. */
    double balance();

    /** One point of class {@code label}, drawn from {@code rng}, with the generator's noise. */
    Point point(int label, Rng rng);

    @Override
    default int features() {
        return 2;
    }

    @Override
    default Dataset sample(String name, int rows, Rng rng) {
        int[] labels = ClassLabels.draw(rows, classes(), balance(), rng);
        double[] x = new double[2 * rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            Point p = point(labels[i], rng);
            x[2 * i] = p.x1();
            x[2 * i + 1] = p.x2();
            y[i] = labels[i];
        }
        return new Dataset(name, rows, 2, x, y);
    }

    /** Checks shared by the generators' constructors. */
    static void check(double noise, double balance, int classes) {
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new UserError("data.noise: expected a finite number ≥ 0, got " + noise);
        }
        if (!(balance >= 0 && balance <= 1)) {
            throw new UserError("data.balance: expected the class-1 fraction in [0, 1], got " + balance);
        }
        if (classes < 2) {
            throw new UserError("data.classes: expected at least 2 classes, got " + classes);
        }
    }
}
