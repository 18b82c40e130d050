package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson 04: a moderate L2 or L1 penalty lowers the overfit MLP's test loss; a strong one makes it underfit. */
@Tag("slow")
class LessonFourTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 1, 4})
    void moderatePenaltiesHelpStrongOnesUnderfit(int seed) {
        LessonRun run = LessonRun.quick("04-l2-and-l1.yaml", dir, seed);
        String none = "weight_decay=0,l1=0";
        double plain = run.value(none, "final_test_loss");
        double l2 = run.value("weight_decay=0.001,l1=0", "final_test_loss");
        double l1 = run.value("weight_decay=0,l1=0.001", "final_test_loss");
        assertTrue(l2 < 0.9 * plain, "L2 at 1e-3 lowers the overfit cell's test loss: " + l2 + " vs " + plain);
        assertTrue(l1 < 0.9 * plain, "L1 at 1e-3 lowers the overfit cell's test loss: " + l1 + " vs " + plain);
        assertTrue(run.gap("weight_decay=0.001,l1=0") < run.gap(none), "L2 narrows the train/test gap");
        double floor = run.value(none, "noise_floor");
        double strong = run.value("weight_decay=1,l1=0", "final_train_loss");
        assertTrue(strong > 2.5 * floor, "L2 at 1 underfits: train " + strong + " vs noise floor " + floor);
        assertTrue(run.value(none, "final_train_loss") < floor, "without a penalty the MLP fits the noise");
    }
}
