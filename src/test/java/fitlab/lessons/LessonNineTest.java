package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson 09: the same big-enough model underfits with too small a learning rate and diverges with too large a one. */
@Tag("slow")
class LessonNineTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 1})
    void theLearningRateDecidesWhetherTheModelFits(int seed) {
        LessonRun run = LessonRun.quick("09-learning-rate.yaml", dir, seed);
        double floor = run.value("lr=0.1", "noise_floor");
        double slow = run.value("lr=0.001", "final_train_loss");
        assertTrue(slow > 5 * floor, "lr 0.001 underfits: train " + slow + " vs noise floor " + floor);
        assertEquals("completed", run.text("lr=0.001", "stop_reason"));
        double good = run.value("lr=0.1", "min_train_loss");
        assertTrue(good < 1.2 * floor, "lr 0.1 reaches the noise floor: train " + good);
        assertEquals("diverged", run.text("lr=10", "stop_reason"), "lr 10 overshoots until the loss explodes");
        assertTrue(run.value("lr=10", "stop_epoch") < 10);
    }
}
