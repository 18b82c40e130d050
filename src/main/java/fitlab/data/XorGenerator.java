package fitlab.data;

import fitlab.random.Rng;

/**
 * The XOR pattern on the square [−1, 1]², labelled by the sign of x1·x2: class 1 where x1·x2 &gt; 0 (first and
 * third quadrants), class 0 where x1·x2 &lt; 0. A point of a class takes |x1|, |x2| ~ Uniform(0, 1] and one of
 * its class's two quadrants with equal chance; both coordinates then get N(0, noise²) jitter (so with noise a
 * few points cross the axes). No linear model does better than chance; one hidden layer suffices.
 */
public record XorGenerator(double noise, double balance) implements ClassificationGenerator {

    public XorGenerator {
        ClassificationGenerator.check(noise, balance, 2);
    }

    @Override
    public int classes() {
        return 2;
    }

    @Override
    public Point point(int label, Rng rng) {
        double a = 1 - rng.nextDouble();
        double b = 1 - rng.nextDouble();
        double sign = rng.nextDouble() < 0.5 ? -1 : 1;
        double x1 = sign * a;
        double x2 = label == 1 ? sign * b : -sign * b;
        return new Point(x1 + noise * rng.nextGaussian(), x2 + noise * rng.nextGaussian());
    }
}
