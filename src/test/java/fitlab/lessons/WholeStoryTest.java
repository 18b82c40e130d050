package fitlab.lessons;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lessons 14, 08 and 06 tell their whole story in one {@code fitlab run}: the stopped cell continued without early
 * stopping, both evaluation modes of each dropout checkpoint, and the saved files loaded after a class rename.
 */
class WholeStoryTest {
    @TempDir
    Path dir;
    @TempDir
    static Path shared;
    private static LessonRun fourteen;

    /** Lesson 14's quick run, made once for the tests that read it (none of them changes it). */
    private static synchronized LessonRun fourteen() {
        if (fourteen == null) {
            fourteen = LessonRun.quick("14-resume-without-early-stopping.yaml", shared.resolve("fourteen"));
        }
        return fourteen;
    }

    @Test
    void lessonFourteenContinuesTheStoppedCellAsFitlabResumeWould() throws IOException {
        LessonRun run = fourteen();
        int stop = (int) run.value("base", "stop_epoch");
        assertEquals("patience", run.text("base", "stop_reason"));
        Path continued = single(run.dir().resolve("cells"), "base@resume-from-");
        String id = continued.getFileName().toString();
        int from = Integer.parseInt(id.substring(id.lastIndexOf('-') + 1));
        assertTrue(from <= stop && from > stop - 10, "from the newest checkpoint (every 10 epochs): " + from + ", stop " + stop);

        // the same folder without its continuation, continued by hand
        Path manual = dir.resolve("manual");
        copyTree(run.dir(), manual);
        deleteTree(manual.resolve("cells").resolve(id));
        Cli.Result r = Cli.run("resume", manual.toString(), "--cell", "base", "--epochs", "600");
        assertEquals(0, r.exitCode(), r.err());
        assertSameCell(continued, manual.resolve("cells").resolve(id));

        double[] epochs = run.metric(id, "epoch");
        double[] validation = run.metric(id, "validation_loss");
        double[] test = run.metric(id, "test_loss");
        int last = epochs.length - 1;
        assertEquals(from + 600, (int) epochs[last], "the continuation trains all 600 epochs, numbered on from the stop");
        double bestValidation = run.value("base", "best_validation_loss");
        assertTrue(validation[last] > 1.25 * bestValidation, "validation loss rises after the stop: " + bestValidation + " -> " + validation[last]);
        double testAtBest = run.value("base", "test_loss_at_best");
        assertTrue(test[last] > 1.25 * testAtBest, "and so does the test loss: " + testAtBest + " -> " + test[last]);
    }

    @Test
    void lessonsThreeAndFourteenDrawNoOptimizerSpikes() throws IOException {
        String continued = single(fourteen().dir().resolve("cells"), "base@resume-from-").getFileName().toString();
        assertNoSpikes(fourteen().metric(continued, "validation_loss"), "lesson 14, " + continued);
        LessonRun three = LessonRun.quick("03-epochs-and-early-stopping.yaml", dir.resolve("three"));
        assertNoSpikes(three.metric("epochs=800", "validation_loss"), "lesson 03, epochs=800");
    }

    /** After the first 5 % of epochs, the validation loss never changes more than 2x from one epoch to the next. */
    private static void assertNoSpikes(double[] validation, String where) {
        for (int i = Math.max(1, (int) (0.05 * validation.length)); i < validation.length; i++) {
            double ratio = Math.max(validation[i] / validation[i - 1], validation[i - 1] / validation[i]);
            assertTrue(ratio <= 2, where + ": validation loss jumps " + ratio + "x from epoch " + (i - 1) + " to " + i);
        }
    }

    @Test
    void aKilledContinuationIsFinishedByRunResume() throws IOException {
        LessonRun run = fourteen();
        Path continued = single(run.dir().resolve("cells"), "base@resume-from-");
        Path killed = dir.resolve("killed");
        copyTree(run.dir(), killed);
        Path cut = killed.resolve("cells").resolve(continued.getFileName());
        // as a kill mid-continuation leaves it: no summary.json, no last.pth, the newest checkpoints missing, a torn log line
        Files.delete(cut.resolve("summary.json"));
        Files.delete(cut.resolve("last.pth"));
        try (Stream<Path> files = Files.list(cut.resolve("checkpoints"))) {
            List<Path> sorted = files.sorted().toList();
            for (Path p : sorted.subList(sorted.size() / 2, sorted.size())) {
                Files.delete(p);
            }
        }
        List<String> lines = Files.readAllLines(cut.resolve("metrics.csv"));
        Files.writeString(cut.resolve("metrics.csv"), String.join("\n", lines.subList(0, lines.size() / 2)) + "\n0.12,");
        Cli.Result r = Cli.run("run", "--resume", killed.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertSameCell(continued, cut);
    }

    @Test
    void continuingNeedsAStoppingRun() throws IOException {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "name: bad\nearly_stopping:\n  action: mark\n  continue_after_stop: 10\n");
        Cli.Result r = Cli.run("run", yaml.toString(), "--out", dir.resolve("out").toString());
        assertEquals(2, r.exitCode(), r.out());
        assertTrue(r.err().contains("bad.yaml:4:"), r.err());
        assertTrue(r.err().contains("continue_after_stop") && r.err().contains("action: stop"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "nothing written before validation");
    }

    @Test
    void lessonEightEvaluatesEachDropoutCheckpointInBothModes() throws IOException {
        LessonRun run = LessonRun.quick("08-dropout-and-eval-mode.yaml", dir.resolve("one"));
        List<String> lines = Files.readAllLines(run.dir().resolve("eval-modes.csv"));
        assertEquals("cell,epoch,split,logged_loss,eval_mode_loss,train_mode_loss", lines.get(0));
        assertEquals(3, lines.size(), "one row per split of the quick run's one dropout cell (dropout=0 has none): " + lines);
        int best = (int) run.value("dropout=0.3", "best_epoch");
        String testCsv = run.dir().resolve("data/test.csv").toString();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            assertEquals("dropout=0.3", f[0]);
            assertEquals(best, Integer.parseInt(f[1]), "the best checkpoint's epoch");
            double logged = Double.parseDouble(f[3]);
            double eval = Double.parseDouble(f[4]);
            double train = Double.parseDouble(f[5]);
            assertEquals(run.metric("dropout=0.3", f[2] + "_loss")[best], logged, 0.0, "logged = metrics.csv at the best epoch");
            assertEquals(logged, eval, 0.0, "the reloaded checkpoint in eval mode gives the logged loss exactly");
            assertTrue(train > 1.2 * eval, "dropout left on is worse: " + train + " vs " + eval);
            if (f[2].equals("test")) {
                // fitlab eval --mode train draws its masks from the same fixed stream: the same number, in another process path
                Cli.Result r = Cli.run("eval", run.cell("dropout=0.3").resolve("best.pth").toString(), "--data", testCsv, "--json",
                        "--mode", "train");
                assertEquals(0, r.exitCode(), r.err());
                assertEquals(train, new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out()).get("value").asDouble(), 0.0);
            }
        }
        assertEquals(List.of("validation", "test"), lines.stream().skip(1).map(l -> l.split(",")[2]).toList());
    }

    @Test
    void lessonSixLoadsBothFilesAfterTheClassIsRenamed() throws IOException {
        LessonRun run = LessonRun.quick("06-state-dict-vs-whole-model.yaml", dir.resolve("one"));
        List<String> lines = Files.readAllLines(run.dir().resolve("refactor-check.csv"));
        assertEquals("file,kind,bytes,tensors,classes,loads_after_rename,error", lines.get(0));
        assertEquals(5, lines.size(), lines.toString());
        TreeMap<String, String[]> rows = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = csv(line);
            assertEquals(7, f.length, line);
            rows.put(f[0], f);
            assertEquals(Files.size(run.dir().resolve(f[0])), Long.parseLong(f[2]), "bytes of " + f[0]);
        }
        for (String cell : List.of("kind=polynomial", "kind=mlp")) {
            String[] state = rows.get("cells/" + cell + "/last.pth");
            String[] whole = rows.get("cells/" + cell + "/model.whole.pth");
            assertEquals("state_dict", state[1]);
            assertEquals("true", state[5], "the state_dict loads: " + Arrays.toString(state));
            assertEquals("", state[6]);
            assertEquals("", state[4], "a state_dict names no model class");
            assertEquals("whole_model", whole[1]);
            assertEquals(state[3], whole[3], "both files hold the same tensors");
            if (cell.equals("kind=mlp")) {
                // an nn.Sequential of torch's own classes: renaming the program's classes does not touch it
                assertTrue(whole[4].contains("torch.nn.modules.container.Sequential"), whole[4]);
                assertFalse(whole[4].contains("fitlab_torch"), whole[4]);
                assertEquals("true", whole[5], "a whole model of torch classes only survives a refactor of the program: " + Arrays.toString(whole));
                assertEquals("", whole[6]);
            } else {
                String top = "fitlab_torch.PolynomialModel";
                assertTrue(whole[4].contains(top), whole[4]);
                assertEquals("false", whole[5], "the whole model does not load after the rename");
                assertTrue(whole[6].contains("class " + top + " is not a known model class"), whole[6]);
                assertFalse(whole[6].contains(dir.toString()), "the message names the file relative to the run: " + whole[6]);
            }
        }
        assertEquals("6", rows.get("cells/kind=mlp/last.pth")[3], "an MLP 1-32-32-1: 3 Linear layers, a weight and a bias each");
    }

    /** Every file of two cell folders: checkpoints byte for byte, metrics.csv without its timing column. */
    private static void assertSameCell(Path expected, Path actual) throws IOException {
        assertEquals(files(expected), files(actual));
        for (String f : files(expected)) {
            if (f.equals("metrics.csv")) {
                assertEquals(withoutSeconds(expected.resolve(f)), withoutSeconds(actual.resolve(f)));
            } else {
                assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
            }
        }
    }

    private static List<String> withoutSeconds(Path metrics) throws IOException {
        return Files.readAllLines(metrics).stream().map(l -> l.substring(0, l.lastIndexOf(','))).toList();
    }

    private static List<String> files(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString()).sorted().toList();
        }
    }

    private static Path single(Path cells, String prefix) throws IOException {
        try (Stream<Path> list = Files.list(cells)) {
            List<Path> found = list.filter(p -> p.getFileName().toString().startsWith(prefix)).toList();
            assertEquals(1, found.size(), found.toString());
            return found.get(0);
        }
    }

    /** A line of RFC 4180 CSV (quoted fields with doubled quotes), as the run folder's reader splits it. */
    private static String[] csv(String line) {
        return fitlab.runfolder.CsvRows.parse(line).get(0).toArray(String[]::new);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                if (p.getFileName().toString().equals(".lock")) {
                    continue;
                }
                Path q = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(q);
                } else {
                    Files.copy(p, q);
                }
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
