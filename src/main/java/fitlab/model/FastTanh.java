package fitlab.model;

import java.lang.management.ManagementFactory;

/**
 * tanh within 2 ulps of the exact value, written so that HotSpot C2 (JDK 17) vectorizes {@link #apply}: about
 * 1.5 ns per value on AVX-512 instead of the ~6 ns of the scalar form, which was half the cost of evaluating an MLP.
 * FastTanhTest measures the error against {@link StrictMath#tanh} and against {@code torch.tanh}.
 *
 * <p>Method (Cephes {@code tanh}): for |x| &lt; 0.625 the rational form x + x·z·P(z)/Q(z) with z = x², whose
 * leading term x is exact, so the small relative error of the correction hardly reaches the result. Above,
 * ±(1 − 2/(e^(2|x|) + 1)): there tanh ≥ 0.55, so the subtraction loses nothing. From |x| ≥ 19.1 tanh rounds to
 * ±1, so |x| is clamped to 20, which keeps every intermediate finite.
 *
 * <p>Why it looks like this: C2 only vectorizes a loop whose body is straight-line arithmetic it has vector
 * instructions for (+ − × ÷, {@link Math#fma}, abs, min, max, floor, rint) and that is small (about 40 operations;
 * a larger body is never unrolled, so never vectorized). Hence
 * <ul>
 *   <li>no branch: both formulas are computed and one is selected by a weight w ∈ {0, 1} (exactly 0 or 1, so
 *       v·a + w·b is exactly a or b). Both share one division: the result is c + c·N/D with
 *       (c, N, D) = (x, z·P, Q) below the switch and (±1, −2, e^(2|x|) + 1) above;
 *   <li>no table, no bit tricks: e^y = 2^k·e^r by Cody–Waite reduction, e^r − 1 by a polynomial, and 2^k (k an
 *       integer in [0, 58]) from its base-4 digits through three cubics that are exact at the digits 0..3;
 *   <li>two passes over a block of values ({@link #expPlusOne}, then {@link #finish}), each small enough.
 * </ul>
 * Two variants compute it ({@link Variant}): with {@link Math#fma} where the CPU has FMA instructions, and with plain
 * + − × ÷ where it has not, because there the JDK computes fma in software, hundreds of times slower (the Celeron
 * and Pentium Silver of many school laptops have no FMA). Every operation either uses is exactly specified by Java,
 * so a variant gives the same bits on every machine, and its scalar {@code tanh} runs the very same operations as
 * its vector loop; the two variants differ from each other in last bits (both within 2 ulps of the exact value).
 */
final class FastTanh {
    /** The two ways of computing the same function. */
    enum Variant {
        /** Horner and the final steps as fused multiply-adds: fewer operations, vectorized in two passes (~1.7 ns per value). */
        FMA,
        /**
         * The same formulas with separate multiplies and adds, no fma anywhere: five passes, 5.5-7 ns per value measured
         * (C2 leaves part of it scalar), against microseconds per value for software fma on such a CPU.
         */
        PLAIN
    }

    /** FMA when HotSpot runs {@link Math#fma} as an instruction ({@code -XX:+UseFMA}, set by the JVM from the CPU). */
    static final Variant ACTIVE = hardwareFma() ? Variant.FMA : Variant.PLAIN;

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
        return ACTIVE == Variant.FMA ? FmaTanh.tanh(x) : PlainTanh.tanh(x);
    }

    /** out[i] = tanh(in[i]) for i in [0, n); in and out may be the same array. */
    static void apply(double[] in, double[] out, int n) {
        apply(ACTIVE, in, out, n);
    }

    static double tanh(Variant v, double x) {
        return v == Variant.FMA ? FmaTanh.tanh(x) : PlainTanh.tanh(x);
    }

    static void apply(Variant v, double[] in, double[] out, int n) {
        if (v == Variant.FMA) {
            FmaTanh.apply(in, out, n);
        } else {
            PlainTanh.apply(in, out, n);
        }
    }

    /** e^(2·min(|x|, 20)) + 1 as the variant computes it (for the accuracy tests). */
    static double expPlusOne(Variant v, double x) {
        return v == Variant.FMA ? FmaTanh.expPlusOne(x) : PlainTanh.expPlusOne(x);
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

    private static boolean hardwareFma() {
        try {
            var vm = ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class);
            return vm != null && Boolean.parseBoolean(vm.getVMOption("UseFMA").getValue());
        } catch (RuntimeException | LinkageError e) {
            return false; // not HotSpot, or no management module: the variant that is fast everywhere
        }
    }
}
