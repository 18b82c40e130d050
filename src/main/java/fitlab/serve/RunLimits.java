package fitlab.serve;

import fitlab.config.Cell;
import fitlab.config.Experiment;
import fitlab.config.ModelKind;
import fitlab.config.OptimizerKind;

/**
 * What one run started from the page may cost, so that a classroom server stays usable: epochs summed over the
 * cells, training-set size, and hidden-layer width. Set with {@code fitlab serve --max-epoch-cells/--max-train/--max-width}.
 */
record RunLimits(long maxEpochCells, int maxTrain, int maxWidth) {
    /** Room for every bundled lesson's full run (the largest sums 45,000 epochs over its cells) on a laptop. */
    static final RunLimits DEFAULTS = new RunLimits(100_000, 5_000, 512);

    /** @throws Rejection (422) naming the setting to lower and the flag that raises the limit */
    void check(Experiment experiment) {
        long epochCells = 0;
        for (Cell c : experiment.cells()) {
            epochCells += c.config().training().optimizer() == OptimizerKind.LSTSQ ? 1 : c.config().training().epochs();
            if (c.config().data().train() > maxTrain) {
                throw new Rejection(422, "data.train", "data.train = " + c.config().data().train() + " (cell " + c.id()
                        + ") is above this server's limit of " + maxTrain + " training points (fitlab serve --max-train)");
            }
            if (c.config().model().kind() == ModelKind.MLP) {
                for (int w : c.config().model().hidden()) {
                    if (w > maxWidth) {
                        throw new Rejection(422, "model.hidden", "a hidden layer of width " + w + " (cell " + c.id()
                                + ") is above this server's limit of " + maxWidth + " (fitlab serve --max-width)");
                    }
                }
            }
        }
        if (epochCells > maxEpochCells) {
            throw new Rejection(422, "training.epochs", "epochs x cells = " + epochCells + " (" + experiment.cells().size()
                    + " cells) is above this server's limit of " + maxEpochCells + " (fitlab serve --max-epoch-cells)");
        }
    }
}
