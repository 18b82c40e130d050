package fitlab.merge;

import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fitlab.UserError;
import fitlab.config.Cell;
import fitlab.config.ConfigWriter;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.experiment.RunService;
import fitlab.io.AtomicFiles;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.ClassRecord;
import fitlab.runfolder.ConfigHash;
import fitlab.runfolder.DataDirs;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.SummaryTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Joins finished runs of one lesson that differ only in {@code seed} (one per student) into a class run: the
 * lesson's config with {@code seed} added as the last swept axis, so the class run is exactly the run folder that
 * sweeping those seeds would write (cell {@code degree=4} of the student with seed 12 becomes {@code degree=4,seed=12},
 * with the same checkpoints and metrics), plus {@code class.json} with each student's own diagnoses.
 */
final class ClassMerge {
    static final String SEED = "seed";
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    /** One student's run: its seed, its folder, its config as a tree and as an experiment. */
    record Student(long seed, RunFolder folder, Map<String, Object> tree, Experiment experiment) {}

    private ClassMerge() {}

    /** Checks that the runs form a class and returns them in seed order; writes nothing. */
    static List<Student> check(List<RunFolder> runs) {
        if (runs.size() < 2) {
            throw new UserError(runs.get(0).root() + ": a class run joins at least two students' runs (or give all the shard folders of one sweep)");
        }
        List<Student> students = new ArrayList<>();
        for (RunFolder run : runs) {
            if (ClassRecord.STORE.exists(run)) {
                throw new UserError(run.root() + ": is a class run already; merge the students' own runs");
            }
            Map<String, Object> tree = tree(run.experimentYaml());
            Experiment experiment = ExperimentLoader.load(run.experimentYaml(), List.of(), false);
            long seed = experiment.base().seed();
            var axis = experiment.sweep().stream().filter(a -> a.path().equals(SEED)).findFirst();
            if (axis.isPresent()) {
                // a lesson that sweeps seed itself (bias-variance): each student sweeps just their own one
                if (axis.get().values().size() != 1) {
                    throw new UserError(run.experimentYaml() + ": sweeps " + axis.get().values().size() + " seeds; in a class run each "
                            + "student's run has one seed (for a lesson that sweeps seed: --set 'sweep.seed=[N]')");
                }
                seed = ((Number) fitlab.config.yaml.YamlNode.toPlain(axis.get().values().get(0))).longValue();
            }
            for (Cell c : experiment.cells()) {
                if (!Files.isRegularFile(run.cell(c.id()).summaryJson())) {
                    throw new UserError("cell " + c.id() + " of " + run.root() + " is unfinished (no summary.json); finish it with "
                            + "fitlab run --resume " + run.root());
                }
            }
            students.add(new Student(seed, run, tree, experiment));
        }
        Student first = students.get(0);
        Set<Long> seeds = new HashSet<>();
        for (Student s : students) {
            String diff = firstDifference("", withoutSeed(first.tree()), withoutSeed(s.tree()));
            if (diff != null) {
                throw new UserError(s.folder().experimentYaml() + ": differs from " + first.folder().experimentYaml() + " in " + diff
                        + "; a class run joins runs of one lesson that differ only in seed");
            }
            if (!seeds.add(s.seed())) {
                Student other = students.stream().filter(t -> t.seed() == s.seed()).findFirst().orElseThrow();
                throw new UserError("seed " + s.seed() + " given twice: " + other.folder().root() + " and " + s.folder().root()
                        + "; every student's run needs its own seed (fitlab run LESSON.yaml --set seed=N)");
            }
        }
        students.sort(java.util.Comparator.comparingLong(Student::seed));
        return students;
    }

    /**
     * Writes the class run into {@code out} (new or empty, whose lock the caller holds) after {@link #check}.
     *
     * @return one line per point of the lesson's sweep: how many students' own runs found it underfit, good, overfit
     */
    static List<String> write(List<Student> students, RunFolder out, String command) {
        Map<String, int[]> counts = new LinkedHashMap<>();
        Experiment klass = classExperiment(students);
        AtomicFiles.write(out.commandTxt(), command + "\n");
        AtomicFiles.write(out.experimentYaml(), ConfigWriter.toYaml(klass));
        Map<String, String> dirs = DataDirs.of(klass.cells());
        Map<Long, Map<String, String>> verdicts = new LinkedHashMap<>();
        for (Student s : students) {
            verdicts.put(s.seed(), ownDiagnoses(s));
        }
        Set<String> copiedData = new HashSet<>();
        List<CellSummary> summaries = new ArrayList<>();
        List<ClassRecord.Student> record = new ArrayList<>();
        Map<Long, Map<String, String>> byClassCell = new LinkedHashMap<>();
        for (Cell c : klass.cells()) {
            long seed = ((Number) c.values().get(SEED)).longValue();
            Student s = students.stream().filter(t -> t.seed() == seed).findFirst().orElseThrow();
            Cell own = ownCell(s, c);
            CellSummary summary = CellSummary.read(s.folder().cell(own.id()).summaryJson());
            String dir = dirs.get(c.id());
            if (copiedData.add(dir)) {
                copyDataFiles(s.folder().root().resolve(summary.dataDir()), out.root().resolve(dir));
            }
            Path from = s.folder().cell(own.id()).root();
            Path to = out.cell(c.id()).root();
            for (Path f : TreeFiles.list(from)) {
                if (!f.toString().equals(CellSummary.FILE)) {
                    TreeFiles.copyFile(from.resolve(f), to.resolve(f.toString()));
                }
            }
            CellSummary renamed = new CellSummary(c.id(), c.values(), summary.stopReason(), summary.stopEpoch(), summary.bestEpoch(),
                    summary.bestValidationLoss(), summary.markers(), summary.parameters(), summary.noiseFloor(), dir, summary.monitor());
            AtomicFiles.write(out.cell(c.id()).summaryJson(), renamed.toJson());
            summaries.add(renamed);
            String verdict = verdicts.get(seed).get(own.id());
            byClassCell.computeIfAbsent(seed, k -> new LinkedHashMap<>()).put(c.id(), verdict);
            int[] n = counts.computeIfAbsent(own.id(), k -> new int[4]);
            n[switch (verdict) {
                case "underfit" -> 0;
                case "good" -> 1;
                case "overfit" -> 2;
                default -> 3;
            }]++;
        }
        RunService.writeSummary(out, klass, summaries);
        for (Student s : students) {
            record.add(new ClassRecord.Student(s.seed(), s.folder().root().toAbsolutePath().normalize().toString(),
                    ConfigHash.of(s.folder().experimentYaml()), byClassCell.get(s.seed())));
        }
        new ClassRecord(klass.base().name(), record).write(out);
        List<String> lines = new ArrayList<>();
        counts.forEach((point, n) -> lines.add(String.format(java.util.Locale.ROOT, "%s: %d underfit, %d good, %d overfit%s (of %d students)",
                point, n[0], n[1], n[2], n[3] > 0 ? ", " + n[3] + " diverged" : "", students.size())));
        return lines;
    }

    /**
     * The lesson's resolved config with the students' seeds as its last swept axis, read back through the loader
     * so that its cells are expanded exactly as {@code fitlab run} expands them.
     */
    private static Experiment classExperiment(List<Student> students) {
        // the first student's config, with seed as the axis the lesson sweeps it in, or a new last axis
        Map<String, Object> tree = new LinkedHashMap<>(students.get(0).tree());
        @SuppressWarnings("unchecked")
        Map<String, Object> sweep = tree.get("sweep") instanceof Map<?, ?> m ? new LinkedHashMap<>((Map<String, Object>) m) : new LinkedHashMap<>();
        sweep.put(SEED, students.stream().map(Student::seed).toList());
        tree.put("sweep", sweep);
        try {
            Path tmp = Files.createTempFile("fitlab-class-", ".yaml");
            try {
                Files.writeString(tmp, YAML.writeValueAsString(tree));
                return ExperimentLoader.load(tmp, List.of(), false);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UserError("cannot prepare the class config: " + e.getMessage());
        }
    }

    /** The student's cell that a class cell came from: the same swept values (the seed aside unless the student swept it). */
    private static Cell ownCell(Student s, Cell classCell) {
        Map<String, Object> values = new LinkedHashMap<>(classCell.values());
        values.remove(SEED);
        return s.experiment().cells().stream().filter(c -> c.values().equals(values) || c.values().equals(classCell.values())).findFirst()
                .orElseThrow(() -> new IllegalStateException("no cell " + values + " in " + s.folder().root()));
    }

    /** The diagnoses of the student's own summary.csv, recomputed from its files (within that student's sweep). */
    private static Map<String, String> ownDiagnoses(Student s) {
        List<CellSummary> summaries = new ArrayList<>();
        List<List<MetricsRow>> metrics = new ArrayList<>();
        for (Cell c : s.experiment().cells()) {
            summaries.add(CellSummary.read(s.folder().cell(c.id()).summaryJson()));
            metrics.add(MetricsLog.read(s.folder().cell(c.id()).metrics()));
        }
        var table = SummaryTable.build(s.experiment(), summaries, metrics).toTable();
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < summaries.size(); i++) {
            out.put(table.stringColumn("cell").get(i), table.stringColumn("diagnosis").get(i));
        }
        return out;
    }

    /** The dataset files of one data folder (not the folders of other datasets nested inside {@code data/}). */
    private static void copyDataFiles(Path from, Path to) {
        try (var files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                if (!f.getFileName().toString().startsWith(".")) {
                    TreeFiles.copyFile(f, to.resolve(f.getFileName().toString()));
                }
            }
        } catch (IOException e) {
            throw new UserError("cannot read " + from + ": " + e.getMessage());
        }
    }

    private static Map<String, Object> tree(Path yaml) {
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> m = YAML.readValue(yaml.toFile(), LinkedHashMap.class);
            return m;
        } catch (IOException e) {
            throw new UserError(yaml + ": cannot read: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** The config without what makes a student's draw: {@code seed}, and {@code sweep.seed} where the lesson sweeps it. */
    private static Map<String, Object> withoutSeed(Map<String, Object> tree) {
        Map<String, Object> m = new LinkedHashMap<>(tree);
        m.remove(SEED);
        if (m.get("sweep") instanceof Map<?, ?> sweep) {
            Map<Object, Object> rest = new LinkedHashMap<>(sweep);
            rest.remove(SEED);
            if (rest.isEmpty()) {
                m.remove("sweep");
            } else {
                m.put("sweep", rest);
            }
        }
        return m;
    }

    /** The dotted path of the first field that differs ({@code data.noise (0.1 vs 0.2)}), or null. */
    private static String firstDifference(String path, Object a, Object b) {
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            Set<Object> keys = new java.util.LinkedHashSet<>(ma.keySet());
            keys.addAll(mb.keySet());
            for (Object k : keys) {
                String d = firstDifference(path.isEmpty() ? k.toString() : path + "." + k, ma.get(k), mb.get(k));
                if (d != null) {
                    return d;
                }
            }
            return null;
        }
        return Objects.equals(a, b) ? null : (path.isEmpty() ? "the config" : path) + " (" + a + " vs " + b + ")";
    }
}
