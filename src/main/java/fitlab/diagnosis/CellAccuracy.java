package fitlab.diagnosis;

/**
 * The accuracies a classification cell is judged on.
 *
 * @param train                 training accuracy of the evaluated model
 * @param validation            validation accuracy of the same model
 * @param bestValidationOnData  the best validation accuracy of the sweep's cells on the same data
 */
public record CellAccuracy(double train, double validation, double bestValidationOnData) {
    public CellAccuracy {
        for (double a : new double[] {train, validation, bestValidationOnData}) {
            if (!(a >= 0 && a <= 1)) {
                throw new IllegalArgumentException("accuracies must be in [0, 1], got " + a);
            }
        }
    }
}
