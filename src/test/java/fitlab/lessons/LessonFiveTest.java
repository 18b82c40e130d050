package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson 05: with more training data, training loss rises and test loss falls until both meet at the noise floor. */
@Tag("slow")
class LessonFiveTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 1, 2})
    void theLearningCurveClosesAtTheNoiseFloor(int seed) {
        LessonRun run = LessonRun.quick("05-more-training-data.yaml", dir, seed);
        List<String> cells = List.of("train=15", "train=30", "train=100", "train=1000");
        double floor = run.value(cells.get(0), "noise_floor");
        for (int i = 1; i < cells.size(); i++) {
            assertTrue(run.gap(cells.get(i)) < run.gap(cells.get(i - 1)),
                    "the train/test gap narrows from " + cells.get(i - 1) + " to " + cells.get(i));
        }
        assertTrue(run.value("train=15", "final_train_loss") < run.value("train=100", "final_train_loss")
                && run.value("train=100", "final_train_loss") < 1.15 * run.value("train=1000", "final_train_loss"),
                "training loss rises towards the floor as the set grows");
        assertTrue(run.value("train=15", "final_train_loss") < 0.7 * floor, "15 points: the fit threads the noise");
        assertTrue(run.value("train=15", "final_test_loss") > 10 * floor, "15 points: test loss far above the floor");
        double bigTrain = run.value("train=1000", "final_train_loss");
        double bigTest = run.value("train=1000", "final_test_loss");
        assertEquals(floor, bigTrain, 0.15 * floor, "1000 points: training loss at the noise floor");
        assertEquals(floor, bigTest, 0.3 * floor, "1000 points: test loss at the noise floor");
    }
}
