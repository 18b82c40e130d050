package fitlab.data;

import fitlab.random.Rng;

/**
 * K round Gaussian blobs, one per class, like scikit-learn's {@code make_blobs}: the centre of class k is
 * c_k = {@value #RADIUS}·(cos 2πk/K, sin 2πk/K), evenly spaced on a circle, and a point is c_k + N(0, noise²·I).
 * Here {@code noise} is the blobs' standard deviation: small noise gives separable blobs, large noise overlap.
 */
public record GaussiansGenerator(double noise, double balance, int classes) implements ClassificationGenerator {

    /** Distance of every centre from the origin. */
    public static final double RADIUS = 2.0;

    public GaussiansGenerator {
        ClassificationGenerator.check(noise, balance, classes);
    }

    @Override
    public Point point(int label, Rng rng) {
        Point c = centre(label);
        return new Point(c.x1() + noise * rng.nextGaussian(), c.x2() + noise * rng.nextGaussian());
    }

    /** The mean of class {@code label}. */
    public Point centre(int label) {
        double angle = 2 * StrictMath.PI * label / classes;
        return new Point(RADIUS * StrictMath.cos(angle), RADIUS * StrictMath.sin(angle));
    }
}
