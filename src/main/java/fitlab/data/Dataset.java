package fitlab.data;

import java.util.Objects;

/**
 * One split of data: {@code rows} examples with {@code features} inputs each, stored row-major in {@code x}
 * (length rows × features), and one target per row in {@code y}: the regression value, or the class index
 * (0, 1, ...) as a double for classification. Arrays are owned by the record: callers must not mutate them.
 */
public record Dataset(String name, int rows, int features, double[] x, double[] y) {
    public Dataset {
        Objects.requireNonNull(name);
        if (x.length != (long) rows * features || y.length != rows) {
            throw new IllegalArgumentException("dataset " + name + ": " + rows + "×" + features
                    + " needs x of " + (rows * features) + " and y of " + rows + ", got " + x.length + " and " + y.length);
        }
    }

    public double x(int row, int feature) {
        return x[row * features + feature];
    }
}
