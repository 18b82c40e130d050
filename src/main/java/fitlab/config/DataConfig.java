package fitlab.config;

/**
 * The {@code data:} section of an experiment.
 *
 * @param kind       generator or source
 * @param function   regression1d: an expression in {@code x} (exp4j syntax with pi, e) or a named function
 * @param xMin       regression1d: lower end of the input range
 * @param xMax       regression1d: upper end of the input range
 * @param noise      regression1d: std of Gaussian label noise (irreducible error noise²); classification: the
 *                   generator's own noise (e.g. moons' jitter)
 * @param train      number of training points
 * @param validation number of validation points
 * @param test       number of test points
 * @param balance    classification: fraction of class 1 (two-class sets); 0.5 = balanced
 * @param classes    classification: number of classes (spiral, gaussians); 2 for the others; csv: 0 for a
 *                   regression target, K for class indices 0..K-1
 * @param path       csv: path of a CSV file with columns {@code x,y} or {@code x1,x2,y} (relative to the YAML file)
 * @param augment    training-set augmentation
 */
public record DataConfig(
        DataKind kind,
        String function,
        double xMin,
        double xMax,
        double noise,
        int train,
        int validation,
        int test,
        double balance,
        int classes,
        String path,
        Augmentation augment) {

    /**
     * σ² of generated regression data, the lowest mean squared error any model can reach on fresh draws; null for
     * classes, for a CSV file and for noise-free data, which the diagnosis then judges without a floor.
     */
    public Double noiseFloor() {
        return kind == DataKind.REGRESSION1D && noise > 0 ? noise * noise : null;
    }
}
