package fitlab.config;

/** Where an experiment's data comes from: a 1-D regression function, a 2-D classification set, or a CSV file. */
public enum DataKind {
    REGRESSION1D, MOONS, CIRCLES, XOR, SPIRAL, GAUSSIANS, CSV;

    /** The YAML spelling, e.g. {@code regression1d}. */
    public String yamlName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean isClassification() {
        return this != REGRESSION1D && this != CSV;
    }
}
