package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson 07: jittered copies of the training set narrow the train/test gap and lower the test loss. */
@Tag("slow")
class LessonSevenTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 2, 7})
    void augmentationNarrowsTheGap(int seed) {
        LessonRun run = LessonRun.quick("07-data-augmentation.yaml", dir, seed);
        double plainGap = run.gap("copies=0");
        double augmentedGap = run.gap("copies=32");
        assertTrue(augmentedGap < 0.9 * plainGap, "augmentation narrows the train/test gap: " + augmentedGap + " vs " + plainGap);
        assertTrue(run.value("copies=32", "final_test_loss") < run.value("copies=0", "final_test_loss"), "and lowers the test loss");
        assertTrue(run.value("copies=32", "final_train_loss") > run.value("copies=0", "final_train_loss"),
                "the copies keep the fit from threading the original noisy points");
    }
}
