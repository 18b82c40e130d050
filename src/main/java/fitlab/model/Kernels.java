package fitlab.model;

/**
 * The dense loops of an MLP, written so the JIT vectorizes them: every inner loop runs over arrays indexed from 0
 * by the loop variable alone, with scalar factors hoisted out of it.
 *
 * <p>Each sum is accumulated in ascending order of its index, starting from 0.0, exactly like the textbook
 * loop {@code s = 0; for k: s += m·b}. Four terms are added per statement, {@code c + m0·b0 + m1·b1 + ...}, which
 * Java evaluates left to right, so the rounding is the same as one term at a time: only the loop structure
 * changes, never the arithmetic. (Results therefore do not depend on the block sizes below, nor on how many rows
 * one call gets: the rows of an input can be shared out among threads without changing a bit.)
 */
final class Kernels {
    /**
     * Columns per block: the block of {@code b} (nK × BLOCK doubles) is walked once per pair of output rows, so it should
     * stay in cache, while the inner loop should be long enough to vectorize well. Measured on a 64×64 layer: 32 and
     * 64 columns 14 GFLOP/s, 128 41, 256 47, 512 39-42.
     */
    private static final int BLOCK = 256;
    /**
     * Blocks narrower than this go to a copy of the loops ({@link #twoRowsShort}, {@link #oneRowShort}) with the same
     * arithmetic. Why a copy: C2 unrolls, and so vectorizes, an inner loop only as far as the trip count profiled
     * before it compiled the method allows. One method for all widths was compiled for whichever cells ran first:
     * lesson 02 with its narrow cells first (4-wide weight gradients, 20-row batches) ran its 128-wide cell in 11.3 s,
     * with the widest cell first in 4.8 s, and with two threads it was either from run to run (7-8 s or 13-17 s for
     * the lesson). With a copy for short rows each method is profiled on the widths it runs: 4.6-5.2 s in either order.
     */
    private static final int SHORT = 64;

    private Kernels() {}

    /**
     * Per thread: the rows of the current block of {@code b}, and two accumulator rows, each its own array indexed
     * from 0. Why copies: the JIT of JDK 17 vectorizes a loop only when its array accesses share one index
     * expression; {@code b[b0 + x]} next to {@code c[c0 + x]} (two different loop-invariant offsets) stays scalar
     * (measured: 13-14 GFLOP/s, the same with vectorization switched off), while {@code acc[x] += a·row[x]} runs
     * at 37-45 GFLOP/s for a 64×64 layer. The copies cost one pass over {@code b} and {@code c} per call, against
     * {@code nI} (resp. {@code nK}) passes of arithmetic.
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        double[][] rows = new double[0][];
        final double[] acc0 = new double[BLOCK];
        final double[] acc1 = new double[BLOCK];

        double[][] rows(int count) {
            if (rows.length < count) {
                rows = new double[count][BLOCK];
            }
            return rows;
        }
    }

    /**
     * c[cOff + i·n + col] = Σ_k m[mOff + i·mStrideI + k·mStrideK] · b[bOff + k·n + col] for i &lt; nI, col &lt; n,
     * the sum over k &lt; nK in ascending order from 0.0. {@code c} must not overlap {@code b}.
     *
     * <p>Two rows of {@code c} at a time share each load of {@code b}, halving the loads of {@code b} per
     * multiply-add; the summation order over k, and so every bit of the result, is the same as the plain loop's.
     */
    static void multiply(int nI, int nK, int n, double[] m, int mOff, int mStrideI, int mStrideK,
                         double[] b, int bOff, double[] c, int cOff) {
        Scratch scratch = SCRATCH.get();
        double[][] rows = scratch.rows(nK);
        for (int from = 0; from < n; from += BLOCK) {
            int len = Math.min(n - from, BLOCK);
            for (int k = 0; k < nK; k++) {
                System.arraycopy(b, bOff + k * n + from, rows[k], 0, len);
            }
            int i = 0;
            for (; i + 2 <= nI; i += 2) {
                if (len >= SHORT) {
                    twoRows(nK, m, mOff + i * mStrideI, mStrideI, mStrideK, rows, scratch.acc0, scratch.acc1, len);
                } else {
                    twoRowsShort(nK, m, mOff + i * mStrideI, mStrideI, mStrideK, rows, scratch.acc0, scratch.acc1, len);
                }
                System.arraycopy(scratch.acc0, 0, c, cOff + i * n + from, len);
                System.arraycopy(scratch.acc1, 0, c, cOff + (i + 1) * n + from, len);
            }
            if (i < nI) {
                if (len >= SHORT) {
                    oneRow(nK, m, mOff + i * mStrideI, mStrideK, rows, scratch.acc0, len);
                } else {
                    oneRowShort(nK, m, mOff + i * mStrideI, mStrideK, rows, scratch.acc0, len);
                }
                System.arraycopy(scratch.acc0, 0, c, cOff + i * n + from, len);
            }
        }
    }

    private static void twoRows(int nK, double[] m, int mRow, int mStrideI, int mStrideK, double[][] rows,
                                double[] acc0, double[] acc1, int len) {
        int mRow1 = mRow + mStrideI;
        for (int x = 0; x < len; x++) {
            acc0[x] = 0.0;
            acc1[x] = 0.0;
        }
        int k = 0;
        for (; k + 4 <= nK; k += 4) {
            double a0 = m[mRow + k * mStrideK];
            double a1 = m[mRow + (k + 1) * mStrideK];
            double a2 = m[mRow + (k + 2) * mStrideK];
            double a3 = m[mRow + (k + 3) * mStrideK];
            double e0 = m[mRow1 + k * mStrideK];
            double e1 = m[mRow1 + (k + 1) * mStrideK];
            double e2 = m[mRow1 + (k + 2) * mStrideK];
            double e3 = m[mRow1 + (k + 3) * mStrideK];
            double[] r0 = rows[k];
            double[] r1 = rows[k + 1];
            double[] r2 = rows[k + 2];
            double[] r3 = rows[k + 3];
            for (int x = 0; x < len; x++) {
                double x0 = r0[x];
                double x1 = r1[x];
                double x2 = r2[x];
                double x3 = r3[x];
                acc0[x] = acc0[x] + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
                acc1[x] = acc1[x] + e0 * x0 + e1 * x1 + e2 * x2 + e3 * x3;
            }
        }
        for (; k < nK; k++) {
            double a0 = m[mRow + k * mStrideK];
            double e0 = m[mRow1 + k * mStrideK];
            double[] r0 = rows[k];
            for (int x = 0; x < len; x++) {
                double x0 = r0[x];
                acc0[x] = acc0[x] + a0 * x0;
                acc1[x] = acc1[x] + e0 * x0;
            }
        }
    }

    private static void oneRow(int nK, double[] m, int mRow, int mStrideK, double[][] rows, double[] acc, int len) {
        for (int x = 0; x < len; x++) {
            acc[x] = 0.0;
        }
        int k = 0;
        for (; k + 4 <= nK; k += 4) {
            double a0 = m[mRow + k * mStrideK];
            double a1 = m[mRow + (k + 1) * mStrideK];
            double a2 = m[mRow + (k + 2) * mStrideK];
            double a3 = m[mRow + (k + 3) * mStrideK];
            double[] r0 = rows[k];
            double[] r1 = rows[k + 1];
            double[] r2 = rows[k + 2];
            double[] r3 = rows[k + 3];
            for (int x = 0; x < len; x++) {
                acc[x] = acc[x] + a0 * r0[x] + a1 * r1[x] + a2 * r2[x] + a3 * r3[x];
            }
        }
        for (; k < nK; k++) {
            double a0 = m[mRow + k * mStrideK];
            double[] r0 = rows[k];
            for (int x = 0; x < len; x++) {
                acc[x] = acc[x] + a0 * r0[x];
            }
        }
    }

    /** {@link #twoRows} for blocks narrower than {@link #SHORT}: the same code, profiled and compiled on its own. */
    private static void twoRowsShort(int nK, double[] m, int mRow, int mStrideI, int mStrideK, double[][] rows,
                                double[] acc0, double[] acc1, int len) {
        int mRow1 = mRow + mStrideI;
        for (int x = 0; x < len; x++) {
            acc0[x] = 0.0;
            acc1[x] = 0.0;
        }
        int k = 0;
        for (; k + 4 <= nK; k += 4) {
            double a0 = m[mRow + k * mStrideK];
            double a1 = m[mRow + (k + 1) * mStrideK];
            double a2 = m[mRow + (k + 2) * mStrideK];
            double a3 = m[mRow + (k + 3) * mStrideK];
            double e0 = m[mRow1 + k * mStrideK];
            double e1 = m[mRow1 + (k + 1) * mStrideK];
            double e2 = m[mRow1 + (k + 2) * mStrideK];
            double e3 = m[mRow1 + (k + 3) * mStrideK];
            double[] r0 = rows[k];
            double[] r1 = rows[k + 1];
            double[] r2 = rows[k + 2];
            double[] r3 = rows[k + 3];
            for (int x = 0; x < len; x++) {
                double x0 = r0[x];
                double x1 = r1[x];
                double x2 = r2[x];
                double x3 = r3[x];
                acc0[x] = acc0[x] + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
                acc1[x] = acc1[x] + e0 * x0 + e1 * x1 + e2 * x2 + e3 * x3;
            }
        }
        for (; k < nK; k++) {
            double a0 = m[mRow + k * mStrideK];
            double e0 = m[mRow1 + k * mStrideK];
            double[] r0 = rows[k];
            for (int x = 0; x < len; x++) {
                double x0 = r0[x];
                acc0[x] = acc0[x] + a0 * x0;
                acc1[x] = acc1[x] + e0 * x0;
            }
        }
    }

    /** {@link #oneRow} for blocks narrower than {@link #SHORT}: the same code, profiled and compiled on its own. */
    private static void oneRowShort(int nK, double[] m, int mRow, int mStrideK, double[][] rows, double[] acc, int len) {
        for (int x = 0; x < len; x++) {
            acc[x] = 0.0;
        }
        int k = 0;
        for (; k + 4 <= nK; k += 4) {
            double a0 = m[mRow + k * mStrideK];
            double a1 = m[mRow + (k + 1) * mStrideK];
            double a2 = m[mRow + (k + 2) * mStrideK];
            double a3 = m[mRow + (k + 3) * mStrideK];
            double[] r0 = rows[k];
            double[] r1 = rows[k + 1];
            double[] r2 = rows[k + 2];
            double[] r3 = rows[k + 3];
            for (int x = 0; x < len; x++) {
                acc[x] = acc[x] + a0 * r0[x] + a1 * r1[x] + a2 * r2[x] + a3 * r3[x];
            }
        }
        for (; k < nK; k++) {
            double a0 = m[mRow + k * mStrideK];
            double[] r0 = rows[k];
            for (int x = 0; x < len; x++) {
                acc[x] = acc[x] + a0 * r0[x];
            }
        }
    }

    /** dst[dOff + c·rows + r] = src[sOff + r·cols + c]: a rows × cols matrix transposed. */
    static void transpose(double[] src, int sOff, int rows, int cols, double[] dst, int dOff) {
        for (int r = 0; r < rows; r++) {
            int s = sOff + r * cols;
            for (int c = 0; c < cols; c++) {
                dst[dOff + c * rows + r] = src[s + c];
            }
        }
    }
}
