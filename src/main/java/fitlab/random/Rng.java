package fitlab.random;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A small, fast, seedable random stream whose whole state is four longs (xoshiro256**).
 *
 * <p>fitlab never uses a global or time-seeded generator: every purpose (training data, test data,
 * initial weights, shuffling, dropout, ...) gets its own stream derived from the experiment seed and
 * the cell id, so results do not depend on thread count or on the order cells run in. The state is
 * exposed so a checkpoint can store it and a resumed run continues the very same sequence.
 *
 * <p>Not thread-safe: one stream belongs to one cell.
 */
public final class Rng {

    private long s0, s1, s2, s3;

    private Rng(long s0, long s1, long s2, long s3) {
        if ((s0 | s1 | s2 | s3) == 0) {
            throw new IllegalArgumentException("xoshiro256** state must not be all zero");
        }
        this.s0 = s0;
        this.s1 = s1;
        this.s2 = s2;
        this.s3 = s3;
    }

    /** A stream seeded from one 64-bit number (expanded with SplitMix64, as the xoshiro authors advise). */
    public static Rng seeded(long seed) {
        long[] x = {seed};
        return new Rng(splitMix(x), splitMix(x), splitMix(x), splitMix(x));
    }

    /**
     * The stream for one purpose of one cell, e.g. {@code derive(seed, "init", "degree=4,seed=0")}.
     * Different purposes or cells give unrelated streams; the same arguments always give the same one.
     */
    public static Rng derive(long seed, String purpose, String cellId) {
        long h = fnv1a(purpose, 0xcbf29ce484222325L);
        h = fnv1a("\u0000", h);
        h = fnv1a(cellId, h);
        long[] x = {seed ^ mix(h)};
        return new Rng(splitMix(x), splitMix(x), splitMix(x), splitMix(x));
    }

    /** Rebuilds a stream from a state returned by {@link #state()}. */
    public static Rng fromState(long[] state) {
        if (state.length != 4) {
            throw new IllegalArgumentException("rng state needs 4 longs, got " + state.length);
        }
        return new Rng(state[0], state[1], state[2], state[3]);
    }

    /** A copy of the current state (four longs); the stream continues exactly from here after {@link #fromState}. */
    public long[] state() {
        return new long[] {s0, s1, s2, s3};
    }

    /** An independent copy at the same position. */
    public Rng copy() {
        return new Rng(s0, s1, s2, s3);
    }

    public long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in [0, 1) with 53 random bits. */
    public double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [low, high). */
    public double uniform(double low, double high) {
        return low + (high - low) * nextDouble();
    }

    /** Uniform integer in [0, bound), unbiased (rejection sampling). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long limit = Long.remainderUnsigned(-1L, bound);
        while (true) {
            long r = nextLong() >>> 1;
            long candidate = r % bound;
            if (r - candidate + (bound - 1) >= 0 || limit == 0) {
                return (int) candidate;
            }
        }
    }

    /**
     * Standard normal deviate by Marsaglia's polar method. No spare value is cached, so the four
     * longs of {@link #state()} are the complete state.
     */
    public double nextGaussian() {
        double u, v, s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        return u * StrictMath.sqrt(-2 * StrictMath.log(s) / s);
    }

    /** Fisher–Yates shuffle of the array in place. */
    public void shuffle(int[] values) {
        for (int i = values.length - 1; i > 0; i--) {
            int j = nextInt(i + 1);
            int tmp = values[i];
            values[i] = values[j];
            values[j] = tmp;
        }
    }

    /** A permutation of 0..n-1. */
    public int[] permutation(int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        shuffle(p);
        return p;
    }

    @Override
    public String toString() {
        return "Rng" + Arrays.toString(state());
    }

    private static long splitMix(long[] x) {
        x[0] += 0x9e3779b97f4a7c15L;
        return mix(x[0]);
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    private static long fnv1a(String text, long hash) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x100000001b3L;
        }
        return hash;
    }
}
