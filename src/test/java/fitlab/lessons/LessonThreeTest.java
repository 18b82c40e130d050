package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson 03: too few epochs underfit, too many overfit, and early stopping's best epoch is the better model. */
@Tag("slow")
class LessonThreeTest {
    static final String YAML = "03-epochs-and-early-stopping.yaml";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 1, 5})
    void longTrainingOverfitsAndEarlyStoppingMarksTheBetterModel(int seed) throws IOException {
        LessonRun run = LessonRun.quick(YAML, dir, seed);
        double floor = run.value("epochs=5", "noise_floor");
        double shortTrain = run.value("epochs=5", "final_train_loss");
        assertTrue(shortTrain > 2.5 * floor, "5 epochs underfit: train " + shortTrain + " vs noise floor " + floor);

        String long_ = "epochs=800";
        double finalTrain = run.value(long_, "final_train_loss");
        assertTrue(finalTrain < floor, "800 epochs fit the noise: train " + finalTrain + " below the floor " + floor);
        int best = (int) run.value(long_, "best_epoch");
        assertTrue(best < 400, "validation loss bottoms out early, at epoch " + best);
        double atBest = run.value(long_, "test_loss_at_best");
        double atEnd = run.value(long_, "final_test_loss");
        assertTrue(atBest < 0.8 * atEnd, "the best-validation epoch has the lower test loss: " + atBest + " vs final " + atEnd);

        double[] validation = run.metric(long_, "validation_loss");
        double minimum = validation[best];
        assertTrue(validation[validation.length - 1] > 1.2 * minimum, "validation loss rises after its minimum");
        String summary = Files.readString(run.cell(long_).resolve("summary.json"));
        assertTrue(summary.contains("\"name\" : \"patience\""), "the patience marker is set: " + summary);
        // patience fires 100 epochs after the best validation loss so far: the run's best when it comes first, or an
        // earlier plateau's (seed 0 stalls after epoch 113 and improves again after patience has fired)
        int fired = patienceEpoch(summary);
        int bestSoFar = 0;
        for (int e = 1; e <= fired; e++) {
            if (validation[e] < validation[bestSoFar]) {
                bestSoFar = e;
            }
        }
        assertEquals(bestSoFar + 100, fired, "patience fires 100 epochs after the last improvement");
        assertTrue(fired >= best + 100 || fired < best, "the mark is consistent with the run's best epoch " + best);
    }

    private static int patienceEpoch(String json) throws IOException {
        var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        for (var m : node.get("markers")) {
            if (m.get("name").asText().equals("patience")) {
                return m.get("epoch").asInt();
            }
        }
        throw new AssertionError("no patience marker");
    }
}
