package fitlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.random.Rng;
import fitlab.testsupport.PyTorch;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fitlab's tanh against the correctly-rounded-to-1-ulp fdlibm tanh and against PyTorch's, in ulps. */
class FastTanhTest {

    @Test
    void withinTwoUlpsOfStrictMathOnAMillionPoints() {
        Rng rng = Rng.seeded(17);
        long worst = 0;
        double worstAt = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double x = switch (i % 5) {
                case 0 -> rng.uniform(-1, 1);
                case 1 -> rng.uniform(-25, 25);
                case 2 -> rng.uniform(0.5, 0.8) * (i % 2 == 0 ? 1 : -1); // around the switch of method at 0.625
                case 3 -> rng.nextGaussian() * 1.5;                         // like pre-activations
                default -> Math.scalb(rng.nextDouble(), -rng.nextInt(1000)); // tiny values
            };
            long u = ErfTest.ulps(FastTanh.tanh(x), StrictMath.tanh(x));
            if (u > worst) {
                worst = u;
                worstAt = x;
            }
        }
        System.out.printf("tanh: worst %d ulps from StrictMath.tanh (at %s)%n", worst, worstAt);
        assertTrue(worst <= 2, "tanh differs from StrictMath.tanh by " + worst + " ulps at " + worstAt);
    }

    @Test
    void expWithinOneUlpOfStrictMathWhereTanhUsesIt() {
        Rng rng = Rng.seeded(18);
        long worst = 0;
        for (int i = 0; i < 1_000_000; i++) {
            double y = rng.uniform(1.25, 44);
            worst = Math.max(worst, ErfTest.ulps(FastTanh.exp(y), StrictMath.exp(y)));
        }
        assertTrue(worst <= 1, "exp differs from StrictMath.exp by " + worst + " ulps");
        assertTrue(Double.isNaN(FastTanh.exp(Double.NaN)));
    }

    @Test
    void specialValues() {
        assertEquals(Double.doubleToRawLongBits(0.0), Double.doubleToRawLongBits(FastTanh.tanh(0.0)));
        assertEquals(Double.doubleToRawLongBits(-0.0), Double.doubleToRawLongBits(FastTanh.tanh(-0.0)));
        assertTrue(Double.isNaN(FastTanh.tanh(Double.NaN)));
        assertEquals(1.0, FastTanh.tanh(Double.POSITIVE_INFINITY));
        assertEquals(-1.0, FastTanh.tanh(Double.NEGATIVE_INFINITY));
        assertEquals(1.0, FastTanh.tanh(21.9));
        assertEquals(-1.0, FastTanh.tanh(-1e300));
        assertEquals(Double.MIN_VALUE, FastTanh.tanh(Double.MIN_VALUE));
        assertEquals(1e-200, FastTanh.tanh(1e-200));
        for (double x = -30; x <= 30; x += 0.001) {
            assertEquals(-FastTanh.tanh(x), FastTanh.tanh(-x), "odd at " + x);
        }
    }

    @Test
    void monotoneAcrossTheMethodSwitch() {
        double x = 0.625;
        for (int i = 0; i < 1000; i++) {
            x = Math.nextDown(x);
        }
        double previous = FastTanh.tanh(x);
        for (int i = 0; i < 2000; i++) {
            x = Math.nextUp(x);
            double y = FastTanh.tanh(x);
            assertTrue(y >= previous, "tanh decreases at " + x);
            previous = y;
        }
    }

    @Test
    void withinTwoUlpsOfTorch(@TempDir Path dir) {
        String out = PyTorch.runOk("""
                import torch
                x = torch.cat([torch.linspace(-25, 25, 40001, dtype=torch.float64),
                               torch.linspace(0.55, 0.7, 10001, dtype=torch.float64),
                               torch.logspace(-300, 1, 2000, dtype=torch.float64)])
                for a, b in zip(x.tolist(), torch.tanh(x).tolist()):
                    print(a.hex(), b.hex())
                """, dir);
        long worst = 0;
        int count = 0;
        for (String line : out.strip().split("\n")) {
            String[] f = line.split(" ");
            worst = Math.max(worst, ErfTest.ulps(FastTanh.tanh(Double.parseDouble(f[0])), Double.parseDouble(f[1])));
            count++;
        }
        assertEquals(52002, count);
        System.out.printf("tanh: worst %d ulps from torch.tanh%n", worst);
        assertTrue(worst <= 2, "tanh differs from torch.tanh by " + worst + " ulps");
    }
}
