package fitlab.model;

/** {@link FastTanh} without fma (see there): for CPUs without FMA instructions, where the JDK's fma is software. */
final class PlainTanh {
    private PlainTanh() {}

    static double tanh(double x) {
        return finish(x, expPlusOne(x));
    }

    /** Per thread: a block of inputs, the power k, e^(2h) − 1 and the outputs between the passes of {@link #apply}. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[4][FastTanh.BLOCK]);

    /** out[i] = tanh(in[i]) for i in [0, n); in and out may be the same array. */
    static void apply(double[] in, double[] out, int n) {
        double[][] scratch = SCRATCH.get();
        double[] x = scratch[0];
        double[] k = scratch[1];
        double[] em = scratch[2];
        double[] y = scratch[3];
        for (int from = 0; from < n; from += FastTanh.BLOCK) {
            int len = Math.min(n - from, FastTanh.BLOCK);
            // Five loops, each small enough for C2 to vectorize (one loop with all of it is not), over arrays all
            // indexed from 0 by the loop variable (JDK 17 does not vectorize a loop whose arrays are indexed with
            // different offsets): hence the block is copied in and out. Each loop is its own method (in one method
            // they ran at 6.8 ns per value, apart at 3.1 in a scratch harness; in place here 5.5-7 ns, about the
            // old scalar tanh's speed, which is what a CPU without FMA needs: no software fma at microseconds each).
            System.arraycopy(in, from, x, 0, len);
            powers(x, k, len);
            reduce(x, k, em, len);
            expm1(em, len);
            plusOne(k, em, y, len);
            finish(x, y, len);
            System.arraycopy(y, 0, out, from, len);
        }
    }

    private static void powers(double[] x, double[] k, int len) {
        for (int i = 0; i < len; i++) {
            k[i] = power(x[i]);
        }
    }

    private static void reduce(double[] x, double[] k, double[] h, int len) {
        for (int i = 0; i < len; i++) {
            h[i] = reduced(x[i], k[i]);
        }
    }

    private static void expm1(double[] h, int len) {
        for (int i = 0; i < len; i++) {
            h[i] = expm1OfReduced(h[i]);
        }
    }

    private static void plusOne(double[] k, double[] em, double[] y, int len) {
        for (int i = 0; i < len; i++) {
            y[i] = plusOne(k[i], em[i]);
        }
    }

    private static void finish(double[] x, double[] y, int len) {
        for (int i = 0; i < len; i++) {
            y[i] = finish(x[i], y[i]);
        }
    }

    /**
     * e^(2a) + 1 with a = min(|x|, 20), within 1 ulp up to a ≈ 18.2 (k ≤ 52), within 2 above (where 2^k + 1 is
     * rounded; tanh there is 1 − 4e-16 or closer to 1 and does not feel it); NaN for NaN.
     */
    static double expPlusOne(double x) {
        double k = power(x);
        return plusOne(k, expm1OfReduced(reduced(x, k)));
    }

    /** k = round(2a/ln2), a = min(|x|, 20): an integer in [0, 58] (NaN for NaN). */
    private static double power(double x) {
        double a = Math.min(Math.abs(x), FastTanh.CLAMP);
        return Math.floor(a * FastTanh.TWO_OVER_LN2 + 0.5);
    }

    /** h = (2a − k·ln2)/2, |h| ≤ ln2/4 (k·FastTanh.HALF_LN2_HI is exact). */
    private static double reduced(double x, double k) {
        double a = Math.min(Math.abs(x), FastTanh.CLAMP);
        return (a - k * FastTanh.HALF_LN2_HI) - k * FastTanh.HALF_LN2_LO;
    }

    /** e^(2h) − 1 = h·g(h). */
    private static double expm1OfReduced(double h) {
        double g = ((((FastTanh.G10 * h + FastTanh.G9) * h + FastTanh.G8) * h + FastTanh.G7) * h + FastTanh.G6) * h + FastTanh.G5;
        g = ((((g * h + FastTanh.G4) * h + FastTanh.G3) * h + FastTanh.G2) * h + FastTanh.G1) * h + FastTanh.G0;
        return h * g;
    }

    /** 2^k·(1 + expm1) + 1. */
    private static double plusOne(double k, double expm1) {
        double t = FastTanh.twoToThe(k);
        return t * expm1 + (t + 1.0);
    }

    /** tanh(x) given ep1 = expPlusOne(x): selects and evaluates one of the two formulas without a branch. */
    private static double finish(double x, double ep1) {
        double xc = Math.min(Math.max(x, -FastTanh.CLAMP), FastTanh.CLAMP); // keeps z·P, Q finite (0·∞ would give NaN)
        // ±1 above the switch, else ±0 with the sign of x (rint keeps the sign), NaN for NaN
        double sign = Math.min(Math.max(Math.rint(xc * FastTanh.HALF_OVER_SWITCH), -1.0), 1.0);
        double w = Math.abs(sign); // 1 above the switch, 0 below
        double v = 1.0 - w;
        double z = xc * xc;
        double zp = ((FastTanh.P0 * z + FastTanh.P1) * z + FastTanh.P2) * z;
        double q = ((z + FastTanh.Q1) * z + FastTanh.Q2) * z + FastTanh.Q3;
        // below: c = x (v·x + ±0 with the sign of x, so tanh(−0) = −0), N = z·P, D = Q
        // above: c = ±1, N = −2, D = e^(2|x|) + 1
        double c = v * xc + sign;
        // N as v·zP + (w·(−2) + 0): the + 0 turns the −0 of z·P at x = ±0 into +0, so c + c·N/D keeps c's zero
        double numerator = v * zp + (w * -2.0 + 0.0);
        double denominator = v * q + w * ep1;
        return c * (numerator / denominator) + c;
    }
}
