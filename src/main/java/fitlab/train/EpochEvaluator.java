package fitlab.train;

import fitlab.DaemonThreads;
import fitlab.data.Dataset;
import fitlab.model.Model;
import fitlab.model.RowPredictor;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

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
    private final BooleanSupplier coresFree;

    /** @param helpers threads besides the caller's; 0, or a model without a {@link RowPredictor}, evaluates on the caller only */
    public EpochEvaluator(Model model, Loss loss, int helpers) {
        this(model, loss, helpers, () -> true);
    }

    /**
     * @param coresFree asked before every evaluation: whether the helpers' cores are free now. A cell whose checkpoint
     *     writer is still busy says no: on two cores a helper would then take the core from the writer, which the
     *     cell then waits for.
     */
    public EpochEvaluator(Model model, Loss loss, int helpers, BooleanSupplier coresFree) {
        this.model = model;
        this.loss = loss;
        this.coresFree = coresFree;
        Optional<RowPredictor> first = helpers > 0 ? model.rowPredictor() : Optional.empty();
        if (first.isPresent()) {
            predictors.add(first.get());
            for (int h = 0; h < helpers; h++) {
                predictors.add(model.rowPredictor().orElseThrow());
            }
            pool = DaemonThreads.pool(helpers, "fitlab-eval");
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
        if (pool == null || datasets.size() < 2 || !coresFree.getAsBoolean()) {
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
        EvaluationRound round = new EvaluationRound(chunks);
        for (int h = 1; h < predictors.size(); h++) {
            RowPredictor predictor = predictors.get(h);
            pool.execute(() -> {
                if (round.enter()) {
                    try {
                        work(predictor, round, shared);
                    } catch (RuntimeException | Error e) {
                        round.fail(e);
                    } finally {
                        round.leave();
                    }
                }
            });
        }
        EvalResult firstResult;
        try {
            firstResult = Evaluation.of(model, loss, datasets.get(0));
            work(predictors.get(0), round, shared);
        } finally {
            // A helper that has not started by now finds the round closed and does nothing: the caller never waits for
            // a thread the OS has not scheduled yet (on a laptop the other core is often busy writing checkpoints).
            // One that has started may still be on its last chunk, and reads the parameters: wait for it.
            round.closeAndAwait();
        }
        round.rethrowFailure();
        List<EvalResult> results = new ArrayList<>();
        results.add(firstResult);
        for (Dataset data : shared) {
            results.add(Evaluation.fromOutputs(loss, data, outputs.get(data)));
        }
        return results;
    }

    private void work(RowPredictor predictor, EvaluationRound round, List<Dataset> shared) {
        for (int[] c = round.claim(); c != null; c = round.claim()) {
            Dataset data = shared.get(c[0]);
            predictor.predict(data.x(), c[1], c[2], outputs.get(data));
            round.done();
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
