package fitlab.shard;

import static org.junit.jupiter.api.Assertions.*;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fitlab.cli.Cli;
import fitlab.experiment.ProgressListener;
import fitlab.experiment.RunRequest;
import fitlab.experiment.RunService;
import fitlab.runfolder.ClassRecord;
import fitlab.runfolder.RunFolder;
import fitlab.testsupport.MetricsFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Five students run one polynomial-degree lesson with their own seed; fitlab merge joins their runs into a class run.
 * The class run is the run folder a sweep over those seeds writes (byte for byte), its band is the median and 10/90 %
 * quantiles of the students' final validation losses (computed here by hand), its counts are the students' own
 * diagnoses, and bias²/variance come from the spread across students.
 */
class ClassMergeTest {
    /** charts.json keeps 5 significant digits: a relative rounding error of at most half a unit in the 5th. */
    static final double CHART_DATA = 5e-5;

    static final String LESSON = """
            name: class-lesson
            seed: 3
            data: {kind: regression1d, function: cos(1.5*pi*x), x: [0, 1], noise: 0.1, train: 15, validation: 60, test: 200}
            model: {kind: polynomial, basis: legendre, degree: 4}
            training: {optimizer: lstsq}
            early_stopping: {patience: 1}
            sweep:
              model.degree: [1, 3, 6, 12]
            """;
    static final long[] SEEDS = {21, 5, 13, 8, 34}; // not in order: the class run sorts them
    static final List<Long> SORTED = List.of(5L, 8L, 13L, 21L, 34L);
    static final int[] DEGREES = {1, 3, 6, 12};

    @TempDir
    static Path dir;
    static Path yaml;
    static Map<Long, Path> students = new LinkedHashMap<>();
    static Path klass;
    static String mergeOutput;

    @BeforeAll
    static void runs() throws IOException {
        yaml = dir.resolve("lesson.yaml");
        Files.writeString(yaml, LESSON);
        for (long seed : SEEDS) {
            Path out = dir.resolve("student-" + seed);
            RunService.run(new RunRequest(yaml, java.util.Optional.of(out), dir, 1, List.of("seed=" + seed), false,
                    java.util.Optional.empty(), "fitlab run lesson.yaml --set seed=" + seed), ProgressListener.SILENT);
            students.put(seed, out);
        }
        klass = dir.resolve("class");
        List<String> args = new ArrayList<>(List.of("merge"));
        students.values().forEach(p -> args.add(p.toString()));
        args.addAll(List.of("--out", klass.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("class run of 5 students"), r.out());
        mergeOutput = r.out();
    }

    static double finalValidation(Path run, String cell) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("cells").resolve(cell).resolve("metrics.csv"));
        return Double.parseDouble(lines.get(lines.size() - 1).split(",")[2]);
    }

    @Test
    void theBandIsTheMedianAndTenAndNinetyPercentQuantilesOfTheStudentsCurves() throws IOException {
        JsonNode chart = chart(klass, "class-capacity");
        JsonNode median = series(chart, "class median");
        JsonNode band = series(chart, "10\u201390 % of students");
        for (int p = 0; p < DEGREES.length; p++) {
            double[] v = new double[5];
            for (int s = 0; s < 5; s++) {
                v[s] = finalValidation(students.get(SORTED.get(s)), "degree=" + DEGREES[p]);
                // each student's faint curve is that student's own run
                assertEquals(v[s], series(chart, "seed " + SORTED.get(s)).get("y").get(p).asDouble(), CHART_DATA * Math.abs(v[s]));
            }
            Arrays.sort(v);
            // numpy.percentile's default (linear) on 5 values: position q*(n-1) = 0.4, 2, 3.6
            double p10 = v[0] + 0.4 * (v[1] - v[0]);
            double p50 = v[2];
            double p90 = v[3] + 0.6 * (v[4] - v[3]);
            assertEquals(DEGREES[p], median.get("x").get(p).asDouble());
            assertEquals(p50, median.get("y").get(p).asDouble(), CHART_DATA * p50, "median at degree " + DEGREES[p]);
            assertEquals(p90, band.get("y").get(p).asDouble(), CHART_DATA * p90, "90 % at degree " + DEGREES[p]);
            assertEquals(p10, band.get("y").get(2 * DEGREES.length - 1 - p).asDouble(), CHART_DATA * p10, "10 % at degree " + DEGREES[p]);
            assertTrue(p10 < p90 || v[0] == v[4]);
        }
    }

    @Test
    void theBandMatchesNumpyPercentile() throws IOException {
        JsonNode chart = chart(klass, "class-capacity");
        JsonNode median = series(chart, "class median");
        JsonNode band = series(chart, "10\u201390 % of students");
        StringBuilder values = new StringBuilder();
        for (int p = 0; p < DEGREES.length; p++) {
            for (long seed : SORTED) {
                values.append(p == 0 && seed == SORTED.get(0) ? "" : ",").append(finalValidation(students.get(seed), "degree=" + DEGREES[p]));
            }
        }
        var r = fitlab.testsupport.PyTorch.run("""
                import sys, numpy as np
                v = np.array([float(x) for x in sys.argv[1].split(',')]).reshape(-1, 5)
                for row in np.percentile(v, [10, 50, 90], axis=1).T:
                    print(' '.join(repr(float(x)) for x in row))
                """, dir, values.toString()).assertOk();
        List<String> rows = r.stdout().strip().lines().toList();
        assertEquals(DEGREES.length, rows.size());
        for (int p = 0; p < DEGREES.length; p++) {
            String[] q = rows.get(p).split(" ");
            double p10 = Double.parseDouble(q[0]), p50 = Double.parseDouble(q[1]), p90 = Double.parseDouble(q[2]);
            assertEquals(p50, median.get("y").get(p).asDouble(), CHART_DATA * p50);
            assertEquals(p90, band.get("y").get(p).asDouble(), CHART_DATA * p90);
            assertEquals(p10, band.get("y").get(2 * DEGREES.length - 1 - p).asDouble(), CHART_DATA * p10);
        }
    }

    @Test
    void theCountsAreEachStudentsOwnDiagnoses() throws IOException {
        ClassRecord record = ClassRecord.STORE.read(new RunFolder(klass));
        assertEquals(SORTED, record.students().stream().map(ClassRecord.Student::seed).toList());
        Map<String, Integer> totals = new LinkedHashMap<>();
        for (ClassRecord.Student s : record.students()) {
            Map<String, String> own = diagnoses(students.get(s.seed()).resolve("summary.csv"));
            for (int d : DEGREES) {
                assertEquals(own.get("degree=" + d), s.diagnoses().get("degree=" + d + ",seed=" + s.seed()));
                totals.merge(own.get("degree=" + d), 1, Integer::sum);
            }
        }
        assertEquals(20, totals.values().stream().mapToInt(Integer::intValue).sum());
        assertTrue(totals.containsKey("underfit") && totals.containsKey("overfit"), "degree 1 underfits, degree 12 on 15 points overfits: " + totals);
        var loaded = fitlab.report.RunLoader.load(new RunFolder(klass));
        var groups = fitlab.report.SweepGroups.along(loaded, "model.degree", c -> ((Number) c.value("model.degree")).doubleValue());
        int underfit = 0, good = 0, overfit = 0;
        for (var point : groups.get(0).points()) {
            var c = fitlab.report.ClassCapacityChart.counts(point, record);
            assertEquals(5, c.underfit() + c.good() + c.overfit() + c.diverged());
            underfit += c.underfit();
            good += c.good();
            overfit += c.overfit();
        }
        assertEquals(totals.getOrDefault("underfit", 0), underfit);
        assertEquals(totals.getOrDefault("good", 0), good);
        assertEquals(totals.getOrDefault("overfit", 0), overfit);
        for (var point : groups.get(0).points()) {
            var c = fitlab.report.ClassCapacityChart.counts(point, record);
            String line = "degree=" + (int) point.x() + ": " + c.underfit() + " underfit, " + c.good() + " good, " + c.overfit()
                    + " overfit";
            assertTrue(mergeOutput.contains(line), line + " in " + mergeOutput);
        }
    }

    @Test
    void theClassRunIsTheRunASweepOverTheSeedsWrites() throws IOException {
        Path swept = dir.resolve("swept");
        Cli.Result r = Cli.run("run", yaml.toString(), "--out", swept.toString(), "--set", "seed=5", "--set", "sweep.seed=[5,8,13,21,34]");
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(Files.readAllBytes(swept.resolve("experiment.yaml")), Files.readAllBytes(klass.resolve("experiment.yaml")));
        assertArrayEquals(Files.readAllBytes(swept.resolve("summary.csv")), Files.readAllBytes(klass.resolve("summary.csv")));
        List<String> files = SameRun.tree(swept, "data", "cells");
        assertEquals(files, SameRun.tree(klass, "data", "cells"));
        for (String f : files) {
            if (f.endsWith("/metrics.csv")) {
                assertEquals(MetricsFiles.withoutSeconds(swept.resolve(f)), MetricsFiles.withoutSeconds(klass.resolve(f)), f);
            } else {
                assertArrayEquals(Files.readAllBytes(swept.resolve(f)), Files.readAllBytes(klass.resolve(f)), f);
            }
        }
        // the class run draws every chart the swept run draws, with the same data, plus its own
        JsonNode sweptCharts = charts(swept);
        List<JsonNode> classCharts = new ArrayList<>();
        charts(klass).forEach(c -> {
            if (!c.get("name").asText().startsWith("class-capacity")) {
                classCharts.add(c);
            }
        });
        List<JsonNode> expected = new ArrayList<>();
        sweptCharts.forEach(expected::add);
        assertEquals(expected, classCharts);
        assertTrue(expected.stream().anyMatch(c -> c.get("name").asText().equals("bias-variance")), "bias\u00b2 and variance across students");
        Cli.Result v = Cli.run("verify", klass.toString());
        assertEquals(0, v.exitCode(), v.out() + v.err());
    }

    @Test
    void aLessonThatSweepsSeedItselfJoinsOneSeedPerStudent() throws IOException {
        Path lesson = dir.resolve("bias-variance.yaml");
        Files.writeString(lesson, LESSON.replace("model.degree: [1, 3, 6, 12]", "model.degree: [1, 6]\n  seed: [0, 1, 2]"));
        List<String> args = new ArrayList<>(List.of("merge"));
        for (long seed : new long[] {9, 2, 4}) {
            Path out = dir.resolve("bv-student-" + seed);
            RunService.run(new RunRequest(lesson, java.util.Optional.of(out), dir, 1, List.of("sweep.seed=[" + seed + "]"), false,
                    java.util.Optional.empty(), "t"), ProgressListener.SILENT);
            args.add(out.toString());
        }
        Path bv = dir.resolve("bv-class");
        args.addAll(List.of("--out", bv.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        Path swept = dir.resolve("bv-swept");
        r = Cli.run("run", lesson.toString(), "--out", swept.toString(), "--set", "sweep.seed=[2,4,9]");
        assertEquals(0, r.exitCode(), r.err());
        assertArrayEquals(Files.readAllBytes(swept.resolve("experiment.yaml")), Files.readAllBytes(bv.resolve("experiment.yaml")));
        assertArrayEquals(Files.readAllBytes(swept.resolve("summary.csv")), Files.readAllBytes(bv.resolve("summary.csv")));
        for (String f : SameRun.tree(swept, "data", "cells")) {
            if (!f.endsWith("/metrics.csv")) {
                assertArrayEquals(Files.readAllBytes(swept.resolve(f)), Files.readAllBytes(bv.resolve(f)), f);
            }
        }
        assertEquals(List.of(2L, 4L, 9L), ClassRecord.STORE.read(new RunFolder(bv)).students().stream().map(ClassRecord.Student::seed).toList());
        Path many = dir.resolve("bv-two-seeds");
        RunService.run(new RunRequest(lesson, java.util.Optional.of(many), dir, 1, List.of("sweep.seed=[30,31]"), false,
                java.util.Optional.empty(), "t"), ProgressListener.SILENT);
        refused("sweeps 2 seeds; in a class run each student's run has one seed", null, many, dir.resolve("bv-student-2"));
    }

    @Test
    void runsThatDoNotFormAClassAreRefused() throws IOException {
        Path noisy = dir.resolve("noisier");
        RunService.run(new RunRequest(yaml, java.util.Optional.of(noisy), dir, 1, List.of("seed=99", "data.noise=0.2"), false,
                java.util.Optional.empty(), "t"), ProgressListener.SILENT);
        refused("differs from", "in data.noise (0.1 vs 0.2)", students.get(5L), noisy);
        Path twin = dir.resolve("twin-5");
        SameRun.copyTree(students.get(5L), twin);
        refused("seed 5 given twice", null, students.get(5L), students.get(8L), twin);
        refused("a class run joins at least two students' runs", null, students.get(5L));
        Path unfinished = dir.resolve("unfinished-8");
        SameRun.copyTree(students.get(8L), unfinished);
        Files.delete(unfinished.resolve("cells/degree=6/summary.json"));
        refused("cell degree=6 of " + unfinished + " is unfinished", null, students.get(5L), unfinished);
        refused("is a class run already", null, klass, students.get(5L));
    }

    private static void refused(String expected, String also, Path... in) {
        Path out = dir.resolve("refused-" + System.nanoTime());
        List<String> args = new ArrayList<>(List.of("merge"));
        for (Path p : in) {
            args.add(p.toString());
        }
        args.addAll(List.of("--out", out.toString()));
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(2, r.exitCode(), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertTrue(also == null || r.err().contains(also), r.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    private static Map<String, String> diagnoses(Path summaryCsv) throws IOException {
        List<String> lines = Files.readAllLines(summaryCsv);
        List<String> head = List.of(lines.get(0).split(","));
        int cell = head.indexOf("cell"), diagnosis = head.indexOf("diagnosis");
        Map<String, String> out = new LinkedHashMap<>();
        for (String l : lines.subList(1, lines.size())) {
            String[] f = l.split(",");
            out.put(f[cell], f[diagnosis]);
        }
        return out;
    }

    static JsonNode charts(Path run) throws IOException {
        return new ObjectMapper().readTree(run.resolve("report/charts/charts.json").toFile());
    }

    static JsonNode chart(Path run, String name) throws IOException {
        for (JsonNode c : charts(run)) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no chart " + name);
    }

    static JsonNode series(JsonNode chart, String name) {
        for (JsonNode s : chart.get("series")) {
            if (s.get("name").asText().equals(name)) {
                return s;
            }
        }
        throw new AssertionError("no series " + name + " in " + chart.get("name"));
    }
}
