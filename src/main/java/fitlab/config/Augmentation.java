package fitlab.config;

/**
 * Training-set augmentation: {@code copies} jittered copies of every training point are added, with
 * Gaussian noise of std {@code xJitter} on the inputs and {@code yJitter} on the regression targets.
 * {@code copies = 0} means no augmentation. Validation and test sets are never augmented.
 */
public record Augmentation(int copies, double xJitter, double yJitter) {
    public static final Augmentation NONE = new Augmentation(0, 0.0, 0.0);
}
