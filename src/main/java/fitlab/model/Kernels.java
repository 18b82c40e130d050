package fitlab.model;

/**
 * The dense loops of an MLP, written so the JIT vectorizes them: every inner loop runs over contiguous memory
 * with a scalar factor hoisted out of it.
 *
 * <p>Each sum is accumulated in ascending order of its index, starting from 0.0, exactly like the textbook
 * loop {@code s = 0; for k: s += m·b}. Four terms are added per statement, {@code c + m0·b0 + m1·b1 + ...}, which
 * Java evaluates left to right, so the rounding is the same as one term at a time: only the loop structure
 * changes, never the arithmetic. (Results therefore do not depend on the block sizes below.)
 */
final class Kernels {
    /** Columns per block: the block of {@code b} (nK × BLOCK doubles) is walked once per output row, so keep it in cache. */
    private static final int BLOCK = 256;

    private Kernels() {}

    /**
     * c[cOff + i·n + col] = Σ_k m[mOff + i·mStrideI + k·mStrideK] · b[bOff + k·n + col] for i &lt; nI, col &lt; n,
     * the sum over k &lt; nK in ascending order from 0.0. {@code c} must not overlap {@code b}.
     *
     * <p>Two rows of {@code c} at a time share each load of {@code b} (measured fastest of 1×1, 1×4, 2×4, 4×2 and
     * 2×8 blockings on JDK 17: about 13 GFLOP/s on one core for 64×64 and 256×256 layers).
     */
    static void multiply(int nI, int nK, int n, double[] m, int mOff, int mStrideI, int mStrideK,
                         double[] b, int bOff, double[] c, int cOff) {
        for (int from = 0; from < n; from += BLOCK) {
            int len = Math.min(n - from, BLOCK);
            int i = 0;
            for (; i + 2 <= nI; i += 2) {
                twoRows(nK, n, m, mOff + i * mStrideI, mStrideI, mStrideK, b, bOff + from, c, cOff + i * n + from, len);
            }
            if (i < nI) {
                oneRow(nK, n, m, mOff + i * mStrideI, mStrideK, b, bOff + from, c, cOff + i * n + from, len);
            }
        }
    }

    private static void twoRows(int nK, int n, double[] m, int mRow, int mStrideI, int mStrideK,
                                double[] b, int bStart, double[] c, int c0, int len) {
        int c1 = c0 + n;
        int mRow1 = mRow + mStrideI;
        for (int x = 0; x < len; x++) {
            c[c0 + x] = 0.0;
            c[c1 + x] = 0.0;
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
            int b0 = bStart + k * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int x = 0; x < len; x++) {
                double x0 = b[b0 + x];
                double x1 = b[b1 + x];
                double x2 = b[b2 + x];
                double x3 = b[b3 + x];
                c[c0 + x] = c[c0 + x] + a0 * x0 + a1 * x1 + a2 * x2 + a3 * x3;
                c[c1 + x] = c[c1 + x] + e0 * x0 + e1 * x1 + e2 * x2 + e3 * x3;
            }
        }
        for (; k < nK; k++) {
            double a0 = m[mRow + k * mStrideK];
            double e0 = m[mRow1 + k * mStrideK];
            int b0 = bStart + k * n;
            for (int x = 0; x < len; x++) {
                double x0 = b[b0 + x];
                c[c0 + x] = c[c0 + x] + a0 * x0;
                c[c1 + x] = c[c1 + x] + e0 * x0;
            }
        }
    }

    private static void oneRow(int nK, int n, double[] m, int mRow, int mStrideK, double[] b, int bStart, double[] c, int c0, int len) {
        for (int x = 0; x < len; x++) {
            c[c0 + x] = 0.0;
        }
        int k = 0;
        for (; k + 4 <= nK; k += 4) {
            double a0 = m[mRow + k * mStrideK];
            double a1 = m[mRow + (k + 1) * mStrideK];
            double a2 = m[mRow + (k + 2) * mStrideK];
            double a3 = m[mRow + (k + 3) * mStrideK];
            int b0 = bStart + k * n;
            int b1 = b0 + n;
            int b2 = b1 + n;
            int b3 = b2 + n;
            for (int x = 0; x < len; x++) {
                c[c0 + x] = c[c0 + x] + a0 * b[b0 + x] + a1 * b[b1 + x] + a2 * b[b2 + x] + a3 * b[b3 + x];
            }
        }
        for (; k < nK; k++) {
            double a0 = m[mRow + k * mStrideK];
            int b0 = bStart + k * n;
            for (int x = 0; x < len; x++) {
                c[c0 + x] = c[c0 + x] + a0 * b[b0 + x];
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
