package fitlab.cli;

import fitlab.experiment.ProgressListener;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** Progress for long work: a progress bar on a terminal, plain lines (at most one every 2 s, plus each cell) otherwise. */
final class Progress {
    private Progress() {}

    static ProgressListener forTerminal(PrintWriter out) {
        return System.console() != null ? new Bar(out) : new Lines(out);
    }

    /** Plain lines, for logs and CI. */
    static final class Lines implements ProgressListener {
        private final PrintWriter out;
        private final AtomicLong done = new AtomicLong();
        private volatile long total = 1;
        private volatile long lastPrint;
        private volatile int cells;
        private final AtomicLong cellsDone = new AtomicLong();

        Lines(PrintWriter out) {
            this.out = out;
        }

        @Override
        public void start(long totalEpochs, int cells) {
            this.total = Math.max(1, totalEpochs);
            this.cells = cells;
            // a run may start a second phase (continuations after the sweep): each phase counts from zero
            done.set(0);
            cellsDone.set(0);
            this.lastPrint = System.nanoTime();
            message("training " + cells + " cells, " + totalEpochs + " epochs in all");
        }

        @Override
        public void epochDone() {
            long d = done.incrementAndGet();
            long now = System.nanoTime();
            if (now - lastPrint > 2_000_000_000L) {
                lastPrint = now;
                message(String.format(java.util.Locale.ROOT, "progress: %d/%d epochs (%.0f%%)", d, total, 100.0 * d / total));
            }
        }

        @Override
        public void cellDone(String cellId, String stopReason) {
            message("cell " + cellId + " done (" + stopReason + "), " + cellsDone.incrementAndGet() + "/" + cells);
        }

        @Override
        public synchronized void message(String line) {
            out.println(line);
            out.flush();
        }

        @Override
        public void finish() {}
    }

    /** A terminal progress bar over all epochs of all cells. */
    static final class Bar implements ProgressListener {
        private final PrintWriter out;
        private ProgressBar bar;

        Bar(PrintWriter out) {
            this.out = out;
        }

        @Override
        public synchronized void start(long totalEpochs, int cells) {
            bar = new ProgressBarBuilder().setTaskName(cells + " cells").setInitialMax(totalEpochs)
                    .setStyle(ProgressBarStyle.ASCII).setUnit(" epochs", 1).setUpdateIntervalMillis(250).build();
        }

        @Override
        public void epochDone() {
            ProgressBar b = bar;
            if (b != null) {
                b.step();
            }
        }

        @Override
        public void cellDone(String cellId, String stopReason) {}

        @Override
        public synchronized void message(String line) {
            out.println(line);
            out.flush();
        }

        @Override
        public synchronized void finish() {
            if (bar != null) {
                bar.close();
                bar = null;
            }
        }
    }
}
