package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.checkpoint.Checkpoints;
import fitlab.model.Model;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lesson 11: bias² and variance measured from one least-squares fit per (degree, training set): bias² falls and
 * variance rises with the degree, and their sum is smallest in between. Other seeds = other sets of training sets.
 */
@Tag("slow")
class LessonElevenTest {
    static final int GRID = 201;

    @TempDir
    Path dir;

    /** Bias² and variance of a degree's fits, averaged over a grid of x in [0, 1]. */
    record Decomposition(double bias2, double variance) {}

    @ParameterizedTest(name = "training sets from seed {0}")
    @ValueSource(ints = {0, 100, 200})
    void biasFallsAndVarianceRisesWithTheDegree(int firstSeed) {
        StringBuilder seeds = new StringBuilder("[");
        for (int s = 0; s < 12; s++) {
            seeds.append(s == 0 ? "" : ",").append(firstSeed + s);
        }
        LessonRun run = LessonRun.quick("11-bias-variance.yaml", dir, "--set", "sweep.seed=" + seeds + "]");
        Decomposition d1 = decompose(run, 1, firstSeed);
        Decomposition d4 = decompose(run, 4, firstSeed);
        Decomposition d8 = decompose(run, 8, firstSeed);
        assertTrue(d1.bias2() > 10 * d4.bias2(), "degree 1 is biased: " + d1 + " vs degree 4 " + d4);
        assertTrue(d1.variance() < d4.variance() && d4.variance() < d8.variance(), "variance grows: " + d1 + " " + d4 + " " + d8);
        double total4 = d4.bias2() + d4.variance();
        assertTrue(total4 < d1.bias2() + d1.variance() && total4 < d8.bias2() + d8.variance(), "degree 4 balances the two");
    }

    private static Decomposition decompose(LessonRun run, int degree, int firstSeed) {
        double[] x = new double[GRID];
        for (int i = 0; i < GRID; i++) {
            x[i] = i / (GRID - 1.0);
        }
        int fits = 12;
        double[][] predictions = new double[fits][];
        for (int s = 0; s < fits; s++) {
            Path file = run.cell("degree=" + degree + ",seed=" + (firstSeed + s)).resolve("last.pth");
            Model model = Checkpoints.rebuild(Checkpoints.read(file));
            predictions[s] = model.predict(x, GRID);
        }
        double bias2 = 0;
        double variance = 0;
        for (int i = 0; i < GRID; i++) {
            double mean = 0;
            for (double[] p : predictions) {
                mean += p[i] / fits;
            }
            double truth = Math.cos(1.5 * Math.PI * x[i]);
            bias2 += (mean - truth) * (mean - truth) / GRID;
            for (double[] p : predictions) {
                variance += (p[i] - mean) * (p[i] - mean) / (fits * GRID);
            }
        }
        return new Decomposition(bias2, variance);
    }
}
