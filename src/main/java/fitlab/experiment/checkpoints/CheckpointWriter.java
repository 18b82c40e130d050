package fitlab.experiment.checkpoints;

import fitlab.DaemonThreads;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * One cell's checkpoint file operations, run on a single background thread so the next epoch trains while the
 * previous checkpoint is written. Operations run one at a time in submission order, so the files on disk go
 * through exactly the states a synchronous run goes through, only later; at most {@code capacity} operations
 * wait, which bounds the memory held by pending checkpoint bytes.
 *
 * <p>A failed operation (a full disk) is never lost: every later operation is skipped, so nothing is written
 * after the failure, and the same exception is rethrown on the training thread by the next {@link #submit} or
 * by {@link #drain}. Used by one training thread only.
 */
final class CheckpointWriter implements AutoCloseable {
    private int capacity;
    private final ExecutorService thread;
    private final Deque<Future<?>> pending = new ArrayDeque<>();
    private volatile boolean failed;

    CheckpointWriter(String cellId, int capacity) {
        this.capacity = capacity;
        // daemon: a killed or exiting JVM loses only the pending writes, each of them atomic
        this.thread = DaemonThreads.pool(1, "fitlab-checkpoints " + cellId);
    }

    /** Changes how many operations may wait (at least 1); takes effect at the next {@link #submit}. */
    void capacity(int operations) {
        capacity = Math.max(1, operations);
    }

    /** Queues {@code operation}; waits while {@code capacity} operations are pending; rethrows an earlier failure. */
    void submit(Runnable operation) {
        collectFinished();
        while (pending.size() >= capacity) {
            await(pending.removeFirst());
        }
        pending.addLast(thread.submit(() -> {
            if (failed) {
                return;
            }
            try {
                operation.run();
            } catch (RuntimeException | Error e) {
                failed = true;
                throw e;
            }
        }));
    }

    /** Whether every queued operation has run (the writer thread is idle). */
    boolean idle() {
        return pending.stream().allMatch(Future::isDone);
    }

    /** Waits until every queued operation has run; rethrows the first failure. */
    void drain() {
        while (!pending.isEmpty()) {
            await(pending.removeFirst());
        }
    }

    /** Waits for the queued operations, then stops the thread; a failure is rethrown unless one is already on its way. */
    @Override
    public void close() {
        try {
            drain();
        } finally {
            thread.shutdown();
        }
    }

    private void collectFinished() {
        while (!pending.isEmpty() && pending.peekFirst().isDone()) {
            await(pending.removeFirst());
        }
    }

    private static void await(Future<?> f) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    f.get();
                    return;
                } catch (InterruptedException e) {
                    // the write must finish before the cell moves on: wait for it, and keep the interrupt
                    interrupted = true;
                } catch (ExecutionException e) {
                    throw DaemonThreads.failure(e);
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
