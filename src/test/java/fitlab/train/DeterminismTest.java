package fitlab.train;

import fitlab.config.OptimizerKind;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import fitlab.data.Dataset;
import fitlab.model.Activation;
import fitlab.model.MlpSpec;
import fitlab.model.Model;
import fitlab.model.Models;
import fitlab.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Same seeds give bit-identical losses; a session snapshotted and restored continues bit-identically. */
class DeterminismTest {
    static final MlpSpec SPEC = new MlpSpec(1, List.of(16, 16), 1, Activation.TANH, 0.2);
    static final TrainingOptions OPTIONS = new TrainingOptions(12, 16, true, 1e-4, LossKind.MSE);
    static final OptimizerSpec ADAM = OptimizerSpec.defaults(OptimizerKind.ADAM, 0.01);

    static Dataset data() {
        Rng rng = Rng.seeded(9);
        double[] x = new double[50];
        double[] y = new double[50];
        for (int i = 0; i < 50; i++) {
            x[i] = rng.uniform(-1, 1);
            y[i] = Math.sin(3 * x[i]) + 0.1 * rng.nextGaussian();
        }
        return new Dataset("train", 50, 1, x, y);
    }

    static TrainingSession fresh(long seed) {
        Model model = Models.create(SPEC, Rng.derive(seed, "init", "cell"));
        return new TrainingSession(model, Loss.of(LossKind.MSE, 1), Optimizer.create(ADAM, model.parameterSlots()), OPTIONS,
                data(), Rng.derive(seed, "shuffle", "cell"), Rng.derive(seed, "dropout", "cell"));
    }

    static double[] losses(TrainingSession s, int epochs) {
        double[] out = new double[epochs];
        for (int e = 0; e < epochs; e++) {
            out[e] = s.trainEpoch();
        }
        return out;
    }

    @Test
    void sameSeedsSameLosses() {
        double[] a = losses(fresh(1), 12);
        assertArrayEquals(a, losses(fresh(1), 12));
        assertNotEquals(a[11], losses(fresh(2), 12)[11], "another seed gives another run");
    }

    @Test
    void restoredSessionContinuesBitIdentically() {
        double[] uninterrupted = losses(fresh(3), 12);

        TrainingSession first = fresh(3);
        double[] head = losses(first, 5);
        SessionState state = first.state();
        var weights = first.model().stateDict();

        Model model = Models.create(SPEC, Rng.seeded(12345)); // other weights, replaced by the snapshot's
        model.loadStateDict(weights);
        TrainingSession restored = TrainingSession.restore(model, Loss.of(LossKind.MSE, 1),
                Optimizer.create(ADAM, model.parameterSlots()), OPTIONS, data(), state);
        double[] tail = losses(restored, 7);

        double[] joined = new double[12];
        System.arraycopy(head, 0, joined, 0, 5);
        System.arraycopy(tail, 0, joined, 5, 7);
        assertArrayEquals(uninterrupted, joined);
        org.junit.jupiter.api.Assertions.assertEquals(12, restored.epoch());
    }
}
