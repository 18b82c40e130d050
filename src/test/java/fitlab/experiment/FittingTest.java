package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.data.Dataset;
import fitlab.model.Activation;
import fitlab.model.Basis;
import fitlab.model.MlpSpec;
import fitlab.model.Model;
import fitlab.model.Models;
import fitlab.model.PolynomialSpec;
import fitlab.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The closed-form fit: exact on data its polynomial can represent, no state for a checkpoint, polynomials only. */
class FittingTest {
    @Test
    void theClosedFormFitSolvesForTheWeightsAndHasNoStateToSave() {
        double[] x = {-1, -0.5, 0, 0.5, 1};
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            y[i] = 1 - 2 * x[i] + 3 * x[i] * x[i];
        }
        Model model = Models.create(new PolynomialSpec(2, Basis.MONOMIAL, false, -1, 1), Rng.seeded(3));
        Fitting fitting = Fitting.closedForm(model, new Dataset("train", x.length, 1, x, y));
        fitting.epoch();
        double[] predicted = model.forward(x, x.length, false, null);
        assertArrayEquals(y, predicted, 1e-12);
        assertTrue(fitting.state().isEmpty(), "a closed-form fit saves no optimizer or random streams");
    }

    @Test
    void onlyAPolynomialHasAClosedFormFit() {
        Model mlp = Models.create(new MlpSpec(1, List.of(4), 1, Activation.TANH, 0.0), Rng.seeded(3));
        Dataset data = new Dataset("train", 1, 1, new double[] {0}, new double[] {0});
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Fitting.closedForm(mlp, data));
        assertEquals("closed-form fit of a " + mlp.getClass().getSimpleName(), e.getMessage());
    }
}
