package fitlab.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fitlab.data.Dataset;
import fitlab.model.Activation;
import fitlab.model.MlpSpec;
import fitlab.model.Model;
import fitlab.model.Models;
import fitlab.model.PolynomialSpec;
import fitlab.random.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Sharing the rows of the evaluation splits out among threads changes no bit of any loss or accuracy: the results
 * equal {@link Evaluation#of} on each split, for any number of helper threads, split sizes around the chunk size,
 * several activations, regression and classification.
 */
class EpochEvaluatorTest {

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        int seed = 0;
        for (Activation act : Activation.values()) {
            for (int helpers : new int[] {0, 1, 3}) {
                out.add(Arguments.of(act, helpers, 1, List.of(64, 64), 1, seed++));
                out.add(Arguments.of(act, helpers, 2, List.of(7), 3, seed++));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1} helpers, {2}-{3}-{4}")
    @MethodSource("cases")
    void sharedOutEvaluationIsBitIdenticalToEvaluatingEachSplit(Activation act, int helpers, int inputs, List<Integer> hidden,
                                                              int outputs, int seed) {
        Rng rng = Rng.seeded(1000 + seed);
        Model model = Models.create(new MlpSpec(inputs, hidden, outputs, act, 0.0), rng);
        Model reference = Models.create(new MlpSpec(inputs, hidden, outputs, act, 0.0), Rng.seeded(1000 + seed));
        Loss loss = Loss.of(outputs == 1 ? LossKind.MSE : LossKind.CROSS_ENTROPY, outputs);
        int chunk = EpochEvaluator.CHUNK_ROWS;
        List<Dataset> splits = List.of(data("train", 200, inputs, outputs, rng), data("validation", chunk + 1, inputs, outputs, rng),
                data("test", 5 * chunk - 1, inputs, outputs, rng), data("one", 1, inputs, outputs, rng));
        boolean[] free = {true};
        try (EpochEvaluator evaluator = new EpochEvaluator(model, loss, helpers, () -> free[0] = !free[0])) {
            for (int round = 0; round < 4; round++) { // helpers welcome every other round
                List<EvalResult> shared = evaluator.evaluate(splits);
                for (int s = 0; s < splits.size(); s++) {
                    EvalResult expected = Evaluation.of(reference, loss, splits.get(s));
                    assertEquals(Double.doubleToRawLongBits(expected.loss()), Double.doubleToRawLongBits(shared.get(s).loss()),
                            splits.get(s).name() + " loss, round " + round);
                    assertEquals(expected.accuracy(), shared.get(s).accuracy(), splits.get(s).name() + " accuracy");
                }
                // the next "epoch": new weights in both models, the same ones
                double[] p = model.parameters();
                for (int i = 0; i < p.length; i++) {
                    p[i] += 0.01 * rng.nextGaussian();
                }
                System.arraycopy(p, 0, reference.parameters(), 0, p.length);
            }
        }
    }

    @ParameterizedTest(name = "polynomial, {0} helpers")
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1})
    void aModelWithoutARowPredictorIsEvaluatedOnTheCaller(int helpers) {
        Rng rng = Rng.seeded(3);
        Model model = Models.create(new PolynomialSpec(5, fitlab.model.Basis.MONOMIAL, false, 0, 1), rng);
        Loss loss = Loss.of(LossKind.MSE, 1);
        List<Dataset> splits = List.of(data("train", 30, 1, 1, rng), data("test", 300, 1, 1, rng));
        try (EpochEvaluator evaluator = new EpochEvaluator(model, loss, helpers)) {
            assertEquals(1, evaluator.threads());
            List<EvalResult> results = evaluator.evaluate(splits);
            assertEquals(Evaluation.of(model, loss, splits.get(1)).loss(), results.get(1).loss());
        }
    }

    private static Dataset data(String name, int rows, int inputs, int outputs, Rng rng) {
        double[] x = new double[rows * inputs];
        double[] y = new double[rows];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian();
        }
        for (int r = 0; r < rows; r++) {
            y[r] = outputs == 1 ? rng.nextGaussian() : rng.nextInt(outputs);
        }
        return new Dataset(name, rows, inputs, x, y);
    }
}
