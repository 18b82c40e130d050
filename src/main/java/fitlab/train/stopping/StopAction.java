package fitlab.train.stopping;

/**
 * What happens when the stopping rule fires: {@code MARK} trains on and records where training would have stopped (so a
 * chart can show the overfitting that stopping avoids); {@code STOP} ends the cell there. Divergence always ends it.
 */
public enum StopAction {
    MARK, STOP
}
