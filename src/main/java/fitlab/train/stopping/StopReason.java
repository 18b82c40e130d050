package fitlab.train.stopping;

/**
 * Why a cell's training ended. {@code COMPLETED} and {@code INTERRUPTED} are set by the trainer (all epochs run, or
 * the run was cut off); {@code PATIENCE}, {@code CRITERION} and {@code DIVERGED} come from {@link EarlyStopping}.
 */
public enum StopReason {
    COMPLETED, PATIENCE, CRITERION, DIVERGED, INTERRUPTED;

    /** The spelling used in summary files, e.g. {@code diverged}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
