package fitlab;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

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
}
