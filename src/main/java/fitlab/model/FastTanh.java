package fitlab.model;

/**
 * tanh within 2 ulps of the exact value, built from + − × ÷, floor, rint, abs, min and max only, so that its bits are
 * fixed by Java's semantics on every CPU and JVM (fitlab's promise: the same config and seed give the same bits on
 * any machine), and written so that HotSpot C2 (JDK 17) vectorizes {@link #apply}. FastTanhTest measures the error
 * against {@link StrictMath#tanh} and against {@code torch.tanh}.
 *
 * <p>Why not {@link Math#tanh}: it may be an intrinsic whose last bits differ between CPUs and JVMs. Why not
 * {@link Math#fma}: exactly specified, but on CPUs without FMA instructions (the Celeron and Pentium Silver of many
 * school laptops) the JDK computes it in software, hundreds of times slower; a variant that used fma where the CPU
 * has it and plain arithmetic elsewhere gave different bits on the two kinds of machine.
 *
 * <p>Method (Cephes {@code tanh}): for |x| &lt; 0.625 the rational form x + x·z·P(z)/Q(z) with z = x², whose
 * leading term x is exact, so the small relative error of the correction hardly reaches the result. Above,
 * ±(1 − 2/(e^(2|x|) + 1)): there tanh ≥ 0.55, so the subtraction loses nothing. From |x| ≥ 19.1 tanh rounds to
 * ±1, so |x| is clamped to 20, which keeps every intermediate finite.
 *
 * <p>Why it looks like this: C2 only vectorizes a loop whose body is straight-line arithmetic it has vector
 * instructions for and that is small (a larger body is never unrolled, so never vectorized). Hence
 * <ul>
 *   <li>no branch: both formulas are computed and one is selected by a weight w ∈ {0, 1} (exactly 0 or 1, so
 *       v·a + w·b is exactly a or b). Both share one division: the result is c + c·N/D with
 *       (c, N, D) = (x, z·P, Q) below the switch and (±1, −2, e^(2|x|) + 1) above;
 *   <li>no table, no bit tricks: e^y = 2^k·e^r by Cody–Waite reduction, e^r − 1 by a polynomial, and 2^k (k an
 *       integer in [0, 58]) from its base-4 digits through three cubics that are exact at the digits 0..3;
 *   <li>several passes over a block of values, each loop small enough; the scalar {@link #tanh} runs the very same
 *       operations, so both give the same bits.
 * </ul>
 */
final class FastTanh {
    /** tanh(x) rounds to ±1 from |x| ≈ 19.06; clamping there keeps e^(2|x|) and x² finite. */
    static final double CLAMP = 20.0;
    /** rint(0.8·x) is ±0 below |x| = 0.625 and ±1 (or beyond) above: the switch between the two formulas. */
    static final double HALF_OVER_SWITCH = 0.8;

    static final double P0 = -9.64399179425052238628E-1;
    static final double P1 = -9.92877231001918586564E1;
    static final double P2 = -1.61468768441708447952E3;
    static final double Q1 = 1.12811678491632931402E2;
    static final double Q2 = 2.23548839060100448583E3;
    static final double Q3 = 4.84406305325125486048E3;

    /** 2/ln2: k = round(2a/ln2). */
    static final double TWO_OVER_LN2 = 2.8853900817779268;
    /** ln2/2 split (fdlibm's ln2_hi has 32 trailing zero bits, so k·HALF_LN2_HI is exact for k &lt; 2^32). */
    static final double HALF_LN2_HI = 6.93147180369123816490e-01 / 2;
    static final double HALF_LN2_LO = 1.90821492927058770002e-10 / 2;
    /**
     * (e^(2h) − 1)/h ≈ G0 + G1·h + … + G10·h^10 for |h| ≤ ln2/4: Chebyshev fit (mpmath chebyfit), error
     * 3.6e-17, under 0.1 ulp of e^(2h).
     */
    static final double G0 = 2.0;
    static final double G1 = 2.000000000000002;
    static final double G2 = 1.3333333333333337;
    static final double G3 = 0.666666666665169;
    static final double G4 = 0.26666666666643635;
    static final double G5 = 0.08888888916809459;
    static final double G6 = 0.025396825439770402;
    static final double G7 = 0.0063491851043290986;
    static final double G8 = 0.0014109314764905688;
    static final double G9 = 0.00028289403971273067;
    static final double G10 = 5.1415484425668085e-05;

    /** Values per block: both passes over a block run in the L1 cache. */
    static final int BLOCK = 1024;

    private FastTanh() {}

    static double tanh(double x) {
        return finish(x, expPlusOne(x));
    }

    /** Per thread: the arrays that carry a block of values between the passes of {@link #apply}. */
    private static final ThreadLocal<double[][]> SCRATCH = ThreadLocal.withInitial(() -> new double[6][BLOCK]);

    /** out[i] = tanh(in[i]) for i in [0, n); in and out may be the same array. */
    static void apply(double[] in, double[] out, int n) {
        double[][] scratch = SCRATCH.get();
        double[] x = scratch[0];
        double[] k = scratch[1]; // the power k, then 2^k
        double[] em = scratch[2]; // the reduced argument h, then e^(2h) − 1
        double[] y = scratch[3]; // e^(2|x|) + 1, then the denominator D, then tanh
        double[] c = scratch[4];
        double[] w = scratch[5]; // the switch weight, then the numerator N
        for (int from = 0; from < n; from += BLOCK) {
            int len = Math.min(n - from, BLOCK);
            // Each pass is one small loop that C2 vectorizes (one loop with all of it is not: a body of more than
            // about 60 nodes is never unrolled, so never vectorized), over arrays all indexed from 0 by the loop
            // variable (JDK 17 does not vectorize a loop whose arrays are indexed with different offsets): hence the
            // block is copied in and out. The passes run exactly the operations of the scalar tanh, in its order.
            System.arraycopy(in, from, x, 0, len);
            powers(x, k, len);
            reduce(x, k, em, len);
            expm1(em, len);
            twoToThe(k, len);
            plusOne(k, em, y, len);
            selectors(x, c, w, len);
            fraction(x, w, y, len);
            combine(c, w, y, len);
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

    private static void twoToThe(double[] k, int len) {
        for (int i = 0; i < len; i++) {
            k[i] = twoToThe(k[i]);
        }
    }

    private static void plusOne(double[] t, double[] em, double[] y, int len) {
        for (int i = 0; i < len; i++) {
            y[i] = plusOneGiven(t[i], em[i]);
        }
    }

    private static void selectors(double[] x, double[] c, double[] w, int len) {
        for (int i = 0; i < len; i++) {
            double xc = clamped(x[i]);
            double sign = sign(xc);
            double weight = Math.abs(sign);
            c[i] = chosen(xc, sign, weight);
            w[i] = weight;
        }
    }

    /** Leaves the numerator in w and the denominator in y. */
    private static void fraction(double[] x, double[] w, double[] y, int len) {
        for (int i = 0; i < len; i++) {
            double xc = clamped(x[i]);
            double weight = w[i];
            w[i] = numerator(xc, weight);
            y[i] = denominator(xc, weight, y[i]);
        }
    }

    private static void combine(double[] c, double[] numerator, double[] y, int len) {
        for (int i = 0; i < len; i++) {
            y[i] = c[i] * (numerator[i] / y[i]) + c[i];
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
        double a = Math.min(Math.abs(x), CLAMP);
        return Math.floor(a * TWO_OVER_LN2 + 0.5);
    }

    /** h = (2a − k·ln2)/2, |h| ≤ ln2/4 (k·HALF_LN2_HI is exact). */
    private static double reduced(double x, double k) {
        double a = Math.min(Math.abs(x), CLAMP);
        return (a - k * HALF_LN2_HI) - k * HALF_LN2_LO;
    }

    /** e^(2h) − 1 = h·g(h). */
    private static double expm1OfReduced(double h) {
        double g = ((((G10 * h + G9) * h + G8) * h + G7) * h + G6) * h + G5;
        g = ((((g * h + G4) * h + G3) * h + G2) * h + G1) * h + G0;
        return h * g;
    }

    /** 2^k·(1 + expm1) + 1. */
    private static double plusOne(double k, double expm1) {
        return plusOneGiven(twoToThe(k), expm1);
    }

    /** t·(1 + expm1) + 1 for t = 2^k. */
    private static double plusOneGiven(double t, double expm1) {
        return t * expm1 + (t + 1.0);
    }

    /** tanh(x) given ep1 = expPlusOne(x): selects and evaluates one of the two formulas without a branch. */
    private static double finish(double x, double ep1) {
        double xc = clamped(x);
        double sign = sign(xc);
        double w = Math.abs(sign);
        double c = chosen(xc, sign, w);
        return c * (numerator(xc, w) / denominator(xc, w, ep1)) + c;
    }

    /** x within ±20: keeps z·P and Q finite (0·∞ would give NaN). */
    private static double clamped(double x) {
        return Math.min(Math.max(x, -CLAMP), CLAMP);
    }

    /** ±1 above the switch, else ±0 with the sign of x (rint keeps the sign), NaN for NaN; its abs is the weight w. */
    private static double sign(double xc) {
        return Math.min(Math.max(Math.rint(xc * HALF_OVER_SWITCH), -1.0), 1.0);
    }

    /** c: x below the switch (v·x + ±0 with the sign of x, so tanh(−0) = −0), ±1 above. */
    private static double chosen(double xc, double sign, double w) {
        return (1.0 - w) * xc + sign;
    }

    /**
     * N: z·P(z) below the switch, −2 above, written v·zP + (w·(−2) + 0): the + 0 turns the −0 of z·P at x = ±0 into
     * +0, so c + c·N/D keeps c's zero.
     */
    private static double numerator(double xc, double w) {
        double z = xc * xc;
        double zp = ((P0 * z + P1) * z + P2) * z;
        return (1.0 - w) * zp + (w * -2.0 + 0.0);
    }

    /** D: Q(z) below the switch, e^(2|x|) + 1 above. */
    private static double denominator(double xc, double w, double ep1) {
        double z = xc * xc;
        double q = ((z + Q1) * z + Q2) * z + Q3;
        return (1.0 - w) * q + w * ep1;
    }

    /**
     * 2^k, exactly, for an integer-valued k in [0, 63], without bit manipulation. With k = d0 + 4·d1 + 16·d2
     * (digits 0..3), 2^k = 2^d0 · 16^d1 · 65536^d2, and b^d for d = 0..3 is the cubic through those four points.
     * For b = 16 and 65536 its coefficients are exact binary fractions and every step of Horner is exact; for
     * b = 2 it is (d³ + 5d + 6)/6, whose numerator 6·2^d is exact and times the double nearest 1/6 (which is
     * 1/6·(1 − 2^-54)) rounds back to 2^d exactly (a tie, broken to the even 2^d).
     */
    static double twoToThe(double k) {
        double q = Math.floor(k * 0.25);
        double d0 = k - 4.0 * q;
        double d2 = Math.floor(q * 0.25);
        double d1 = q - 4.0 * d2;
        double p0 = ((d0 * d0 + 5.0) * d0 + 6.0) * (1.0 / 6);
        double p1 = ((562.5 * d1 - 1575.0) * d1 + 1027.5) * d1 + 1.0;
        double p2 = ((46910348667562.5 * d2 - 140728898584575.0) * d2 + 93818549982547.5) * d2 + 1.0;
        return p0 * p1 * p2;
    }
}
