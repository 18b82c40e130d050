package fitlab.train;

import fitlab.UserError;
import fitlab.data.Dataset;
import fitlab.model.Model;
import java.util.OptionalDouble;

/** The eval-mode loss (and accuracy for classification) of a model on a dataset, with nothing else needed. */
public final class Evaluation {
    private Evaluation() {}

    public static EvalResult of(Model model, Loss loss, Dataset data) {
        if (data.features() != model.inputs()) {
            throw new UserError("dataset " + data.name() + " has " + data.features() + " input columns, the model expects " + model.inputs());
        }
        double[] out = model.forward(data.x(), data.rows(), false, null);
        double value = loss.evaluate(out, data.y(), data.rows(), null);
        OptionalDouble accuracy = loss.isClassification()
                ? OptionalDouble.of((double) loss.correct(out, data.y(), data.rows()) / data.rows())
                : OptionalDouble.empty();
        return new EvalResult(value, accuracy);
    }
}
