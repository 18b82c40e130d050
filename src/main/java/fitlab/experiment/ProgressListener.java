package fitlab.experiment;

import fitlab.runfolder.MetricsRow;
import fitlab.train.stopping.Marker;

/** Told about long work as it happens; the CLI draws a progress bar or prints plain lines. Must be thread-safe. */
public interface ProgressListener {
    /** Called once before training with the total number of epochs over all cells. */
    void start(long totalEpochs, int cells);

    /** One more epoch of some cell is done. */
    void epochDone();

    /**
     * A cell's epoch is measured and its metrics.csv line written (called just before {@link #epochDone()}), with
     * early stopping's best epoch (-1 before any) and every marker fired so far: what a live view draws.
     */
    default void epochLogged(String cellId, MetricsRow row, int bestEpoch, java.util.List<Marker> markers) {}

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
