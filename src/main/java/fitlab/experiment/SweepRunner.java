package fitlab.experiment;

import fitlab.DaemonThreads;
import fitlab.config.Cell;
import fitlab.runfolder.CellSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Trains the cells of a sweep on {@code threads} threads. Each cell runs on one thread with its own model and
 * streams, and results are collected in cell order, so the output does not depend on the thread count. When a
 * cell fails or is interrupted, the others still run to their own end (or their own clean stop), so every cell
 * leaves a consistent folder behind.
 */
final class SweepRunner {
    private SweepRunner() {}

    /**
     * Threads each cell may add for its evaluation when there are more threads than cells (one cell on a laptop):
     * the cores that would otherwise idle. None when the cells already fill the threads.
     */
    static int evalHelpers(int threads, int cells) {
        return Math.max(0, threads / Math.max(1, Math.min(threads, cells)) - 1);
    }

    static List<CellSummary> run(List<Cell> cells, int threads, Function<Cell, CellSummary> train) {
        ExecutorService pool = DaemonThreads.pool(Math.max(1, Math.min(threads, cells.size())), "fitlab-cell");
        try {
            List<Future<CellSummary>> futures = new ArrayList<>();
            for (Cell cell : cells) {
                futures.add(pool.submit(() -> train.apply(cell)));
            }
            List<CellSummary> out = new ArrayList<>();
            RuntimeException failure = null;
            for (Future<CellSummary> f : futures) {
                try {
                    out.add(f.get());
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    // an interruption is reported only when nothing worse happened
                    if (failure == null || failure instanceof RunControl.Interrupted) {
                        failure = cause;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for a cell", e);
                }
            }
            if (failure != null) {
                throw failure;
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }
}
