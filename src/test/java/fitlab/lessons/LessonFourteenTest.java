package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson 14: early stopping stops the run; resuming its last checkpoint without early stopping overfits on. */
@Tag("slow")
class LessonFourteenTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 1})
    void resumingWithoutEarlyStoppingKeepsOverfitting(int seed) throws IOException {
        // the lesson's own continuation switched off: this test continues by hand, the command the lesson file names
        LessonRun run = LessonRun.quick("14-resume-without-early-stopping.yaml", dir, "--set", "seed=" + seed,
                "--set", "early_stopping.continue_after_stop=0");
        assertEquals("patience", run.text("base", "stop_reason"), "early stopping stopped the run");
        int stop = (int) run.value("base", "stop_epoch");
        int best = (int) run.value("base", "best_epoch");
        assertEquals(best + 100, stop);
        double bestTest = run.value("base", "test_loss_at_best");
        double bestValidation = run.value("base", "best_validation_loss");

        Cli.Result r = Cli.run("resume", run.dir().toString(), "--cell", "base", "--epochs", "600");
        assertEquals(0, r.exitCode(), r.err());
        Path resumed;
        try (Stream<Path> cells = Files.list(run.dir().resolve("cells"))) {
            resumed = cells.filter(p -> p.getFileName().toString().startsWith("base@resume-from-")).findFirst().orElseThrow();
        }
        String id = resumed.getFileName().toString();
        int from = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        assertTrue(from > best && from <= stop, "resumed from the newest checkpoint, epoch " + from);
        double[] epochs = run.metric(id, "epoch");
        double[] train = run.metric(id, "train_loss");
        double[] validation = run.metric(id, "validation_loss");
        double[] test = run.metric(id, "test_loss");
        int last = epochs.length - 1;
        int at = java.util.stream.IntStream.range(0, epochs.length).filter(i -> epochs[i] == from).findFirst().orElseThrow();
        assertEquals(from + 600, (int) epochs[last], "trained all 600 epochs: nothing stopped it");
        assertTrue(train[last] < 0.8 * train[at], "training loss keeps falling: " + train[at] + " -> " + train[last]);
        assertTrue(validation[last] > 1.25 * bestValidation, "validation loss keeps rising: " + bestValidation + " -> " + validation[last]);
        assertTrue(test[last] > 1.25 * bestTest, "and so does the test loss: " + bestTest + " -> " + test[last]);
    }
}
