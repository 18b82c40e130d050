package fitlab.diagnosis;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.random.Rng;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.Test;

/**
 * The default thresholds on the design's example lesson: least-squares polynomials fitted to 30 noisy samples of
 * cos(1.5πx) on [0, 1] with noise 0.1 (σ² = 0.01), validated on 30 fresh samples. Degree 1 cannot bend enough
 * (underfit), degree 4 follows the curve (good), degree 15 chases the noise (overfit).
 */
class PolynomialLessonTest {

    private static final int N = 30;
    private static final double NOISE = 0.1;
    private static final int[] DEGREES = {1, 4, 15};

    @Test
    void degreesOneFourAndFifteenAreUnderGoodAndOverfit() {
        for (long seed = 0; seed < 5; seed++) {
            Rng rng = Rng.seeded(seed);
            double[][] train = sample(rng);
            double[][] validation = sample(rng);
            List<CellLosses> cells = new ArrayList<>();
            List<double[]> validationCurves = new ArrayList<>();
            for (int degree : DEGREES) {
                RealVector w = fit(train, degree);
                double trainMse = mse(w, train, degree);
                double validationMse = mse(w, validation, degree);
                cells.add(new CellLosses(trainMse, trainMse, validationMse));
                validationCurves.add(new double[] {validationMse});
            }
            double sweepMin = Diagnoser.sweepMinValidation(validationCurves);
            List<Verdict> verdicts = cells.stream()
                    .map(c -> Diagnoser.diagnose(c, NOISE * NOISE, sweepMin, DiagnosisThresholds.DEFAULTS).verdict())
                    .toList();
            assertEquals(List.of(Verdict.UNDERFIT, Verdict.GOOD, Verdict.OVERFIT), verdicts,
                    "seed " + seed + ": " + cells + ", sweep min " + sweepMin);
        }
    }

    private static double[][] sample(Rng rng) {
        double[] x = new double[N];
        double[] y = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = rng.nextDouble();
            y[i] = Math.cos(1.5 * Math.PI * x[i]) + NOISE * rng.nextGaussian();
        }
        return new double[][] {x, y};
    }

    /** Legendre polynomials P_0..P_degree of 2x − 1 (well conditioned on [0, 1]). */
    private static double[] features(double x, int degree) {
        double u = 2 * x - 1;
        double[] p = new double[degree + 1];
        p[0] = 1;
        if (degree >= 1) {
            p[1] = u;
        }
        for (int n = 1; n < degree; n++) {
            p[n + 1] = ((2 * n + 1) * u * p[n] - n * p[n - 1]) / (n + 1);
        }
        return p;
    }

    private static RealVector fit(double[][] data, int degree) {
        double[][] a = new double[N][];
        for (int i = 0; i < N; i++) {
            a[i] = features(data[0][i], degree);
        }
        return new QRDecomposition(new Array2DRowRealMatrix(a, false)).getSolver().solve(new ArrayRealVector(data[1]));
    }

    private static double mse(RealVector w, double[][] data, int degree) {
        double sum = 0;
        for (int i = 0; i < data[0].length; i++) {
            double r = new ArrayRealVector(features(data[0][i], degree), false).dotProduct(w) - data[1][i];
            sum += r * r;
        }
        return sum / data[0].length;
    }
}
