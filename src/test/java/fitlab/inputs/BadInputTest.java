package fitlab.inputs;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each input of issue 13 that used to be checked late (after the run folder existed), crash with an internal error
 * (exit 70) or be accepted as nonsense: now exit 2, one line on stderr naming file:line:column of the offending
 * value, and no run folder left behind.
 */
class BadInputTest {
    @TempDir
    Path dir;

    /** A small experiment whose line {@code N} is the N-th line below (1-based), so positions are known. */
    static String experiment(String function, String x, String noise, String model, String training, String stopping) {
        return "name: bad\n"                                                              // 1
                + "seed: 3\n"                                                             // 2
                + "data:\n"                                                               // 3
                + "  kind: regression1d\n"                                                // 4
                + "  function: " + function + "\n"                                        // 5
                + "  x: " + x + "\n"                                                      // 6
                + "  noise: " + noise + "\n"                                              // 7
                + "  train: 12\n  validation: 12\n  test: 20\n"                           // 8-10
                + "model:\n" + model                                                      // 11, 12..
                + "training:\n" + training
                + (stopping.isEmpty() ? "" : "early_stopping:\n" + stopping);
    }

    static final String POLY = "  kind: polynomial\n  degree: 3\n";
    static final String ADAM = "  optimizer: adam\n  lr: 0.01\n  epochs: 3\n";

    Cli.Result runFile(String name, byte[] bytes, String... extra) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        String[] args = Stream.concat(Stream.of("run", file.toString(), "--out", dir.resolve("out").toString()),
                Stream.of(extra)).toArray(String[]::new);
        return Cli.run(args);
    }

    /** Exit 2, exactly one stderr line starting with {@code file:line:column:}, and no run folder. */
    void assertRefusedAt(Cli.Result r, String file, int line, String... words) {
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        String at = Pattern.quote(dir.resolve(file).toString()) + ":" + line + ":\\d+: ";
        assertTrue(Pattern.compile("^fitlab: " + at).matcher(r.err()).find(), "no " + file + ":" + line + ":col in: " + r.err());
        for (String w : words) {
            assertTrue(r.err().contains(w), "'" + w + "' missing in: " + r.err());
        }
        assertFalse(r.err().contains("internal error") || r.err().contains("\tat "), r.err());
        assertFalse(Files.exists(dir.resolve("out")), "a run folder was left behind: " + r.err());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "cos(       | [0, 1]  | data.function",
            "x^         | [0, 1]  | data.function",
            "foo(x)     | [0, 1]  | data.function",
            "y*2        | [0, 1]  | data.function",
            "1/x        | [0, 1]  | is Infinity at x = 0.0",
            "log(x)     | [-1, 1] | is NaN at x = -1.0",
    })
    void aBadFunctionIsRefusedAtItsLineBeforeTheRunFolderExists(String function, String x, String expected) throws IOException {
        Cli.Result r = runFile("f.yaml", experiment(function, x, "0.1", POLY, ADAM, "").getBytes(StandardCharsets.UTF_8));
        assertRefusedAt(r, "f.yaml", 5, expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            ".nan  | 0.01 | 3  | 16 | training.lr",
            "-.inf | 0.01 | 3  | 16 | training.lr",
            "0.01  | .nan | 3  | 17 | training.eps",
            "0.01  | 1e-8 | 0x | 18 | training.epochs",
            "0.01  | 1e-8 | .inf | 18 | training.epochs",
    })
    void yamlNanAndInfinityAreNumbersThatFailTheirRangeCheck(String lr, String eps, String epochs, int line, String field)
            throws IOException {
        String training = "  optimizer: adam\n  lr: " + lr + "\n  eps: " + eps + "\n  epochs: " + epochs + "\n";
        Cli.Result r = runFile("n.yaml", experiment("sin(x)", "[0, 1]", "0.1", POLY, training, "").getBytes(StandardCharsets.UTF_8));
        assertRefusedAt(r, "n.yaml", line, field);
    }

    @Test
    void infiniteNoiseAndAnInfiniteRangeEndAreRefusedAtTheirLines() throws IOException {
        assertRefusedAt(runFile("a.yaml", experiment("sin(x)", "[0, 1]", ".inf", POLY, ADAM, "").getBytes(StandardCharsets.UTF_8)),
                "a.yaml", 7, "data.noise");
        assertRefusedAt(runFile("b.yaml", experiment("sin(x)", "[0, .inf]", "0.1", POLY, ADAM, "").getBytes(StandardCharsets.UTF_8)),
                "b.yaml", 6, "data.x", "finite");
    }

    @Test
    void aMissingInitFileIsRefusedAtItsLine() throws IOException {
        String model = "  kind: mlp\n  hidden: [4]\n  init: nowhere.pth\n";
        assertRefusedAt(runFile("i.yaml", experiment("sin(x)", "[0, 1]", "0.1", model, ADAM, "").getBytes(StandardCharsets.UTF_8)),
                "i.yaml", 14, "model.init", "no such file");
    }

    @Test
    void aStripLengthOfOneIsRefusedAtItsLine() throws IOException {
        String stopping = "  stop_on: pq\n  strip_length: 1\n";
        assertRefusedAt(runFile("s.yaml", experiment("sin(x)", "[0, 1]", "0.1", POLY, ADAM, stopping).getBytes(StandardCharsets.UTF_8)),
                "s.yaml", 20, "early_stopping.strip_length");
    }

    @Test
    void anAccuracyMonitorOnRegressionIsRefused() throws IOException {
        for (String monitor : new String[] {"validation_accuracy", "train_accuracy"}) {
            String stopping = "  monitor: " + monitor + "\n";
            assertRefusedAt(runFile("m.yaml", experiment("sin(x)", "[0, 1]", "0.1", POLY, ADAM, stopping).getBytes(StandardCharsets.UTF_8)),
                    "m.yaml", 19, "early_stopping.monitor", "classification");
        }
    }

    @Test
    void hugeHiddenLayersAreRefusedWithTheEstimateInsteadOfRunningOutOfMemory() throws IOException {
        for (String hidden : new String[] {"[1000000, 1000000]", "[1000000]"}) {
            String model = "  kind: mlp\n  hidden: " + hidden + "\n";
            long start = System.nanoTime();
            Cli.Result r = runFile("h.yaml", experiment("sin(x)", "[0, 1]", "0.1", model, ADAM, "").getBytes(StandardCharsets.UTF_8));
            assertRefusedAt(r, "h.yaml", 13, "model.hidden", "parameters", "MiB");
            assertTrue(System.nanoTime() - start < 5e9, "took " + (System.nanoTime() - start) / 1e9 + " s");
        }
    }

    @Test
    void dataTooLargeForTheHeapIsRefusedBeforeAnyIsGenerated() throws IOException {
        String yaml = experiment("sin(x)", "[0, 1]", "0.1", POLY, "  optimizer: lstsq\n", "")
                .replace("  train: 12\n  validation: 12\n  test: 20\n", "  train: 10000000\n  validation: 10000000\n  test: 10000000\n");
        long start = System.nanoTime();
        Cli.Result r = runFile("big.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertRefusedAt(r, "big.yaml", 8, "data.train", "MiB");
        assertTrue(System.nanoTime() - start < 5e9, "took " + (System.nanoTime() - start) / 1e9 + " s");
    }

    @Test
    void tooMuchWorkIsRefusedWithTheEstimate() throws IOException {
        String model = "  kind: mlp\n  hidden: [512, 512, 512]\n";
        String training = "  optimizer: adam\n  epochs: 10000000\n";
        String yaml = experiment("sin(x)", "[0, 1]", "0.1", model, training, "");
        assertRefusedAt(runFile("w.yaml", yaml.getBytes(StandardCharsets.UTF_8)), "w.yaml", 16, "training.epochs", "parameter-row-epochs");
    }

    @Test
    void anEmptyOrCommentsOnlyFileIsNotADefaultExperiment() throws IOException {
        assertRefusedAt(runFile("e.yaml", new byte[0]), "e.yaml", 1, "empty");
        assertRefusedAt(runFile("c.yaml", "# just a comment\n\n# another\n".getBytes(StandardCharsets.UTF_8)), "c.yaml", 1, "empty");
    }

    @Test
    void moonsHaveTwoClasses() throws IOException {
        String yaml = "name: m\ndata:\n  kind: moons\n  classes: 5\nmodel: {kind: mlp, hidden: [4]}\n";
        assertRefusedAt(runFile("moons.yaml", yaml.getBytes(StandardCharsets.UTF_8)), "moons.yaml", 4, "data.classes", "2 classes");
    }

    @Test
    void undecodableBytesAreReportedWithLineColumnAndOffset() throws IOException {
        byte[] latin1 = "name: caf\u00e9\nseed: 1\n".getBytes(StandardCharsets.ISO_8859_1);
        Cli.Result r = runFile("latin1.yaml", latin1);
        assertRefusedAt(r, "latin1.yaml", 1, "byte offset 9", "0xE9", "UTF-8");
        assertTrue(r.err().contains("latin1.yaml:1:10:"), r.err());

        byte[] utf16 = "name: x\nseed: 1\n".getBytes(StandardCharsets.UTF_16); // with its byte-order mark
        assertRefusedAt(runFile("utf16.yaml", utf16), "utf16.yaml", 1, "UTF-16");
        byte[] utf16le = "name: x\nseed: 1\n".getBytes(StandardCharsets.UTF_16LE); // without one: zero bytes
        assertRefusedAt(runFile("utf16le.yaml", utf16le), "utf16le.yaml", 1, "byte offset 1", "zero byte");
    }

    @Test
    void aFileAboveOneMebibyteIsRefusedAtOnce() throws IOException {
        byte[] huge = ("name: x\nquestion: \"" + "a".repeat(30 << 20) + "\"\n").getBytes(StandardCharsets.UTF_8);
        long start = System.nanoTime();
        Cli.Result r = runFile("huge.yaml", huge);
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("huge.yaml") && r.err().contains("1 MiB"), r.err());
        assertTrue(System.nanoTime() - start < 5e9, "took " + (System.nanoTime() - start) / 1e9 + " s");
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void aRunNameCannotLeaveTheRunsFolder() throws IOException {
        Path file = dir.resolve("n.yaml");
        Files.writeString(file, experiment("sin(x)", "[0, 1]", "0.1", POLY, ADAM, ""));
        for (String name : new String[] {"..", ".", ".hidden"}) {
            Cli.Result r = Cli.run("run", file.toString(), "--set", "name=" + name);
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains("name") && r.err().contains("starting with a letter or digit"), r.err());
        }
        assertFalse(Files.exists(Path.of("runs", "..", "bad")));
    }

    @Test
    void classLabelsOutsideTheClassesOrFractionsAreReportedWithFileAndLine() throws IOException {
        Path csv = dir.resolve("labels.csv");
        for (String bad : new String[] {"3", "1.5", "-1"}) {
            Files.writeString(csv, "x1,x2,y\n0.1,0.2,0\n0.3,0.4,1\n\n0.5,0.6," + bad + "\n0.7,0.8,2\n0.9,1.0,1\n0.1,0.1,0\n");
            String yaml = "name: c\ndata: {kind: csv, path: labels.csv, classes: 3, train: 3, validation: 2, test: 1}\n"
                    + "model: {kind: mlp, hidden: [4]}\ntraining: {epochs: 2}\n";
            Cli.Result r = runFile("c.yaml", yaml.getBytes(StandardCharsets.UTF_8));
            assertEquals(2, r.exitCode(), r.err());
            assertTrue(r.err().contains(csv + ":5: column 3 (y): expected a class index 0..2 (data.classes: 3), got " + bad), r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertFalse(Files.exists(dir.resolve("out")));
        }
    }

    @Test
    void noiseFreeDataRunsAndIsDiagnosedWithoutANoiseFloor() throws IOException {
        Cli.Result r = runFile("zero.yaml", experiment("sin(3*x)", "[0, 1]", "0", POLY, ADAM, "").getBytes(StandardCharsets.UTF_8));
        assertEquals(0, r.exitCode(), r.err());
        String summary = Files.readString(dir.resolve("out").resolve("summary.csv"));
        assertTrue(summary.lines().count() == 2, summary);
        assertFalse(summary.contains("noise floor") && summary.contains("NaN"), summary);
    }

    @Test
    void aNanInASweepIsRefusedAtTheSweep() throws IOException {
        String yaml = experiment("sin(x)", "[0, 1]", "0.1", POLY, ADAM, "") + "sweep:\n  training.lr: [0.1, .nan]\n";
        Cli.Result r = runFile("sw.yaml", yaml.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, r.exitCode(), r.err());
        assertTrue(r.err().contains("training.lr"), r.err());
        assertFalse(r.err().contains("internal error"), r.err());
        assertFalse(Files.exists(dir.resolve("out")));
    }

    @Test
    void listOfAMissingFolderOrAnUnknownLanguageIsAUserError() {
        Cli.Result missing = Cli.run("list", "--dir", dir.resolve("nowhere").toString());
        assertEquals(2, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("no such folder"), missing.err());
        Cli.Result lang = Cli.run("list", "--lang", "xx");
        assertEquals(2, lang.exitCode(), lang.err());
        assertTrue(lang.err().contains("--lang"), lang.err());
    }
}
