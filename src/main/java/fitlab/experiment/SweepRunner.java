package fitlab.experiment;

import fitlab.config.Cell;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Trains the cells of a sweep on {@code threads} threads. Each cell runs on one thread with its own model and
 * streams, and results are collected in cell order, so the output does not depend on the thread count.
 */
final class SweepRunner {
    private SweepRunner() {}

    static List<CellSummary> run(List<Cell> cells, int threads, CellRunner runner, DataPlan data) {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, cells.size())), r -> {
            Thread t = new Thread(r, "fitlab-cell");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<CellSummary>> futures = new ArrayList<>();
            for (Cell cell : cells) {
                futures.add(pool.submit(() -> runner.run(cell, data.forCell(cell.id()))));
            }
            List<CellSummary> out = new ArrayList<>();
            for (Future<CellSummary> f : futures) {
                out.add(get(f));
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static CellSummary get(Future<CellSummary> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a cell", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
