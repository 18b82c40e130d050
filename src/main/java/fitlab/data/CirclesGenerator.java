package fitlab.data;

import fitlab.random.Rng;

/**
 * Two concentric circles, as scikit-learn's {@code make_circles} with {@code factor=0.5}: with
 * θ ~ Uniform[0, 2π), class 0 is r(cos θ, sin θ) with r = 1 and class 1 the same with r = {@value #FACTOR};
 * both coordinates then get N(0, noise²) jitter. No straight line separates them; a circle does.
 */
public record CirclesGenerator(double noise, double balance) implements ClassificationGenerator {

    /** Radius of the inner circle (class 1) relative to the outer one. */
    public static final double FACTOR = 0.5;

    public CirclesGenerator {
        ClassificationGenerator.check(noise, balance, 2);
    }

    @Override
    public int classes() {
        return 2;
    }

    @Override
    public Point point(int label, Rng rng) {
        double theta = rng.uniform(0, 2 * StrictMath.PI);
        double r = label == 0 ? 1.0 : FACTOR;
        return new Point(r * StrictMath.cos(theta) + noise * rng.nextGaussian(),
                r * StrictMath.sin(theta) + noise * rng.nextGaussian());
    }
}
