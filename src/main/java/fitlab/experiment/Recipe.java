package fitlab.experiment;

import fitlab.config.DataKind;
import fitlab.config.ExperimentConfig;
import fitlab.config.ModelConfig;
import fitlab.config.ModelKind;
import fitlab.config.OptimizerKind;
import fitlab.config.TrainingConfig;
import fitlab.model.MlpSpec;
import fitlab.model.ModelSpec;
import fitlab.model.PolynomialSpec;
import fitlab.train.LossKind;
import fitlab.train.OptimizerSpec;
import fitlab.train.TrainingOptions;
import fitlab.train.stopping.EarlyStoppingConfig;
import java.util.Optional;

/**
 * What one cell trains, assembled from its config in reading order: the model's architecture, the loss, the
 * optimizer and the training options, and the early-stopping rules. Nothing here has a default of its own:
 * every value comes from the resolved config.
 *
 * @param optimizer empty for the closed-form {@code lstsq} fit
 */
public record Recipe(ModelSpec model, LossKind loss, Optional<OptimizerSpec> optimizer, TrainingOptions training,
                     EarlyStoppingConfig stopping) {

    public static Recipe of(ExperimentConfig c, int features, int classes) {
        LossKind loss = c.data().kind().isClassification() || (c.data().kind() == DataKind.CSV && classes > 0)
                ? LossKind.CROSS_ENTROPY : LossKind.MSE;
        int outputs = loss == LossKind.CROSS_ENTROPY ? classes : 1;
        TrainingConfig t = c.training();
        Optional<OptimizerSpec> optimizer = t.optimizer() == OptimizerKind.LSTSQ ? Optional.empty() : Optional.of(
                new OptimizerSpec(t.optimizer(), t.lr(), t.momentum(), t.dampening(),
                        t.nesterov(), t.weightDecay(), t.beta1(), t.beta2(), t.eps(), t.amsgrad()));
        int epochs = t.optimizer() == OptimizerKind.LSTSQ ? 1 : t.epochs();
        return new Recipe(model(c.model(), c, features, outputs), loss, optimizer,
                new TrainingOptions(epochs, t.batch(), t.shuffle(), t.l1(), loss), c.earlyStopping());
    }

    private static ModelSpec model(ModelConfig m, ExperimentConfig c, int features, int outputs) {
        if (m.kind() == ModelKind.POLYNOMIAL) {
            if (features != 1) {
                throw new fitlab.UserError("model.kind polynomial needs one input column; the data has " + features
                        + " (use model.kind: mlp)");
            }
            return new PolynomialSpec(m.degree(), m.basis(), m.scaleInput(), c.data().xMin(), c.data().xMax());
        }
        return new MlpSpec(features, m.hidden(), outputs, m.activation(), m.dropout());
    }
}
