package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import fitlab.random.Rng;
import org.junit.jupiter.api.Test;

class Regression1dGeneratorTest {

    private static final TargetFunction COS = TargetFunction.parse("cos-1.5pi");

    @Test
    void inputsAreUniformOnTheRange() {
        Dataset d = new Regression1dGenerator(COS, -2, 3, 0.1).sample("train", 20_000, Rng.seeded(1));
        assertEquals(1, d.features());
        double min = Double.MAX_VALUE, max = -Double.MAX_VALUE, sum = 0;
        for (double x : d.x()) {
            min = Math.min(min, x);
            max = Math.max(max, x);
            sum += x;
        }
        assertTrue(min >= -2 && min < -1.99, "min " + min);
        assertTrue(max < 3 && max > 2.99, "max " + max);
        assertEquals(0.5, sum / d.rows(), 0.05); // std of the mean: 5/sqrt(12)/sqrt(20000) ≈ 0.01
    }

    @Test
    void withoutNoiseTheTargetsAreTheFunctionItself() {
        Dataset d = new Regression1dGenerator(COS, 0, 1, 0.0).sample("train", 100, Rng.seeded(2));
        for (int i = 0; i < d.rows(); i++) {
            assertEquals(COS.applyAsDouble(d.x()[i]), d.y()[i], 0.0);
        }
    }

    @Test
    void residualsHaveTheConfiguredNoiseLevel() {
        for (double noise : new double[] {0.05, 0.3, 2.0}) {
            Dataset d = new Regression1dGenerator(COS, 0, 1, noise).sample("train", 50_000, Rng.seeded(3));
            double sum = 0, sumSq = 0;
            for (int i = 0; i < d.rows(); i++) {
                double r = d.y()[i] - COS.applyAsDouble(d.x()[i]);
                sum += r;
                sumSq += r * r;
            }
            double mean = sum / d.rows();
            double std = Math.sqrt((sumSq - d.rows() * mean * mean) / (d.rows() - 1));
            // The sample std of 50 000 normals is within 1% of the truth with overwhelming probability.
            assertEquals(noise, std, 0.01 * noise, "noise " + noise);
            assertEquals(0.0, mean, 0.02 * noise, "noise " + noise);
        }
    }

    @Test
    void aFunctionThatIsNotFiniteOnTheRangeIsAUserError() {
        var generator = new Regression1dGenerator(TargetFunction.parse("log(x)"), -1, 1, 0.1);
        UserError e = assertThrows(UserError.class, () -> generator.sample("train", 50, Rng.seeded(4)));
        assertTrue(e.getMessage().startsWith("data.function \"log(x)\" is NaN at x = -"), e.getMessage());
    }

    @Test
    void anEmptyRangeOrNegativeNoiseIsAUserError() {
        assertTrue(assertThrows(UserError.class, () -> new Regression1dGenerator(COS, 1, 1, 0.1)).getMessage()
                .startsWith("data.x:"));
        assertTrue(assertThrows(UserError.class, () -> new Regression1dGenerator(COS, 0, 1, -0.1)).getMessage()
                .startsWith("data.noise:"));
    }
}
