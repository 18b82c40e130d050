package fitlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Thread pools of daemon threads with a name that says what they do (seen in a thread dump or a profiler). Daemon,
 * because a pool left running must never keep the JVM alive after the command has finished or been interrupted:
 * every caller waits for the work it needs before it goes on.
 */
public final class DaemonThreads {
    private DaemonThreads() {}

    /** A fixed pool of {@code threads} daemon threads, each named {@code name}. */
    public static ExecutorService pool(int threads, String name) {
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts {@code task} on one daemon thread named {@code name}: start-up work a command may or may not wait for. */
    public static void start(String name, Runnable task) {
        Thread t = new Thread(task, name);
        t.setDaemon(true);
        t.start();
    }

    /**
     * {@code task} applied to every item on up to one daemon thread per core, the results in the items' order. Each
     * result depends on its item alone, so they are the same whatever the number of cores; the first failure in item
     * order is thrown as it was raised (as when the items were done in turn).
     *
     * @param doing what the work is, for the error when the waiting thread is interrupted ("verifying the checkpoints")
     */
    public static <A, R> List<R> inOrder(List<A> items, String name, Function<A, R> task, String doing) {
        ExecutorService pool = pool(Math.max(1, Math.min(items.size(), Runtime.getRuntime().availableProcessors())), name);
        try {
            List<Future<R>> running = new ArrayList<>();
            for (A item : items) {
                running.add(pool.submit(() -> task.apply(item)));
            }
            List<R> out = new ArrayList<>();
            for (Future<R> f : running) {
                out.add(result(f, doing));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** The task's result once it is done; its failure as {@link #failure} gives it; an interrupt as a user error. */
    public static <T> T result(Future<T> task, String doing) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while " + doing);
        }
    }

    /**
     * What a task threw, to be rethrown by the thread that waited for it: an Error is thrown from here, an unchecked
     * exception is returned as it was, an IOException wrapped unchecked, anything else in an IllegalStateException.
     */
    public static RuntimeException failure(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof Error err) {
            throw err;
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        return cause instanceof IOException io ? new UncheckedIOException(io) : new IllegalStateException(cause);
    }
}
