package fitlab.experiment;

/**
 * A request to stop a run cleanly (Ctrl-C, SIGTERM): every cell finishes its current epoch, makes sure that
 * epoch's checkpoint is on disk, and stops, so {@code fitlab run --resume} loses nothing. Thread-safe.
 */
public final class RunControl {
    private volatile boolean stopRequested;

    public void requestStop() {
        stopRequested = true;
    }

    public boolean stopRequested() {
        return stopRequested;
    }

    /** Thrown out of a cell that stopped on request; the run is incomplete and can be finished with {@code run --resume}. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient java.nio.file.Path runFolder;

        public Interrupted(String message) {
            this(message, null);
        }

        public Interrupted(String message, java.nio.file.Path runFolder) {
            super(message);
            this.runFolder = runFolder;
        }

        /** The run folder to finish with {@code run --resume}, once known. */
        public java.util.Optional<java.nio.file.Path> runFolder() {
            return java.util.Optional.ofNullable(runFolder);
        }
    }
}
