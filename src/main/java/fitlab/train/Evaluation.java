package fitlab.train;

import fitlab.UserError;
import fitlab.data.Dataset;
import fitlab.model.Model;
import fitlab.random.Rng;
import java.util.OptionalDouble;

/** The eval-mode loss (and accuracy for classification) of a model on a dataset, with nothing else needed. */
public final class Evaluation {
    private Evaluation() {}

    public static EvalResult of(Model model, Loss loss, Dataset data) {
        return run(model, loss, data, false, null);
    }

    /**
     * The same in train mode: dropout active, its masks drawn from {@code dropout}. What a model reloaded without
     * {@code model.eval()} reports; differs from {@link #of} only for models with dropout.
     */
    public static EvalResult inTrainMode(Model model, Loss loss, Dataset data, Rng dropout) {
        return run(model, loss, data, true, dropout);
    }

    private static EvalResult run(Model model, Loss loss, Dataset data, boolean training, Rng dropout) {
        checkShape(model, data);
        return fromOutputs(loss, data, model.forward(data.x(), data.rows(), training, dropout));
    }

    static void checkShape(Model model, Dataset data) {
        if (data.features() != model.inputs()) {
            throw new UserError("dataset " + data.name() + " has " + data.features() + " input columns, the model expects " + model.inputs());
        }
    }

    /** The loss (and accuracy) of outputs {@code out} ({@code rows × outputs}, row-major) against the dataset's targets. */
    static EvalResult fromOutputs(Loss loss, Dataset data, double[] out) {
        double value = loss.evaluate(out, data.y(), data.rows(), null);
        OptionalDouble accuracy = loss.isClassification()
                ? OptionalDouble.of((double) loss.correct(out, data.y(), data.rows()) / data.rows())
                : OptionalDouble.empty();
        return new EvalResult(value, accuracy);
    }
}
