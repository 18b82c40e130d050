package fitlab.report;

/**
 * What a decision-boundary chart draws for one cell of 2-D classification.
 *
 * @param gridX       the x₁ grid (columns)
 * @param gridY       the x₂ grid (rows)
 * @param probability P(class 1) at {@code [ix][iy]} (for more than two classes: the probability of the predicted class)
 * @param predicted   the predicted class at {@code [ix][iy]}
 * @param confidence  the predicted class's probability at {@code [ix][iy]}, from 1/classes to 1
 * @param pointX      training points, first feature
 * @param pointY      training points, second feature
 * @param labels      training labels (class index)
 */
public record BoundaryData(String cellId, int classes, double[] gridX, double[] gridY, double[][] probability, int[][] predicted,
                           double[][] confidence, double[] pointX, double[] pointY, int[] labels, double testAccuracy) {}
