package fitlab.cli;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lessons named on the command line are found from any folder: the checkout's experiments/ or the copy in the build. */
class BundledExperimentsTest {
    @TempDir
    Path elsewhere;

    @Test
    void aFolderWithoutExperimentsFallsBackToTheCopyBuiltIntoTheClasspath() throws IOException {
        Path folder = BundledExperiments.folder(null, elsewhere);
        assertFalse(folder.startsWith(elsewhere));
        List<String> bundled = BundledExperiments.lessons(folder).stream().map(p -> p.getFileName().toString()).toList();
        List<String> inCheckout = BundledExperiments.lessons(Path.of("experiments")).stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(inCheckout, bundled, "the build bundles every lesson");
        assertEquals(14, bundled.size());
        for (Path lesson : BundledExperiments.lessons(folder)) {
            assertArrayEquals(Files.readAllBytes(Path.of("experiments").resolve(lesson.getFileName().toString())), Files.readAllBytes(lesson),
                    lesson.toString());
        }
    }

    @Test
    void fitlabHomeComesFirst() throws IOException {
        Path home = elsewhere.resolve("home");
        Files.createDirectories(home.resolve("experiments"));
        Files.writeString(home.resolve("experiments/01-my-own.yaml"), "name: my-own\n");
        assertEquals(home.resolve("experiments"), BundledExperiments.folder(home.toString(), elsewhere));
        assertEquals(home.resolve("experiments/01-my-own.yaml"), BundledExperiments.resolve(Path.of("01"), home.toString(), elsewhere));
    }

    @Test
    void aLessonIsNamedByNumberNameOrFileName() {
        for (String given : new String[] {"1", "01", "polynomial-degree", "Polynomial-Degree", "01-polynomial-degree",
                "01-polynomial-degree.yaml", "experiments/01-polynomial-degree.yaml"}) {
            Path p = BundledExperiments.resolve(Path.of(given), null, elsewhere);
            assertEquals("01-polynomial-degree.yaml", p.getFileName().toString(), given);
            assertTrue(Files.isRegularFile(p), given);
        }
        assertEquals("14-resume-without-early-stopping.yaml",
                BundledExperiments.resolve(Path.of("14"), null, elsewhere).getFileName().toString());
    }

    @Test
    void anExistingFileWinsOverALessonOfTheSameName() throws IOException {
        Path mine = elsewhere.resolve("01");
        Files.writeString(mine, "name: mine\n");
        assertEquals(mine, BundledExperiments.resolve(mine, null, elsewhere));
    }

    @Test
    void aLessonInsideAJarMeansTheWorkingDirectoryForItsRelativeFiles() throws IOException {
        Path jar = elsewhere.resolve("lessons.jar");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(jar))) {
            out.putNextEntry(new java.util.zip.ZipEntry("fitlab/lessons/experiments/01-polynomial-degree.yaml"));
            out.write(Files.readAllBytes(Path.of("experiments/01-polynomial-degree.yaml")));
            out.closeEntry();
        }
        try (var fs = java.nio.file.FileSystems.newFileSystem(jar)) {
            Path inside = fs.getPath("/fitlab/lessons/experiments/01-polynomial-degree.yaml");
            assertEquals(Path.of("").toAbsolutePath(), fitlab.config.Experiment.folderOf(inside));
            var e = fitlab.config.ExperimentLoader.load(inside, List.of("data.path=mine.csv"), true);
            assertEquals(Path.of("mine.csv").toAbsolutePath().toString(), e.base().data().path());
        }
        assertEquals(elsewhere.toAbsolutePath(), fitlab.config.Experiment.folderOf(elsewhere.resolve("x.yaml")));
    }

    @Test
    void anUnknownNameIsAUserErrorSayingWhereToLook() {
        UserError e = assertThrows(UserError.class, () -> BundledExperiments.resolve(Path.of("nope.yaml"), null, elsewhere));
        assertEquals("nope.yaml: no such file, and no bundled lesson of that name (see 'fitlab list')", e.getMessage());
        assertThrows(UserError.class, () -> BundledExperiments.resolve(Path.of("15"), null, elsewhere));
        assertThrows(UserError.class, () -> BundledExperiments.resolve(Path.of("other/01-polynomial-degree.yaml"), null, elsewhere),
                "only a bare name or experiments/<file> names a lesson");
    }
}
