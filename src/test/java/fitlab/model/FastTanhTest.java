package fitlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.random.Rng;
import fitlab.testsupport.PyTorch;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fitlab's tanh against the correctly-rounded-to-1-ulp fdlibm tanh and against PyTorch's, in ulps; its parts
 * (e^(2|x|) + 1, 2^k) against exact values; and the vectorized array form against the scalar one, bit for bit.
 */
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
    void expPlusOneWithinOneUlpOfTheExactValue() {
        Rng rng = Rng.seeded(18);
        MathContext mc = new MathContext(40);
        long worst = 0;
        long worstBeyond = 0; // from |x| ≈ 18.2, 2^k + 1 is rounded: 2 ulps of e^(2|x|), nothing of tanh (≈ 1 − 4e-16)
        for (int i = 0; i < 22_000; i++) {
            double x = i < 10_000 ? rng.uniform(-18, 18) : i < 20_000 ? rng.uniform(-1, 1) : rng.uniform(18, 20);
            long u = ErfTest.ulps(FastTanh.expPlusOne(x), exactExp(2 * Math.abs(x), mc).add(BigDecimal.ONE).doubleValue());
            if (i < 20_000) {
                worst = Math.max(worst, u);
            } else {
                worstBeyond = Math.max(worstBeyond, u);
            }
        }
        assertTrue(worst <= 1, "e^(2|x|) + 1 differs from the exact value by " + worst + " ulps");
        assertTrue(worstBeyond <= 2, "e^(2|x|) + 1 differs from the exact value by " + worstBeyond + " ulps above 18");
        assertTrue(Double.isNaN(FastTanh.expPlusOne(Double.NaN)));
        assertEquals(FastTanh.expPlusOne(20), FastTanh.expPlusOne(Double.NEGATIVE_INFINITY), "clamped at |x| = 20");
    }

    /** e^y to mc's precision, for 0 ≤ y ≤ 40: e^(y/64) by its Taylor series, then squared six times. */
    private static BigDecimal exactExp(double y, MathContext mc) {
        MathContext wide = new MathContext(mc.getPrecision() + 10);
        BigDecimal r = new BigDecimal(y).divide(BigDecimal.valueOf(64), wide);
        BigDecimal sum = BigDecimal.ONE;
        BigDecimal term = BigDecimal.ONE;
        for (int n = 1; n < 40; n++) {
            term = term.multiply(r, wide).divide(BigDecimal.valueOf(n), wide);
            sum = sum.add(term, wide);
        }
        for (int i = 0; i < 6; i++) {
            sum = sum.multiply(sum, wide);
        }
        return sum.round(mc);
    }

    @Test
    void twoToTheIsExactForEveryExponentItIsUsedWith() {
        for (int k = 0; k < 64; k++) {
            assertEquals(Math.scalb(1.0, k), FastTanh.twoToThe(k), "2^" + k);
        }
    }

    @Test
    void applyGivesTheSameBitsAsTanh() {
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MAX_VALUE, 1e-300, 0.625, -0.625, Math.nextDown(0.625),
            Math.nextUp(0.625), 19.06, -19.06, 20, -20, Math.nextUp(20.0), 1e300};
        Rng rng = Rng.seeded(19);
        int n = 100_003; // not a multiple of any block or vector length: the loops' tails run too
        double[] in = new double[n];
        for (int i = 0; i < n; i++) {
            in[i] = switch (i % 6) {
                case 0 -> rng.nextGaussian() * 1.5;
                case 1 -> rng.uniform(-25, 25);
                case 2 -> rng.uniform(0.6, 0.65) * (i % 4 == 0 ? 1 : -1);
                case 3 -> Math.scalb(rng.nextDouble() - 0.5, -rng.nextInt(1080));
                case 4 -> specials[rng.nextInt(specials.length)];
                default -> rng.uniform(-1, 1);
            };
        }
        double[] out = new double[n];
        // enough repetitions for the loops to be compiled (and vectorized) by C2: compare every round
        for (int round = 0; round < 60; round++) {
            FastTanh.apply(in, out, n);
            for (int i = 0; i < n; i++) {
                if (Double.doubleToRawLongBits(out[i]) != Double.doubleToRawLongBits(FastTanh.tanh(in[i]))) {
                    throw new AssertionError("round " + round + ": apply gives " + out[i] + ", tanh gives "
                            + FastTanh.tanh(in[i]) + " at " + in[i]);
                }
            }
        }
        double[] inPlace = in.clone();
        FastTanh.apply(inPlace, inPlace, n);
        assertArrayEquals(out, inPlace, "apply in place");
        double[] part = new double[n];
        FastTanh.apply(in, part, 1031);
        assertArrayEquals(Arrays.copyOf(out, 1031), Arrays.copyOf(part, 1031));
        assertEquals(0.0, part[1031], "nothing written beyond n");
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
