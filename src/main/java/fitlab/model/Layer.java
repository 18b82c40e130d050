package fitlab.model;

/**
 * One module of an MLP's {@code nn.Sequential}, in index order; enough to write a whole-module file that
 * pickles the real {@code torch.nn} classes.
 */
public sealed interface Layer {
    /** {@code torch.nn.Linear(inFeatures, outFeatures)}, with parameters {@code <index>.weight} and {@code <index>.bias}. */
    record Linear(int inFeatures, int outFeatures) implements Layer {}

    /** {@code torch.nn.ReLU()}, {@code Tanh()}, {@code Sigmoid()} or {@code GELU()}. */
    record Act(Activation activation) implements Layer {}

    /** {@code torch.nn.Dropout(p)}. */
    record Dropout(double p) implements Layer {}
}
