package fitlab.data;

import fitlab.random.Rng;

/**
 * A source of fresh, independent examples: the 1-D regression generator or one of the 2-D classification
 * generators. Each split is drawn with its own stream, so the sizes of the other splits never change it.
 */
public sealed interface DataGenerator permits Regression1dGenerator, ClassificationGenerator {

    /** Number of input features of every example. */
    int features();

    /** {@code rows} examples drawn from {@code rng}; the same stream state always gives the same dataset. */
    Dataset sample(String name, int rows, Rng rng);
}
