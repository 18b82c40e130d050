package fitlab.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fitlab.config.Cell;
import fitlab.runfolder.RunFolder;
import io.javalin.http.sse.SseClient;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Streams every followed run to its pages as Server-Sent Events, in batches: one thread wakes every
 * {@link #TICK_MS} ms and gives each page one {@code update} with every epoch logged since its last one (so at most
 * 1000 / TICK_MS updates a second per run, however fast the epochs are, and no epoch is ever skipped), the cells that
 * finished, the capacity curve when it changed, and fit snapshots at most every {@link #FIT_MS} ms; sender threads
 * write them, at most one write per page at a time. The training threads never wait for a page: they only append
 * to their cell. It also stops runs whose page went away.
 */
final class EventPump implements AutoCloseable {
    static final int TICK_MS = 50;
    static final int FIT_MS = 250;
    private static final long KEEPALIVE_NANOS = TimeUnit.SECONDS.toNanos(15);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One page following one run: how far it has been sent. */
    private static final class Watcher {
        final SseClient client;
        final LiveRun run;
        final Map<String, Integer> rowsSent = new HashMap<>();
        final Map<String, Integer> fitSent = new HashMap<>();
        final java.util.Set<String> infoSent = new java.util.HashSet<>();
        final java.util.Set<String> doneSent = new java.util.HashSet<>();
        /** Cells this page has been told of: each is named once, in the run's order, before or with its first epoch. */
        final java.util.Set<String> cellsNamed = new java.util.HashSet<>();
        int capacitySent = -1;
        int messagesSent;
        String stateSent = "";
        long lastSend = System.nanoTime();
        /** A write of this page's is under way on a sender thread. */
        final java.util.concurrent.atomic.AtomicBoolean sending = new java.util.concurrent.atomic.AtomicBoolean();

        Watcher(SseClient client, LiveRun run) {
            this.client = client;
            this.run = run;
        }
    }

    /** Per run, what all its pages share: cell data and grids, the newest fit of each cell, the capacity curve. */
    private static final class Shared {
        final Map<String, Map<String, Object>> info = new HashMap<>();
        final Map<String, Map<String, Object>> fits = new HashMap<>();
        /** Cells whose last checkpoint's fit has been taken: nothing newer will come. */
        final java.util.Set<String> finalFit = new java.util.HashSet<>();
        /** Cells whose points have been looked for at least once. */
        final java.util.Set<String> infoTried = new java.util.HashSet<>();
        long lastFit;
        int capacityCells = -1;
        List<Map<String, Object>> capacity = List.of();
    }

    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final Map<String, Shared> shared = new ConcurrentHashMap<>();
    private final RunQueue queue;
    private final Path runsDir;
    private final long orphanNanos;
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "fitlab-serve-events");
        t.setDaemon(true);
        return t;
    });

    /** Writes under way at once; a page beyond them waits for the next tick. */
    static final int WRITERS = 16;
    private final java.util.concurrent.Semaphore writers = new java.util.concurrent.Semaphore(WRITERS);
    private final java.util.concurrent.ExecutorService senders = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fitlab-serve-events-write");
        t.setDaemon(true);
        return t;
    });

    EventPump(RunQueue queue, Path runsDir, long orphanMillis) {
        this.queue = queue;
        this.runsDir = runsDir;
        this.orphanNanos = TimeUnit.MILLISECONDS.toNanos(orphanMillis);
        ticker.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Follows {@code run} for this page until it disconnects; the first update carries everything so far. */
    void follow(SseClient client, LiveRun run) {
        Watcher w = new Watcher(client, run);
        run.watched();
        client.onClose(() -> {
            if (watchers.remove(w)) {
                run.unwatched();
            }
        });
        watchers.add(w);
        client.keepAlive();
    }

    int watching() {
        return watchers.size();
    }

    private void tick() {
        try {
            for (Watcher w : watchers) {
                if (w.client.terminated()) {
                    if (watchers.remove(w)) {
                        w.run.unwatched();
                    }
                    continue;
                }
                send(w);
            }
            for (LiveRun r : queue.all()) {
                if (r.state().active() && r.orphanedFor(orphanNanos) && !r.control().stopRequested()) {
                    r.message("stopped: no page has followed the run for " + orphanNanos / 1_000_000 + " ms");
                    queue.stop(r);
                }
            }
        } catch (RuntimeException e) {
            // one bad frame must not end the stream of every page; the next tick tries again
        }
    }

    /**
     * Builds this page's next batch and hands the write to a sender thread. A page whose previous write has not gone
     * out (a client that stopped reading) is skipped, its batch growing until it reads again or Jetty's idle timeout
     * ends it: one stalled page never holds up the others, and no epoch is dropped from its curves.
     */
    private void send(Watcher w) {
        if (w.sending.get() || !writers.tryAcquire()) {
            return;
        }
        Runnable write;
        try {
            write = next(w);
        } catch (RuntimeException e) {
            writers.release();
            throw e;
        }
        if (write == null) {
            writers.release();
            return;
        }
        w.sending.set(true);
        senders.execute(() -> {
            try {
                write.run();
            } finally {
                w.sending.set(false);
                writers.release();
            }
        });
    }

    /** The write that brings this page up to date, or null when there is nothing to send. */
    private Runnable next(Watcher w) {
        LiveRun run = w.run;
        Shared s = shared.computeIfAbsent(run.id(), k -> new Shared());
        Map<String, Object> update = new LinkedHashMap<>();
        Map<String, Object> stateFrame = Frames.state(run, queue, runsDir);
        String stateKey = run.state().key() + "/" + stateFrame.get("queue") + "/" + run.error() + "/" + stateFrame.get("report")
                + "/" + run.cells().size();
        boolean changed = !stateKey.equals(w.stateSent);
        update.put("state", run.state().key());
        update.put("queue", stateFrame.get("queue"));
        update.put("error", run.error());
        update.put("report", stateFrame.get("report"));
        List<String> messages = run.messages();
        if (messages.size() != w.messagesSent) {
            update.put("messages", messages.subList(w.messagesSent, messages.size()));
            w.messagesSent = messages.size();
            changed = true;
        }
        Map<String, Object> cells = new LinkedHashMap<>();
        Optional<RunFolder> folder = run.folder();
        refreshFits(run, s, folder);
        for (LiveCell c : run.cells()) {
            int from = w.rowsSent.getOrDefault(c.id(), 0);
            LiveCell.View v = c.since(from);
            Map<String, Object> cm = new LinkedHashMap<>();
            // a cell is named (if need be with nothing else yet) the first time this page sees it, so the page lists
            // the cells in the experiment's order, not in the order their first epochs happened to arrive; its facts
            // come from the config, so they come with the name (the loss chart's noise floor from the first frame)
            boolean firstSight = w.cellsNamed.add(c.id());
            if (firstSight) {
                cm.put("facts", facts(run, c.id()));
            }
            if (!v.rows().isEmpty()) {
                cm.put("rows", Frames.rows(v.rows()));
                cm.put("best", v.bestEpoch());
                cm.put("markers", Frames.markers(v.markers()));
                w.rowsSent.put(c.id(), v.total());
            }
            if (v.summary() != null && w.doneSent.add(c.id())) {
                cm.put("done", Frames.summary(v.summary()));
                cm.put("best", v.bestEpoch());
                cm.put("markers", Frames.markers(v.markers()));
            }
            Map<String, Object> info = s.info.get(c.id());
            if (info != null && w.infoSent.add(c.id())) {
                cm.put("info", info);
            }
            Map<String, Object> fit = s.fits.get(c.id());
            if (fit != null && !fit.get("epoch").equals(w.fitSent.get(c.id())) && w.infoSent.contains(c.id())) {
                cm.put("fit", fit);
                w.fitSent.put(c.id(), (Integer) fit.get("epoch"));
            }
            if (!cm.isEmpty()) {
                cells.put(c.id(), cm);
            }
        }
        update.put("cells", cells);
        if (folder.isPresent() && s.capacityCells != run.finishedCells()) {
            // keyed by the cells the curve holds (seed repeats pool into one point, so not by its points): a cell that
            // finished between the count and the curve is in the curve, and the next tick's count then matches it
            // instead of sending the same curve again
            s.capacity = Frames.capacity(run, folder.get());
            s.capacityCells = s.capacity.stream().mapToInt(p -> ((List<?>) p.get("cells")).size()).sum();
        }
        if (w.capacitySent != s.capacityCells && s.capacityCells >= 0) {
            update.put("capacity", s.capacity);
            w.capacitySent = s.capacityCells;
            changed = true;
        }
        if (!changed && cells.isEmpty()) {
            if (System.nanoTime() - w.lastSend > KEEPALIVE_NANOS) {
                w.lastSend = System.nanoTime();
                return () -> w.client.sendComment("keep-alive");
            }
            return null;
        }
        w.stateSent = stateKey;
        w.lastSend = System.nanoTime();
        String json;
        try {
            json = JSON.writeValueAsString(update);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return () -> w.client.sendEvent("update", json);
    }

    private Map<String, Object> facts(LiveRun run, String cellId) {
        Cell c = cell(run, cellId);
        return c == null ? Map.of() : Frames.cellFacts(c, run);
    }


    /** Loads cell data once it is on disk, and at most every FIT_MS the model of each cell's newest checkpoint. */
    private void refreshFits(LiveRun run, Shared s, Optional<RunFolder> folder) {
        // a cell that has finished gets its last fit at once, not after the rate limit: the update that says the run
        // finished must already carry it (a page that stops listening then kept an older boundary)
        boolean finalFitDue = run.cells().stream()
                .anyMatch(c -> !s.finalFit.contains(c.id()) && c.summary().isPresent());
        // and a cell that has just logged its first epoch gets its points at once (once: a later try waits for the
        // rate limit), so the fit panel is not blank for the first quarter second of every cell
        boolean firstInfoDue = run.cells().stream().anyMatch(c -> c.epochs() > 0 && !s.infoTried.contains(c.id()));
        if (folder.isEmpty() || (!finalFitDue && !firstInfoDue
                && System.nanoTime() - s.lastFit < TimeUnit.MILLISECONDS.toNanos(FIT_MS))) {
            return;
        }
        s.lastFit = System.nanoTime();
        List<LiveCell> cells = new ArrayList<>(run.cells());
        for (LiveCell c : cells) {
            if (c.epochs() == 0) {
                continue;
            }
            s.infoTried.add(c.id());
            Cell cell = cell(run, c.id());
            if (cell == null) {
                continue;
            }
            try {
                if (!s.info.containsKey(c.id())) {
                    FitSnapshots.info(folder.get(), run.order().loaded().cells(), c.id(), cell.config()).ifPresent(i -> s.info.put(c.id(), i));
                }
                // read before the look for a checkpoint: once the summary is there, every checkpoint is on disk
                boolean done = c.summary().isPresent();
                Map<String, Object> info = s.info.get(c.id());
                if (info == null) {
                    if (done) {
                        s.finalFit.add(c.id()); // no fit to show for this cell's data: nothing more will come
                    }
                    continue;
                }
                if (s.finalFit.contains(c.id())) {
                    continue;
                }
                Map<String, Object> old = s.fits.get(c.id());
                var found = FitSnapshots.newest(folder.get().cell(c.id()), c.lastEpoch(), cell.config().checkpoint().every());
                if (found.isPresent() && (old == null || !old.get("epoch").equals(found.get().getKey()))) {
                    s.fits.put(c.id(), FitSnapshots.fit(found.get().getValue(), found.get().getKey(), info));
                }
                if (done) {
                    s.finalFit.add(c.id());
                }
            } catch (RuntimeException e) {
                // a checkpoint pruned by retention between the look and the read: the next snapshot takes a newer one
            }
        }
    }

    private static Cell cell(LiveRun run, String cellId) {
        String base = cellId.contains("@") ? cellId.substring(0, cellId.indexOf('@')) : cellId;
        for (Cell c : run.order().loaded().cells()) {
            if (c.id().equals(base)) {
                return c;
            }
        }
        return null;
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        senders.shutdownNow();
        for (Watcher w : watchers) {
            w.client.close();
        }
    }
}
