package fitlab.train.stopping;

/**
 * The rule whose firing counts as "stop here". {@code PATIENCE} (the default) is Keras' rule; the others are Prechelt's
 * criteria, which are always recorded as markers but only decide the stop when chosen here.
 */
public enum StopCriterion {
    PATIENCE, GL, PQ, UP
}
