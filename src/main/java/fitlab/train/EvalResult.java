package fitlab.train;

import java.util.OptionalDouble;

/** A model's mean loss on one dataset, in eval mode, and its accuracy (in [0, 1]) for classification. */
public record EvalResult(double loss, OptionalDouble accuracy) {}
