package fitlab.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.model.Activation;
import fitlab.model.Basis;
import fitlab.model.MlpSpec;
import fitlab.model.Model;
import fitlab.model.Models;
import fitlab.model.PolynomialSpec;
import fitlab.random.Rng;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Analytic gradients (every layer, activation and loss, the L1 term, dropout with a fixed mask, the
 * polynomial in both bases) against central finite differences of the objective.
 */
class GradientCheckTest {

    /** The objective and its analytic gradient, recomputed from scratch each call. */
    record Objective(Model model, Loss loss, double[] x, double[] y, int rows, double l1, long dropoutSeed, boolean training) {
        double value() {
            double[] out = model.forward(x, rows, training, Rng.seeded(dropoutSeed));
            double v = loss.evaluate(out, y, rows, null);
            for (double p : model.parameters()) {
                v += l1 * Math.abs(p);
            }
            return v;
        }

        double[] gradient() {
            double[] out = model.forward(x, rows, training, Rng.seeded(dropoutSeed));
            double[] dOut = new double[rows * model.outputs()];
            loss.evaluate(out, y, rows, dOut);
            model.backward(dOut, rows);
            double[] g = model.gradients().clone();
            double[] p = model.parameters();
            for (int i = 0; i < g.length; i++) {
                g[i] += l1 * Math.signum(p[i]);
            }
            return g;
        }
    }

    static void check(Objective f) {
        double[] analytic = f.gradient();
        double[] p = f.model().parameters();
        for (int i = 0; i < p.length; i++) {
            double saved = p[i];
            double h = 1e-6 * Math.max(1, Math.abs(saved));
            p[i] = saved + h;
            double up = f.value();
            p[i] = saved - h;
            double down = f.value();
            p[i] = saved;
            double numeric = (up - down) / (2 * h);
            double err = Math.abs(numeric - analytic[i]);
            assertTrue(err <= 1e-6 * Math.max(1, Math.abs(numeric)),
                    "parameter " + i + ": analytic " + analytic[i] + ", finite difference " + numeric);
        }
    }

    static double[] uniform(Rng rng, int n, double lo, double hi) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = rng.uniform(lo, hi);
        }
        return v;
    }

    @ParameterizedTest
    @EnumSource(Activation.class)
    void mlpWithEachActivationUnderEachLoss(Activation act) {
        Rng rng = Rng.seeded(act.ordinal() + 10);
        int rows = 7;
        Model reg = Models.create(new MlpSpec(2, List.of(5, 4), 1, act, 0.0), rng);
        check(new Objective(reg, Loss.of(LossKind.MSE, 1), uniform(rng, rows * 2, -2, 2), uniform(rng, rows, -1, 1), rows, 0, 0, true));

        Model bin = Models.create(new MlpSpec(2, List.of(6), 1, act, 0.0), rng);
        double[] labels = new double[rows];
        for (int i = 0; i < rows; i++) {
            labels[i] = i % 2;
        }
        check(new Objective(bin, Loss.of(LossKind.BCE_WITH_LOGITS, 1), uniform(rng, rows * 2, -2, 2), labels, rows, 0, 0, true));

        Model multi = Models.create(new MlpSpec(3, List.of(6, 5), 3, act, 0.0), rng);
        double[] classes = new double[rows];
        for (int i = 0; i < rows; i++) {
            classes[i] = i % 3;
        }
        check(new Objective(multi, Loss.of(LossKind.CROSS_ENTROPY, 3), uniform(rng, rows * 3, -2, 2), classes, rows, 0, 0, true));
    }

    @Test
    void l1PenaltyAndDropoutWithAFixedMask() {
        Rng rng = Rng.seeded(42);
        Model m = Models.create(new MlpSpec(1, List.of(8, 8), 1, Activation.TANH, 0.3), rng);
        check(new Objective(m, Loss.of(LossKind.MSE, 1), uniform(rng, 9, -1, 1), uniform(rng, 9, -1, 1), 9, 0.01, 77, true));
    }

    @ParameterizedTest
    @EnumSource(Basis.class)
    void polynomialInEachBasis(Basis basis) {
        Rng rng = Rng.seeded(basis.ordinal());
        Model m = Models.create(new PolynomialSpec(6, basis, true, -3, 5), rng);
        check(new Objective(m, Loss.of(LossKind.MSE, 1), uniform(rng, 11, -3, 5), uniform(rng, 11, -1, 1), 11, 0.002, 0, true));
        Model raw = Models.create(new PolynomialSpec(3, basis, false, 0, 0), rng);
        check(new Objective(raw, Loss.of(LossKind.MSE, 1), uniform(rng, 11, -1.5, 1.5), uniform(rng, 11, -1, 1), 11, 0, 0, true));
    }
}
