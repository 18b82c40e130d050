package fitlab.model;

import java.util.Arrays;

/** {@link FastTanh} with fused multiply-adds (see there): for CPUs with FMA instructions. */
final class FmaTanh {
    private FmaTanh() {}

    static double tanh(double x) {
        return finish(x, expPlusOne(x));
    }

    /** out[i] = tanh(in[i]) for i in [0, n); in and out may be the same array (then through a copy of in). */
    static void apply(double[] in, double[] out, int n) {
        double[] x = in == out ? Arrays.copyOf(in, n) : in;
        for (int from = 0; from < n; from += FastTanh.BLOCK) {
            int to = Math.min(n, from + FastTanh.BLOCK);
            // Two loops, each small enough for C2 to vectorize (one loop with all of it is not). The first leaves
            // e^(2|x|) + 1 in out: a separate scratch array indexed from 0 would stop the vectorization (in JDK 17
            // arrays indexed with different offsets in one loop are not vectorized).
            for (int i = from; i < to; i++) {
                out[i] = expPlusOne(x[i]);
            }
            for (int i = from; i < to; i++) {
                out[i] = finish(x[i], out[i]);
            }
        }
    }

    /**
     * e^(2a) + 1 with a = min(|x|, 20), within 1 ulp up to a ≈ 18.2 (k ≤ 52), within 2 above (where 2^k + 1 is
     * rounded; tanh there is 1 − 4e-16 or closer to 1 and does not feel it); NaN for NaN.
     */
    static double expPlusOne(double x) {
        double a = Math.min(Math.abs(x), FastTanh.CLAMP);
        double k = Math.floor(Math.fma(a, FastTanh.TWO_OVER_LN2, 0.5));
        double h = Math.fma(k, -FastTanh.HALF_LN2_LO, Math.fma(k, -FastTanh.HALF_LN2_HI, a)); // h = (2a − k·ln2)/2, |h| ≤ ln2/4
        double g = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(FastTanh.G10, h, FastTanh.G9), h, FastTanh.G8), h, FastTanh.G7), h, FastTanh.G6), h, FastTanh.G5);
        g = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(g, h, FastTanh.G4), h, FastTanh.G3), h, FastTanh.G2), h, FastTanh.G1), h, FastTanh.G0);
        double expm1 = h * g; // e^(2h) − 1
        double t = twoToThe(k);
        return Math.fma(t, expm1, t + 1.0); // 2^k·(1 + expm1) + 1
    }


    /** tanh(x) given ep1 = expPlusOne(x): selects and evaluates one of the two formulas without a branch. */
    private static double finish(double x, double ep1) {
        double xc = Math.min(Math.max(x, -FastTanh.CLAMP), FastTanh.CLAMP); // keeps z·P, Q finite (0·∞ would give NaN)
        // ±1 above the switch, else ±0 with the sign of x (rint keeps the sign), NaN for NaN
        double sign = Math.min(Math.max(Math.rint(xc * FastTanh.HALF_OVER_SWITCH), -1.0), 1.0);
        double w = Math.abs(sign); // 1 above the switch, 0 below
        double v = 1.0 - w;
        double z = xc * xc;
        double zp = Math.fma(Math.fma(FastTanh.P0, z, FastTanh.P1), z, FastTanh.P2) * z;
        double q = Math.fma(Math.fma(z + FastTanh.Q1, z, FastTanh.Q2), z, FastTanh.Q3);
        // below: c = x (v·x + ±0 with the sign of x, so tanh(−0) = −0), N = z·P, D = Q
        // above: c = ±1, N = −2, D = e^(2|x|) + 1
        double c = Math.fma(v, xc, sign);
        // N as v·zP + (w·(−2) + 0): the + 0 turns the −0 of z·P at x = ±0 into +0, so c + c·N/D keeps c's zero
        double numerator = Math.fma(v, zp, Math.fma(w, -2.0, 0.0));
        double denominator = Math.fma(v, q, w * ep1);
        return Math.fma(c, numerator / denominator, c);
    }

    /**
     * 2^k as {@link FastTanh#twoToThe}, with fused multiply-adds (the same exact values; fewer operations keep the loop
     * of {@link #apply} small enough to vectorize). 2^k, exactly, for an integer-valued k in [0, 63], without bit manipulation. With k = d0 + 4·d1 + 16·d2
     * (digits 0..3), 2^k = 2^d0 · 16^d1 · 65536^d2, and b^d for d = 0..3 is the cubic through those four points.
     * For b = 16 and 65536 its coefficients are exact binary fractions and every step of Horner is exact; for
     * b = 2 it is (d³ + 5d + 6)/6, whose numerator 6·2^d is exact and times the double nearest 1/6 (which is
     * 1/6·(1 − 2^-54)) rounds back to 2^d exactly (a tie, broken to the even 2^d).
     */
    static double twoToThe(double k) {
        double q = Math.floor(k * 0.25);
        double d0 = Math.fma(-4.0, q, k);
        double d2 = Math.floor(q * 0.25);
        double d1 = Math.fma(-4.0, d2, q);
        double p0 = Math.fma(Math.fma(d0, d0, 5.0), d0, 6.0) * (1.0 / 6);
        double p1 = Math.fma(Math.fma(Math.fma(562.5, d1, -1575.0), d1, 1027.5), d1, 1.0);
        double p2 = Math.fma(Math.fma(Math.fma(46910348667562.5, d2, -140728898584575.0), d2, 93818549982547.5),
                d2, 1.0);
        return p0 * p1 * p2;
    }
}
