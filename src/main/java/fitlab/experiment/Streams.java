package fitlab.experiment;

import fitlab.config.ExperimentConfig;
import fitlab.model.ModelSpec;
import fitlab.random.Rng;

/**
 * The random streams of a cell, each for one purpose. Initial weights are keyed by the seed and the
 * architecture, shuffling and dropout by the seed alone: two cells of a sweep that differ only in, say, the L2
 * strength start from the same weights and see the same batches, so the swept setting is the only difference.
 * Nothing depends on thread count or cell order.
 */
final class Streams {
    private Streams() {}

    static Rng init(ExperimentConfig c, ModelSpec spec) {
        return Rng.derive(c.seed(), "init", spec.toMap().toString());
    }

    static Rng shuffle(ExperimentConfig c) {
        return Rng.derive(c.seed(), "shuffle", "");
    }

    static Rng dropout(ExperimentConfig c) {
        return Rng.derive(c.seed(), "dropout", "");
    }
}
