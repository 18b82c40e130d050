package fitlab.serve;

import fitlab.config.Cell;
import fitlab.experiment.ProgressListener;
import fitlab.experiment.RunControl;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.MetricsRow;
import fitlab.runfolder.RunFolder;
import fitlab.train.stopping.Marker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One run started from the page, as the server follows it: its state, its run folder once it has one, and each
 * cell's epochs as training reports them (it is the run's {@link ProgressListener}). Thread-safe: training threads
 * write, the event pump and HTTP handlers read.
 */
final class LiveRun implements ProgressListener {
    enum State {
        QUEUED, RUNNING, REPORTING, FINISHED, STOPPED, FAILED;

        boolean active() {
            return this == QUEUED || this == RUNNING || this == REPORTING;
        }

        String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private final String id;
    private final RunOrder order;
    /** The x axis of the run's capacity curve, fixed by the whole sweep (the page's points never move). */
    private final CurveAxis curveAxis;
    private final long created = System.nanoTime();
    private final Map<String, LiveCell> cells = new ConcurrentHashMap<>();
    private final List<String> cellOrder = new CopyOnWriteArrayList<>();
    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final AtomicInteger watchers = new AtomicInteger();
    private volatile State state = State.QUEUED;
    private volatile RunFolder folder;
    private volatile RunControl control = new RunControl();
    private volatile String error = "";
    private volatile long unwatchedSince = System.nanoTime();
    private volatile long firstEpochNanos = -1;

    LiveRun(String id, RunOrder order) {
        this.id = id;
        this.order = order;
        this.curveAxis = CurveAxis.of(order.loaded());
        for (Cell c : order.loaded().cells()) {
            cell(c.id());
        }
    }

    String id() {
        return id;
    }

    RunOrder order() {
        return order;
    }

    CurveAxis curveAxis() {
        return curveAxis;
    }

    State state() {
        return state;
    }

    void state(State s) {
        state = s;
    }

    String error() {
        return error;
    }

    void fail(String message) {
        error = message;
        state = State.FAILED;
    }

    java.util.Optional<RunFolder> folder() {
        return java.util.Optional.ofNullable(folder);
    }

    void folder(RunFolder f) {
        folder = f;
    }

    RunControl control() {
        return control;
    }

    /** A fresh control for the next job on this run (a continuation), so an earlier Stop does not stop it. */
    RunControl newControl() {
        control = new RunControl();
        return control;
    }

    /** The cell, created (at the end of the order) when training reports one the experiment did not list: a continued cell. */
    LiveCell cell(String cellId) {
        return cells.computeIfAbsent(cellId, k -> {
            cellOrder.add(k);
            return new LiveCell(k);
        });
    }

    java.util.Optional<LiveCell> existingCell(String cellId) {
        return java.util.Optional.ofNullable(cellId).map(cells::get);
    }

    List<LiveCell> cells() {
        return cellOrder.stream().map(cells::get).toList();
    }

    /**
     * The experiment's cells whose summary has been read: exactly the cells {@link Frames#capacity} puts on the
     * curve (a counter bumped after the summary was set let the pump see the curve one cell ahead of it, and send
     * the same curve twice).
     */
    int finishedCells() {
        int n = 0;
        for (Cell c : order.loaded().cells()) {
            LiveCell live = cells.get(c.id());
            if (live != null && live.summary().isPresent()) {
                n++;
            }
        }
        return n;
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    /** Nanoseconds from the request to the first measured epoch, -1 before it (the benchmark's "first point"). */
    long firstEpochNanos() {
        return firstEpochNanos;
    }

    long createdNanos() {
        return created;
    }

    void watched() {
        watchers.incrementAndGet();
    }

    void unwatched() {
        if (watchers.decrementAndGet() == 0) {
            unwatchedSince = System.nanoTime();
        }
    }

    int watchers() {
        return watchers.get();
    }

    /** True when no page has followed the run for at least {@code nanos}: its tab was closed. */
    boolean orphanedFor(long nanos) {
        return watchers.get() == 0 && System.nanoTime() - unwatchedSince >= nanos;
    }

    @Override
    public void start(long totalEpochs, int cellCount) {}

    @Override
    public void epochDone() {}

    @Override
    public void epochLogged(String cellId, MetricsRow row, int bestEpoch, List<Marker> markers) {
        if (firstEpochNanos < 0) {
            firstEpochNanos = System.nanoTime() - created;
        }
        cell(cellId).epoch(row, bestEpoch, markers);
    }

    @Override
    public void cellDone(String cellId, String stopReason) {
        RunFolder f = folder;
        Path summary = f == null ? null : f.cell(cellId).summaryJson();
        if (summary != null && Files.isRegularFile(summary)) {
            cell(cellId).done(CellSummary.read(summary));
        }
    }

    @Override
    public void message(String line) {
        if (messages.size() < 100) {
            messages.add(line);
        }
    }

    @Override
    public void finish() {}
}
