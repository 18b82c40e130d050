package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson 10: the same degree-6 polynomial underfits on raw inputs and reaches the noise floor on scaled ones. */
@Tag("slow")
class LessonTenTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 1})
    void unscaledInputsUnderfit(int seed) {
        LessonRun run = LessonRun.quick("10-input-scaling-and-basis.yaml", dir, seed);
        double floor = run.value("basis=legendre,scale_input=true", "noise_floor");
        for (String basis : new String[] {"monomial", "legendre"}) {
            double raw = run.value("basis=" + basis + ",scale_input=false", "min_train_loss");
            double scaled = run.value("basis=" + basis + ",scale_input=true", "min_train_loss");
            assertTrue(raw > 5 * floor, basis + " on raw inputs underfits: train " + raw + " vs noise floor " + floor);
            assertTrue(scaled < 1.2 * floor, basis + " on scaled inputs reaches the noise floor: train " + scaled);
        }
    }
}
