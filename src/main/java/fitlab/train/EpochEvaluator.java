package fitlab.train;

import fitlab.data.Dataset;
import fitlab.model.Model;
import fitlab.model.RowPredictor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The eval-mode results of one model on several datasets after an epoch, with the rows of all but the first
 * dataset shared out among the calling thread and {@code helpers} more. On a laptop that trains one cell this uses
 * the cores a sweep would otherwise use for other cells: evaluation is most of a small MLP's epoch.
 *
 * <p>The results are bit-identical to {@link Evaluation#of} on each dataset, whatever the number of helpers and
 * whichever thread computes which rows: every output row is computed the same way (see {@link RowPredictor}), and
 * the loss then sums the outputs in row order on the calling thread. The first dataset (the training split) goes
 * through {@link Model#forward} on the calling thread, which keeps the forward the next full-batch step reuses.
 */
public final class EpochEvaluator implements AutoCloseable {
    /** Rows per task: small enough to balance two threads over a few hundred rows, large enough to vectorize. */
    static final int CHUNK_ROWS = 96;

    private final Model model;
    private final Loss loss;
    private final ExecutorService pool;
    private final List<RowPredictor> predictors = new ArrayList<>();
    private final Map<Dataset, double[]> outputs = new IdentityHashMap<>();

    /** @param helpers threads besides the caller's; 0, or a model without a {@link RowPredictor}, evaluates on the caller only */
    public EpochEvaluator(Model model, Loss loss, int helpers) {
        this.model = model;
        this.loss = loss;
        Optional<RowPredictor> first = helpers > 0 ? model.rowPredictor() : Optional.empty();
        if (first.isPresent()) {
            predictors.add(first.get());
            for (int h = 0; h < helpers; h++) {
                predictors.add(model.rowPredictor().orElseThrow());
            }
            pool = Executors.newFixedThreadPool(helpers, r -> {
                Thread t = new Thread(r, "fitlab-eval");
                t.setDaemon(true);
                return t;
            });
        } else {
            pool = null;
        }
    }

    /** Threads that evaluate, the caller's included. */
    public int threads() {
        return pool == null ? 1 : predictors.size();
    }

    /** The results for each dataset, in order. */
    public List<EvalResult> evaluate(List<Dataset> datasets) {
        if (pool == null || datasets.size() < 2) {
            return datasets.stream().map(d -> Evaluation.of(model, loss, d)).toList();
        }
        List<Dataset> shared = datasets.subList(1, datasets.size());
        if (outputs.size() > 16) {
            outputs.clear(); // callers pass the same split objects every epoch; this only bounds a misuse
        }
        List<int[]> chunks = new ArrayList<>(); // {dataset index in shared, first row, rows}
        for (int d = 0; d < shared.size(); d++) {
            Dataset data = shared.get(d);
            Evaluation.checkShape(model, data);
            outputs.computeIfAbsent(data, k -> new double[k.rows() * model.outputs()]);
            for (int from = 0; from < data.rows(); from += CHUNK_ROWS) {
                chunks.add(new int[] {d, from, Math.min(CHUNK_ROWS, data.rows() - from)});
            }
        }
        AtomicInteger next = new AtomicInteger();
        List<Future<?>> running = new ArrayList<>();
        for (int h = 1; h < predictors.size(); h++) {
            RowPredictor predictor = predictors.get(h);
            running.add(pool.submit(() -> work(predictor, chunks, next, shared)));
        }
        EvalResult firstResult;
        try {
            firstResult = Evaluation.of(model, loss, datasets.get(0));
            work(predictors.get(0), chunks, next, shared);
        } finally {
            // the helpers read the parameters: none may still run when the caller goes on to change them
            awaitAll(running);
        }
        List<EvalResult> results = new ArrayList<>();
        results.add(firstResult);
        for (Dataset data : shared) {
            results.add(Evaluation.fromOutputs(loss, data, outputs.get(data)));
        }
        return results;
    }

    private void work(RowPredictor predictor, List<int[]> chunks, AtomicInteger next, List<Dataset> shared) {
        for (int i = next.getAndIncrement(); i < chunks.size(); i = next.getAndIncrement()) {
            int[] c = chunks.get(i);
            Dataset data = shared.get(c[0]);
            predictor.predict(data.x(), c[1], c[2], outputs.get(data));
        }
    }

    private static void awaitAll(List<Future<?>> running) {
        RuntimeException failure = null;
        boolean interrupted = false;
        for (Future<?> f : running) {
            while (true) {
                try {
                    f.get();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // keep waiting: the helper is mid-way through reading the parameters
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
