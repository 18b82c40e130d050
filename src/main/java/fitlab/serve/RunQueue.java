package fitlab.serve;

import fitlab.UserError;
import fitlab.experiment.ContinueService;
import fitlab.experiment.RunControl;
import fitlab.experiment.RunRequest;
import fitlab.experiment.RunService;
import fitlab.report.ReportService;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.RunFolder;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The runs started from the page: at most {@code concurrent} train at once (each on its share of the cores), up to
 * {@code maxQueued} wait in order, more are refused. A job is exactly what the CLI does: {@link RunService#run} into
 * a fresh timestamped run folder, then the report; a continuation is {@link ContinueService#continueCell} without early stopping.
 */
final class RunQueue implements AutoCloseable {
    private final Path runsDir;
    private final int threadsPerRun;
    private final ThreadPoolExecutor workers;
    private final Map<String, LiveRun> runs = new ConcurrentHashMap<>();
    private final List<LiveRun> waiting = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();
    private final String language;

    RunQueue(Path runsDir, int concurrent, int maxQueued, String language) {
        this.runsDir = runsDir;
        this.language = language;
        this.threadsPerRun = Math.max(1, Runtime.getRuntime().availableProcessors() / concurrent);
        this.workers = new ThreadPoolExecutor(concurrent, concurrent, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(maxQueued),
                r -> {
                    Thread t = new Thread(r, "fitlab-serve-run");
                    t.setDaemon(true);
                    return t;
                });
    }

    Optional<LiveRun> get(String id) {
        return Optional.ofNullable(id).map(runs::get);
    }

    List<LiveRun> all() {
        return List.copyOf(runs.values());
    }

    /** 1 for the next run to start, 0 once it is no longer waiting. */
    int position(LiveRun run) {
        int i = waiting.indexOf(run);
        return i < 0 ? 0 : i + 1;
    }

    /**
     * {@code r<n>-<random>}: in order for a reader, and not guessable, so one student's page cannot stop or download
     * another student's run by counting.
     */
    /**
     * A classroom server runs for days: past {@link #KEPT} runs, the oldest finished ones are forgotten by the server
     * (their epochs leave memory; their run folders stay on disk, complete, for fitlab report / verify).
     */
    private void forgetOldest() {
        for (LiveRun r : started) {
            if (started.size() <= KEPT) {
                return;
            }
            if (!r.state().active()) {
                started.remove(r);
                runs.remove(r.id());
            }
        }
    }

    static final int KEPT = 100;
    private final java.util.Queue<LiveRun> started = new java.util.concurrent.ConcurrentLinkedQueue<>();

    private String newId() {
        return "r" + ids.incrementAndGet() + "-" + Long.toHexString(RANDOM.nextLong() >>> 16);
    }

    private static final java.security.SecureRandom RANDOM = new java.security.SecureRandom();

    /** @throws Rejection 503 when the queue is full */
    LiveRun submit(RunOrder order) {
        LiveRun run = new LiveRun(newId(), order);
        enqueue(run, () -> train(run));
        runs.put(run.id(), run);
        started.add(run);
        forgetOldest();
        return run;
    }

    /**
     * Continues {@code cellId} of a finished run from where it stopped, for {@code epochs} more epochs with early
     * stopping ignored (lesson 14), into {@code cells/<id>@resume-from-<E>/}.
     */
    void continueCell(LiveRun run, String cellId, int epochs) {
        if (run.state().active()) {
            throw new Rejection(409, "cell", "the run is still " + run.state().key() + "; continue a cell once it has finished");
        }
        RunFolder folder = run.folder().orElseThrow(() -> new Rejection(409, "cell", "the run has no run folder"));
        LiveCell cell = run.existingCell(cellId).orElseThrow(() -> new Rejection(404, "cell", "no cell '" + cellId + "' in run " + run.id()));
        CellSummary summary = cell.summary().orElseThrow(
                () -> new Rejection(409, "cell", "cell " + cellId + " has not finished; there is no stop point to continue from"));
        RunControl control = run.newControl();
        run.state(LiveRun.State.QUEUED);
        enqueue(run, () -> {
            run.state(LiveRun.State.RUNNING);
            try {
                ContinueService.continueCell(folder.root(), cellId, OptionalInt.of(summary.stopEpoch()), OptionalInt.of(epochs), run, control);
                run.state(LiveRun.State.FINISHED);
            } catch (RunControl.Interrupted e) {
                run.state(LiveRun.State.STOPPED);
            } catch (UserError | fitlab.pth.PthFormatException e) {
                run.fail(e.getMessage());
            }
        });
    }

    /** Stops a run cleanly: a waiting one never starts; a training one stops after a complete checkpoint. */
    void stop(LiveRun run) {
        run.control().requestStop();
        if (waiting.remove(run)) {
            run.state(LiveRun.State.STOPPED);
        }
    }

    private void enqueue(LiveRun run, Runnable job) {
        waiting.add(run);
        try {
            workers.execute(() -> {
                if (!waiting.remove(run)) {
                    return; // stopped while it waited
                }
                try {
                    job.run();
                } catch (RuntimeException | LinkageError | AssertionError e) {
                    // the page must learn that its run ended, whatever ended it
                    run.fail("internal error: " + e);
                } catch (Error e) {
                    run.fail("internal error: " + e);
                    throw e;
                }
            });
        } catch (RejectedExecutionException e) {
            waiting.remove(run);
            throw new Rejection(503, null, "the server's queue is full (" + workers.getQueue().size()
                    + " runs waiting); try again when one has finished (fitlab serve --max-queued)");
        }
    }

    private void train(LiveRun run) {
        RunOrder order = run.order();
        if (run.control().stopRequested()) {
            run.state(LiveRun.State.STOPPED);
            return;
        }
        run.state(LiveRun.State.RUNNING);
        RunFolder folder = RunFolder.createTimestamped(runsDir, order.loaded().base().name(), LocalDateTime.now());
        run.folder(folder);
        RunRequest request = new RunRequest(order.experiment(), Optional.of(folder.root()), runsDir, threadsPerRun, order.sets(),
                order.quick(), Optional.empty(), order.command());
        try {
            RunService.run(request, run, run.control(), result -> report(run, result.folder()));
        } catch (RunControl.Interrupted e) {
            run.state(LiveRun.State.STOPPED);
            return;
        } catch (UserError | fitlab.pth.PthFormatException e) {
            run.fail(e.getMessage());
            return;
        }
        run.state(LiveRun.State.FINISHED);
    }

    /** The report, drawn under the lock the run trained with; one that fails leaves a message, not a failed run. */
    private RunFolder report(LiveRun run, RunFolder folder) {
        run.state(LiveRun.State.REPORTING);
        try {
            ReportService.render(folder, Optional.of(language), run::message);
        } catch (UserError e) {
            run.message("report: " + e.getMessage());
        }
        return folder;
    }

    @Override
    public void close() {
        for (LiveRun r : runs.values()) {
            r.control().requestStop();
        }
        waiting.clear();
        workers.shutdown();
        try {
            workers.awaitTermination(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
