package fitlab.report;

import fitlab.DaemonThreads;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * The report's files made on all cores from one queue: the animation, the reload check, every chart's PNG, SVG and
 * slide page, the slides of words and charts.json. One queue rather than a pool per phase: a phase's pool idled a core
 * while its last file was written (the animation alone took as long as a third of the charts), and the reload check,
 * which reads files while the others draw, ran alone between two phases. Each result depends only on its own task's
 * inputs, so the files are the same whatever the number of threads; results are taken in the order the report needs
 * them, and the first failure is rethrown as it was raised.
 */
final class ReportWork implements AutoCloseable {
    private final ExecutorService pool;

    ReportWork() {
        pool = DaemonThreads.pool(Math.max(1, Runtime.getRuntime().availableProcessors()), "fitlab-report");
    }

    /** Queues {@code task}; tasks start in the order they are queued, the longest should come first. */
    <T> Future<T> submit(Callable<T> task) {
        return pool.submit(task);
    }

    /** The task's result once it is done; its exception as it was thrown ({@link DaemonThreads#result}). */
    static <T> T result(Future<T> task) {
        return DaemonThreads.result(task, "writing the report");
    }

    /** Stops what is still queued (after a failure or an interrupt: the report is abandoned). */
    @Override
    public void close() {
        pool.shutdownNow();
    }
}
