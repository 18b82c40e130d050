package fitlab.experiment;

import fitlab.model.Model;
import fitlab.runfolder.MetricsRow;
import fitlab.train.EpochEvaluator;
import fitlab.train.EvalResult;
import fitlab.train.Loss;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * The metrics line of an epoch: every split evaluated in eval mode. The validation and test rows are shared with
 * {@code helpers} threads, but only while the cell's checkpoint writer is idle: on a small machine a helper would
 * otherwise take the writer's core, and the cell would then wait for the writer. The numbers are the same either way.
 */
final class EpochMeter implements AutoCloseable {
    private final CellData data;
    private final double lr;
    private final EpochEvaluator evaluator;

    EpochMeter(Model model, Loss loss, CellData data, double lr, int helpers, BooleanSupplier writerIdle) {
        this.data = data;
        this.lr = lr;
        this.evaluator = new EpochEvaluator(model, loss, helpers, writerIdle);
    }

    MetricsRow measure(int epoch, double seconds) {
        List<EvalResult> results = evaluator.evaluate(List.of(data.splits().train(), data.splits().validation(), data.splits().test()));
        EvalResult train = results.get(0);
        EvalResult validation = results.get(1);
        EvalResult test = results.get(2);
        return new MetricsRow(epoch, train.loss(), validation.loss(), test.loss(),
                train.accuracy().orElse(Double.NaN), validation.accuracy().orElse(Double.NaN), test.accuracy().orElse(Double.NaN),
                lr, seconds);
    }

    @Override
    public void close() {
        evaluator.close();
    }
}
