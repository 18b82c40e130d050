package fitlab.data;

import fitlab.random.Rng;

/**
 * Two interleaving half circles, as scikit-learn's {@code make_moons}: with t ~ Uniform[0, π),
 * class 0 (upper moon) is (cos t, sin t) and class 1 (lower moon) is (1 − cos t, 1/2 − sin t); both coordinates
 * then get N(0, noise²) jitter. Without noise the class means are (0, 2/π) and (1, 1/2 − 2/π).
 */
public record MoonsGenerator(double noise, double balance) implements ClassificationGenerator {

    public MoonsGenerator {
        ClassificationGenerator.check(noise, balance, 2);
    }

    @Override
    public int classes() {
        return 2;
    }

    @Override
    public Point point(int label, Rng rng) {
        double t = rng.uniform(0, StrictMath.PI);
        double x1 = label == 0 ? StrictMath.cos(t) : 1 - StrictMath.cos(t);
        double x2 = label == 0 ? StrictMath.sin(t) : 0.5 - StrictMath.sin(t);
        return new Point(x1 + noise * rng.nextGaussian(), x2 + noise * rng.nextGaussian());
    }
}
