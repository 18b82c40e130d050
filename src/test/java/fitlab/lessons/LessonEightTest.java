package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fitlab.cli.Cli;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lesson 08: dropout curbs the MLP's overfitting, and a dropout checkpoint evaluated in train mode (model.eval()
 * forgotten) reports a worse loss than in eval mode, which is the loss metrics.csv recorded.
 */
@Tag("slow")
class LessonEightTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 1})
    void dropoutNarrowsTheGap(int seed) {
        LessonRun run = LessonRun.quick("08-dropout-and-eval-mode.yaml", dir, seed);
        assertTrue(run.gap("dropout=0.3") < 0.5 * run.gap("dropout=0"), "dropout narrows the train/test gap");
        assertTrue(run.value("dropout=0.3", "final_test_loss") < run.value("dropout=0", "final_test_loss"), "and lowers the test loss");
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 1})
    void theSameCheckpointLosesMoreInTrainMode(int seed) throws IOException {
        LessonRun run = LessonRun.quick("08-dropout-and-eval-mode.yaml", dir, seed);
        String test = run.dir().resolve("data/test.csv").toString();
        String best = run.cell("dropout=0.3").resolve("best.pth").toString();
        int bestEpoch = (int) run.value("dropout=0.3", "best_epoch");
        double recorded = run.metric("dropout=0.3", "test_loss")[bestEpoch];
        double evalMode = eval(best, test, "eval");
        double trainMode = eval(best, test, "train");
        assertEquals(recorded, evalMode, 1e-12 * recorded, "eval mode reproduces metrics.csv");
        assertEquals(evalMode, eval(best, test, null), 0.0, "eval mode is the default");
        assertTrue(trainMode > 1.2 * evalMode, "train mode (dropout on) is worse: " + trainMode + " vs " + evalMode);
        assertEquals(trainMode, eval(best, test, "train"), 0.0, "train mode's dropout masks are seeded: same number twice");

        String plain = run.cell("dropout=0").resolve("best.pth").toString();
        assertEquals(eval(plain, test, "eval"), eval(plain, test, "train"), 0.0, "without dropout the modes agree");
    }

    @org.junit.jupiter.api.Test
    void anUnknownModeIsAUserError() {
        Cli.Result r = Cli.run("eval", "x.pth", "--data", "y.csv", "--mode", "training");
        assertEquals(2, r.exitCode(), r.out());
    }

    private static double eval(String file, String csv, String mode) throws IOException {
        Cli.Result r = mode == null ? Cli.run("eval", file, "--data", csv, "--json") : Cli.run("eval", file, "--data", csv, "--json", "--mode", mode);
        assertEquals(0, r.exitCode(), r.err());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(mode == null ? "eval" : mode, json.get("mode").asText());
        return json.get("value").asDouble();
    }
}
