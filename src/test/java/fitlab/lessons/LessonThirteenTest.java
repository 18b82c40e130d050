package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lesson 13: two hidden units nearly separate the moons but not the spiral; a 32×32 network separates both. */
@Tag("slow")
class LessonThirteenTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(ints = {3, 0, 1})
    void theSpiralNeedsMoreCapacityThanTheMoons(int seed) {
        LessonRun run = LessonRun.quick("13-classification-capacity.yaml", dir, seed);
        double smallMoons = run.value("kind=moons,hidden=2", "final_validation_accuracy");
        double smallSpiral = run.value("kind=spiral,hidden=2", "final_validation_accuracy");
        double bigMoons = run.value("kind=moons,hidden=32-32", "final_validation_accuracy");
        double bigSpiral = run.value("kind=spiral,hidden=32-32", "final_validation_accuracy");
        assertTrue(smallMoons > 0.8, "2 hidden units: most of the moons, " + smallMoons);
        assertTrue(smallSpiral < 0.7, "2 hidden units: not the spiral, " + smallSpiral);
        assertTrue(bigMoons > 0.95, "32×32: the moons, " + bigMoons);
        assertTrue(bigSpiral > 0.78, "32×32: the spiral too, " + bigSpiral);
        assertTrue(bigSpiral - smallSpiral > bigMoons - smallMoons, "capacity matters more for the spiral");
        assertEquals("underfit", run.text("kind=spiral,hidden=2", "diagnosis"));
    }
}
