package fitlab.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fitlab.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A spec counts its parameters without building the model, and the count is the built model's. */
class ParameterCountTest {
    @Test
    void theCountOfEverySpecIsTheLengthOfItsModelsParameters() {
        for (int degree = 1; degree <= 15; degree++) {
            for (Basis basis : Basis.values()) {
                PolynomialSpec p = new PolynomialSpec(degree, basis, true, 0, 1);
                assertEquals(Models.create(p, Rng.seeded(0)).parameters().length, p.parameterCount(), p.toString());
            }
        }
        for (List<Integer> hidden : List.of(List.<Integer>of(), List.of(1), List.of(8), List.of(32, 32), List.of(3, 5, 7))) {
            for (int[] io : new int[][] {{1, 1}, {2, 2}, {2, 4}}) {
                MlpSpec m = new MlpSpec(io[0], hidden, io[1], Activation.values()[0], 0.1);
                assertEquals(Models.create(m, Rng.seeded(0)).parameters().length, m.parameterCount(), m.toString());
            }
        }
        assertEquals(1218, new MlpSpec(2, List.of(32, 32), 2, Activation.values()[0], 0).parameterCount(),
                "lesson 13's 32-32 cell, as its summary.csv says");
    }
}
