package fitlab.inputs;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.UserError;
import fitlab.cli.Cli;
import fitlab.config.Cell;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.config.OptimizerKind;
import fitlab.experiment.ProgressListener;
import fitlab.experiment.RunControl;
import fitlab.experiment.RunRequest;
import fitlab.experiment.RunService;
import java.util.Optional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded mutation fuzzing of the 14 bundled lessons (lines deleted, duplicated, swapped; numbers made extreme, NaN,
 * negative, huge; values of another type; files truncated; bytes injected), each mutant run as a user would:
 * {@code fitlab run MUTANT --quick --out DIR}. For every mutant: exit 0 or 2, never 70; on failure exactly one
 * stderr line that names a position, no stack trace, and no run folder left behind; within a time bound.
 *
 * <p>Bounded by time (the number of mutants depends on the machine, their sequence does not). Mutants that pass
 * validation are trained with small caps (epochs, rows) given with {@code --set}, so one of them cannot take the
 * whole budget; what is checked, validation before the first write, is the same with or without the caps.
 */
@Tag("slow")
class LessonFuzzTest {
    private static final long BUDGET_NANOS = 120_000_000_000L;
    /**
     * Valid mutants trained to the end (with their report) through the CLI; later valid ones are started with a stop
     * already requested, which runs every check, creates the folder and writes the data and the first checkpoint,
     * then stops as Ctrl-C does: the folder must then be one {@code run --resume} accepts.
     */
    private static final int FULL_RUNS = 5;
    /** No mutant may take longer, validation or a capped run with its report. */
    private static final long CASE_NANOS = 60_000_000_000L;
    /** A position: file:line:column, a byte offset, or the flag the value came from. */
    private static final Pattern POSITION = Pattern.compile(":\\d+:\\d+: |:\\d+: |byte offset \\d+|--set |--quick |--out |--threads ");

    private static final String[] EXTREMES = {"0", "-1", "-0.5", "1e308", "-1e308", "1e-320", ".nan", ".inf", "-.inf", ".NaN",
            "99999999999999999999", "2147483648", "-2147483649", "10000000", "1000000", "0x10", "1_0", "1e999"};
    private static final String[] OTHER_TYPES = {"abc", "[1, 2]", "[]", "{a: 1}", "{}", "true", "null", "~", "\"3\"", "'x'",
            "[[1], [2]]", "!!binary aGk=", "&a 1", "*a", "2026-12-01", "|", ">"};
    private static final byte[] INJECTED = {0, (byte) 0xFF, (byte) 0xC3, (byte) 0xE9, '\t', ':', '[', '{', '"', '\'', '&', '*', '!',
            '%', '\n', '-', '#', ',', '\r', '\\', '@', '`'};

    @TempDir
    Path dir;

    @Test
    void mutatedLessonsExitZeroOrTwoWithOnePositionedLineAndNeverStrandAFolder() throws Exception {
        List<Path> lessons;
        try (Stream<Path> s = Files.list(Path.of("experiments"))) {
            lessons = s.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.yaml")).sorted().toList();
        }
        assertEquals(14, lessons.size(), "bundled lessons");
        SplittableRandom random = new SplittableRandom(13_2026);
        long start = System.nanoTime();
        int cases = 0;
        int ran = 0;
        int stopped = 0;
        List<String> failures = new ArrayList<>();
        while (System.nanoTime() - start < BUDGET_NANOS && failures.size() < 5) {
            Path lesson = lessons.get(random.nextInt(lessons.size()));
            byte[] mutant = mutate(Files.readAllBytes(lesson), random);
            // the mutant sits beside the lesson's own folder layout so its relative paths (none today) resolve alike
            Path file = dir.resolve(lesson.getFileName().toString());
            Files.write(file, mutant);
            Path out = dir.resolve("out-" + cases);
            List<String> args = new ArrayList<>(List.of("run", file.toString(), "--quick", "--out", out.toString(), "--threads", "2"));
            List<String> caps = caps(file);
            if (caps != null) {
                args.addAll(caps);
            }
            long t0 = System.nanoTime();
            cases++;
            String problem;
            Cli.Result r;
            if (caps != null && ran >= FULL_RUNS) {
                problem = startedAndStopped(file, out, caps);
                r = new Cli.Result(problem == null ? 130 : -1, "", "");
                if (problem == STILL_USER_ERROR) {
                    r = Cli.run(args.toArray(String[]::new)); // a check that needs the data: see how the CLI reports it
                    problem = problem(r, out, System.nanoTime() - t0);
                }
            } else {
                r = Cli.run(args.toArray(String[]::new));
                problem = problem(r, out, System.nanoTime() - t0);
            }
            if (problem != null) {
                failures.add("mutant " + cases + " of " + lesson.getFileName() + ": " + problem + "\n--- mutant ---\n"
                        + new String(mutant, StandardCharsets.UTF_8) + "\n--- args --- " + args);
            }
            if (r.exitCode() == 0) {
                ran++;
            } else if (r.exitCode() == 130) {
                stopped++;
            }
            deleteTree(out);
        }
        System.out.println("lesson fuzz: " + cases + " mutants, " + ran + " ran to the end, " + stopped
                + " started and stopped, " + failures.size() + " problems");
        assertTrue(failures.isEmpty(), String.join("\n\n", failures));
        assertTrue(cases >= 50, "only " + cases + " mutants in the time budget");
    }

    /** What is wrong with a mutant's outcome, or null. */
    private static String problem(Cli.Result r, Path out, long took) {
        if (took > CASE_NANOS) {
            return "took " + took / 1e9 + " s";
        }
        if (r.exitCode() != 0 && r.exitCode() != 2) {
            return "exit " + r.exitCode() + ": " + r.err();
        }
        if (r.err().contains("\tat ") || r.err().contains("internal error") || r.err().contains("Exception")) {
            return "a stack trace or internal error: " + r.err();
        }
        if (r.exitCode() == 2) {
            List<String> lines = r.err().strip().lines().toList();
            if (lines.size() != 1) {
                return lines.size() + " stderr lines: " + r.err();
            }
            if (!POSITION.matcher(lines.get(0)).find()) {
                return "no position in: " + lines.get(0);
            }
            if (Files.exists(out)) {
                return "a run folder was left behind by a refused mutant: " + lines.get(0);
            }
        } else if (!Files.isRegularFile(out.resolve("summary.csv"))) {
            return "exit 0 without summary.csv";
        }
        return null;
    }

    private static final String STILL_USER_ERROR = "user error";

    /**
     * Runs a valid mutant with a stop already requested: null when it stopped as Ctrl-C does with a folder that
     * {@code run --resume} accepts (its config and fingerprint written), {@link #STILL_USER_ERROR} when a check
     * refused it, else what went wrong.
     */
    private static String startedAndStopped(Path file, Path out, List<String> caps) {
        List<String> sets = new ArrayList<>();
        for (int i = 1; i < caps.size(); i += 2) {
            sets.add(caps.get(i));
        }
        RunControl stopped = new RunControl();
        stopped.requestStop();
        RunRequest request = new RunRequest(file, Optional.of(out), out.resolveSibling("runs"), 2, sets, true, Optional.empty(),
                "fitlab run " + file + " --quick --out " + out);
        try {
            RunService.run(request, ProgressListener.SILENT, stopped);
            return Files.isRegularFile(out.resolve("summary.csv")) ? null : "finished without summary.csv";
        } catch (RunControl.Interrupted expected) {
            if (!Files.isRegularFile(out.resolve("experiment.yaml")) || !Files.isRegularFile(out.resolve("fingerprint.json"))) {
                return "stopped, but the folder lacks experiment.yaml or fingerprint.json";
            }
            return null;
        } catch (UserError | fitlab.pth.PthFormatException e) {
            return Files.exists(out) ? "refused after the folder was made: " + e.getMessage() : STILL_USER_ERROR;
        } catch (Throwable t) {
            return "threw " + t;
        }
    }

    /** --set caps on epochs and rows for a mutant that loads, so that a valid one trains in seconds. */
    private static List<String> caps(Path file) {
        Experiment e;
        try {
            e = ExperimentLoader.load(file, List.of(), true);
        } catch (UserError | fitlab.pth.PthFormatException invalid) {
            return null; // the CLI run reports the same error
        }
        List<String> caps = new ArrayList<>();
        boolean manyEpochs = false;
        boolean manyRows = false;
        for (Cell c : e.cells()) {
            manyEpochs |= c.config().training().optimizer() != OptimizerKind.LSTSQ && c.config().training().epochs() > 20;
            var d = c.config().data();
            manyRows |= d.train() > 300 || d.validation() > 300 || d.test() > 300 || d.augment().copies() > 3;
        }
        if (manyEpochs) {
            caps.addAll(List.of("--set", "training.epochs=20"));
        }
        if (manyRows) {
            caps.addAll(List.of("--set", "data.train=100", "--set", "data.validation=100", "--set", "data.test=100",
                    "--set", "data.augment.copies=1"));
        }
        if (e.cells().size() > 4) {
            caps.addAll(List.of("--set", "checkpoint.keep=last"));
        }
        return caps;
    }

    static byte[] mutate(byte[] original, SplittableRandom r) {
        int operations = 1 + (r.nextInt(4) == 0 ? 1 : 0);
        byte[] bytes = original;
        for (int i = 0; i < operations; i++) {
            bytes = mutateOnce(bytes, r);
        }
        return bytes;
    }

    private static byte[] mutateOnce(byte[] bytes, SplittableRandom r) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        List<String> lines = new ArrayList<>(Arrays.asList(text.split("\n", -1)));
        int kind = r.nextInt(9);
        switch (kind) {
            case 0 -> lines.remove(r.nextInt(lines.size()));
            case 1 -> {
                int i = r.nextInt(lines.size());
                lines.add(i, lines.get(i));
            }
            case 2 -> {
                int i = r.nextInt(lines.size());
                int j = r.nextInt(lines.size());
                String t = lines.get(i);
                lines.set(i, lines.get(j));
                lines.set(j, t);
            }
            case 3, 4 -> {
                return replaceValue(text, r, kind == 3 ? EXTREMES : OTHER_TYPES).getBytes(StandardCharsets.UTF_8);
            }
            case 5 -> {
                return Arrays.copyOf(bytes, r.nextInt(bytes.length + 1));
            }
            case 6 -> {
                int at = r.nextInt(bytes.length + 1);
                byte[] out = new byte[bytes.length + 1];
                System.arraycopy(bytes, 0, out, 0, at);
                out[at] = INJECTED[r.nextInt(INJECTED.length)];
                System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
                return out;
            }
            case 7 -> {
                int i = r.nextInt(lines.size());
                lines.set(i, r.nextBoolean() ? " " + lines.get(i) : lines.get(i).stripLeading());
            }
            default -> {
                return negateOrScale(text, r).getBytes(StandardCharsets.UTF_8);
            }
        }
        return String.join("\n", lines).getBytes(StandardCharsets.UTF_8);
    }

    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(\\.\\d+)?([eE][+-]?\\d+)?(?![\\w.])");
    private static final Pattern VALUE = Pattern.compile("(?m)(:\\s*)([^\\s#{\\[][^#\\n]*?)\\s*$");

    /** Replaces one number (or, when there is none, one scalar value after a colon) with one of {@code values}. */
    private static String replaceValue(String text, SplittableRandom r, String[] values) {
        List<int[]> spans = new ArrayList<>();
        var m = (values == EXTREMES ? NUMBER : VALUE).matcher(text);
        while (m.find()) {
            int g = values == EXTREMES ? 0 : 2;
            spans.add(new int[] {m.start(g), m.end(g)});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        return text.substring(0, s[0]) + values[r.nextInt(values.length)] + text.substring(s[1]);
    }

    private static String negateOrScale(String text, SplittableRandom r) {
        List<int[]> spans = new ArrayList<>();
        var m = NUMBER.matcher(text);
        while (m.find()) {
            spans.add(new int[] {m.start(), m.end()});
        }
        if (spans.isEmpty()) {
            return text;
        }
        int[] s = spans.get(r.nextInt(spans.size()));
        String n = text.substring(s[0], s[1]);
        String replaced = switch (r.nextInt(3)) {
            case 0 -> n.startsWith("-") ? n.substring(1) : "-" + n;
            case 1 -> n + "000";
            default -> n + "e6";
        };
        return text.substring(0, s[0]) + replaced + text.substring(s[1]);
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
