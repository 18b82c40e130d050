package fitlab.data;

import fitlab.UserError;
import fitlab.random.Rng;

/**
 * Noisy samples of a known function: x ~ Uniform[xMin, xMax), y = f(x) + ε with ε ~ N(0, noise²).
 * Because f is known, noise² is the irreducible error: no model can reach a lower expected test loss.
 * Each row draws x, then ε, from the stream.
 */
public record Regression1dGenerator(TargetFunction function, double xMin, double xMax, double noise)
        implements DataGenerator {

    public Regression1dGenerator {
        if (!(xMin < xMax) || !Double.isFinite(xMin) || !Double.isFinite(xMax)) {
            throw new UserError("data.x: expected a finite range [xMin, xMax] with xMin < xMax, got ["
                    + xMin + ", " + xMax + "]");
        }
        if (!(noise >= 0) || !Double.isFinite(noise)) {
            throw new UserError("data.noise: expected a finite number ≥ 0, got " + noise);
        }
    }

    @Override
    public int features() {
        return 1;
    }

    /** @throws UserError if f is not finite at a sampled x (e.g. log(x) with xMin ≤ 0) */
    @Override
    public Dataset sample(String name, int rows, Rng rng) {
        double[] x = new double[rows];
        double[] y = new double[rows];
        for (int i = 0; i < rows; i++) {
            x[i] = rng.uniform(xMin, xMax);
            double fx = function.applyAsDouble(x[i]);
            if (!Double.isFinite(fx)) {
                throw new UserError("data.function \"" + function.text() + "\" is " + fx + " at x = " + x[i]
                        + ", inside data.x [" + xMin + ", " + xMax + "]; expected a finite value everywhere there");
            }
            y[i] = fx + noise * rng.nextGaussian();
        }
        return new Dataset(name, rows, 1, x, y);
    }
}
