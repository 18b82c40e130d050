package fitlab.experiment;

import fitlab.data.Dataset;
import fitlab.model.Model;
import fitlab.model.PolynomialModel;
import fitlab.train.LeastSquares;
import fitlab.train.SessionState;
import fitlab.train.TrainingSession;
import java.util.Optional;

/**
 * How a cell's model is fitted in one epoch: by gradient steps (an optimizer, random streams for shuffling and
 * dropout, all of it saved in every checkpoint), or by the closed-form {@code lstsq} fit, which has no state to save.
 */
sealed interface Fitting permits Fitting.GradientTraining, Fitting.ClosedFormFit {
    /** One epoch's fit of the model. */
    void epoch();

    /** What a checkpoint must hold to continue from here besides the weights: empty for the closed-form fit. */
    Optional<SessionState> state();

    /** The closed-form fit of {@code model}, which the config allows for polynomials alone ({@code optimizer: lstsq}). */
    static ClosedFormFit closedForm(Model model, Dataset learnFrom) {
        if (!(model instanceof PolynomialModel polynomial)) {
            throw new IllegalStateException("closed-form fit of a " + model.getClass().getSimpleName());
        }
        return new ClosedFormFit(polynomial, learnFrom);
    }

    /** Mini-batch or full-batch gradient training with an optimizer. */
    record GradientTraining(TrainingSession session) implements Fitting {
        @Override
        public void epoch() {
            session.trainEpoch();
        }

        @Override
        public Optional<SessionState> state() {
            return Optional.of(session.state());
        }
    }

    /** The minimum-norm least-squares solution on the training data, in one epoch (the recipe of an lstsq cell has one). */
    record ClosedFormFit(PolynomialModel model, Dataset learnFrom) implements Fitting {
        @Override
        public void epoch() {
            LeastSquares.fit(model, learnFrom);
        }

        @Override
        public Optional<SessionState> state() {
            return Optional.empty();
        }
    }
}
