package fitlab.model;

/**
 * Eval-mode outputs for a range of rows, computed in scratch memory of the predictor's own. Several predictors of
 * one model can run at once on different threads, as long as the model's parameters do not change meanwhile.
 *
 * <p>Each output is computed exactly as {@link Model#forward} computes it for the whole input (every sum runs
 * over the features of one row, in the same order, whatever the rows around it), so sharing rows out among threads
 * changes no bit of the result.
 */
public interface RowPredictor {
    /**
     * Writes the outputs of rows {@code from .. from + rows - 1} of {@code x} (row-major, {@code inputs()} per
     * row) to {@code out} at the same rows (row-major, {@code outputs()} per row).
     */
    void predict(double[] x, int from, int rows, double[] out);
}
