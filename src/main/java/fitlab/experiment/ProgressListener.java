package fitlab.experiment;

/** Told about long work as it happens; the CLI draws a progress bar or prints plain lines. Must be thread-safe. */
public interface ProgressListener {
    /** Called once before training with the total number of epochs over all cells. */
    void start(long totalEpochs, int cells);

    /** One more epoch of some cell is done. */
    void epochDone();

    /** A cell finished (its summary is written). */
    void cellDone(String cellId, String stopReason);

    void message(String line);

    void finish();

    ProgressListener SILENT = new ProgressListener() {
        @Override
        public void start(long totalEpochs, int cells) {}

        @Override
        public void epochDone() {}

        @Override
        public void cellDone(String cellId, String stopReason) {}

        @Override
        public void message(String line) {}

        @Override
        public void finish() {}
    };
}
