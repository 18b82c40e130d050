package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lesson 12: minimum-norm least squares over the degree: test error peaks at the interpolation threshold (degree 19,
 * 20 coefficients for 20 points) and falls again by orders of magnitude beyond it.
 */
@Tag("slow")
class LessonTwelveTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 1, 7})
    void testErrorPeaksAtTheInterpolationThreshold(int seed) {
        LessonRun run = LessonRun.quick("12-double-descent.yaml", dir, seed);
        int peak = 0;
        for (int i = 1; i < run.summary().rowCount(); i++) {
            if (run.summary().doubleColumn("final_test_loss").get(i) > run.summary().doubleColumn("final_test_loss").get(peak)) {
                peak = i;
            }
        }
        assertEquals("degree=19", run.summary().column("cell").getString(peak), "test error peaks where parameters = training points");
        double atPeak = run.value("degree=19", "final_test_loss");
        double classical = run.value("degree=5", "final_test_loss");
        double beyond = run.value("degree=200", "final_test_loss");
        assertTrue(atPeak > 1000 * classical, "first descent then the peak: " + classical + " -> " + atPeak);
        assertTrue(beyond < atPeak / 1000, "second descent: " + atPeak + " -> " + beyond);
        assertTrue(run.value("degree=200", "final_train_loss") < 1e-20, "past the threshold every fit interpolates");
        assertTrue(run.value("degree=15", "final_train_loss") > 1e-6, "below it none does");
    }
}
