package fitlab.report;

import java.util.ArrayList;
import java.util.List;

/**
 * Thins a long line for drawing without changing the picture: the x range is cut into pixel columns and each column
 * keeps its first, last, lowest and highest point, in their order. A 3 000-epoch loss curve drawn point by point is
 * megabytes of SVG; what a column of pixels shows is only where the line enters, leaves and how far it reaches.
 * The run's data files keep every value; only the drawing is thinned.
 */
public final class Decimation {
    private Decimation() {}

    /** The points of the line ({@code x} ascending) to draw at {@code columns} pixel columns; [x, y] arrays. */
    public static double[][] perColumn(double[] x, double[] y, int columns) {
        int n = x.length;
        if (n <= columns || n < 3) {
            return new double[][] {x.clone(), y.clone()};
        }
        double lo = x[0], hi = x[n - 1];
        double width = (hi - lo) / columns;
        List<Integer> keep = new ArrayList<>();
        int start = 0;
        while (start < n) {
            int column = column(x[start], lo, width, columns);
            int end = start;
            while (end + 1 < n && column(x[end + 1], lo, width, columns) == column) {
                end++;
            }
            int min = start, max = start;
            for (int i = start; i <= end; i++) {
                if (y[i] < y[min] || Double.isNaN(y[min])) {
                    min = i;
                }
                if (y[i] > y[max] || Double.isNaN(y[max])) {
                    max = i;
                }
            }
            int[] kept = {start, Math.min(min, max), Math.max(min, max), end};
            for (int i : kept) {
                if (keep.isEmpty() || keep.get(keep.size() - 1) < i) {
                    keep.add(i);
                }
            }
            start = end + 1;
        }
        double[][] out = new double[2][keep.size()];
        for (int i = 0; i < keep.size(); i++) {
            out[0][i] = x[keep.get(i)];
            out[1][i] = y[keep.get(i)];
        }
        return out;
    }

    static int column(double x, double lo, double width, int columns) {
        return width <= 0 ? 0 : Math.min(columns - 1, (int) ((x - lo) / width));
    }
}
