package fitlab.report;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Progress lines for the report phase, so a large run's report (hundreds of chart files, thousands of checkpoints to
 * reload) never sits minutes without output: one line per phase, and while charts are written at most one count line
 * every {@link #INTERVAL_NANOS}, like the training progress.
 */
final class ReportProgress {
    static final long INTERVAL_NANOS = 2_000_000_000L;

    private final Consumer<String> out;
    private final AtomicInteger written = new AtomicInteger();
    private volatile long lastPrint = System.nanoTime();
    private volatile int total;
    private final java.util.function.BooleanSupplier stop;

    ReportProgress(Consumer<String> out, java.util.function.BooleanSupplier stop) {
        this.out = out;
        this.stop = stop;
    }

    /** Throws {@link ReportService.Interrupted} once a stop was requested: called at every phase and every chart. */
    void check() {
        if (stop.getAsBoolean()) {
            throw new ReportService.Interrupted();
        }
    }

    void phase(String line) {
        check();
        lastPrint = System.nanoTime();
        synchronized (this) {
            out.accept("report: " + line);
        }
    }

    /** Every chart is laid out (some may be written already: {@link #fileDone} counts from the start). */
    void startFiles(int charts) {
        total = charts;
        phase("writing " + charts + " charts (PNG, SVG, PDF)");
    }

    /** One more chart's files are on disk; called from the encoding threads. */
    void fileDone() {
        check();
        int done = written.incrementAndGet();
        long now = System.nanoTime();
        if (done < total && now - lastPrint > INTERVAL_NANOS) {
            phase(done + "/" + total + " charts written");
        }
    }
}
