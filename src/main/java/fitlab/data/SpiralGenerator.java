package fitlab.data;

import fitlab.random.Rng;

/**
 * K interleaved spiral arms, one per class (the CS231n toy set): with t ~ Uniform[0, 1), a point of class k has
 * radius r = t and angle θ = 2πk/K + {@value #TURNS}·2π·t, i.e. r(cos θ, sin θ), then N(0, noise²) jitter on
 * both coordinates. Each arm turns {@value #TURNS} times around the origin, so the classes wrap around each other.
 */
public record SpiralGenerator(double noise, double balance, int classes) implements ClassificationGenerator {

    /** Turns of each arm from the centre (r = 0) to the rim (r = 1). */
    public static final double TURNS = 0.75;

    public SpiralGenerator {
        ClassificationGenerator.check(noise, balance, classes);
    }

    @Override
    public Point point(int label, Rng rng) {
        double t = rng.nextDouble();
        double theta = armAngle(label) + TURNS * 2 * StrictMath.PI * t;
        return new Point(t * StrictMath.cos(theta) + noise * rng.nextGaussian(),
                t * StrictMath.sin(theta) + noise * rng.nextGaussian());
    }

    /** Angle at which arm {@code label} leaves the origin: 2πk/K. */
    public double armAngle(int label) {
        return 2 * StrictMath.PI * label / classes;
    }
}
