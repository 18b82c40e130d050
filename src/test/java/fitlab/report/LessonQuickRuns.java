package fitlab.report;

import fitlab.experiment.ProgressListener;
import fitlab.experiment.RunRequest;
import fitlab.experiment.RunService;
import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every bundled lesson's {@code --quick} run, trained once per test JVM (training only, no report) and shared. */
final class LessonQuickRuns {
    private static final Map<String, RunFolder> RUNS = new TreeMap<>();

    private LessonQuickRuns() {}

    /** The lesson file stems, e.g. {@code 01-polynomial-degree}, in order. */
    static List<String> lessons() {
        try (Stream<Path> files = Files.list(Path.of("experiments"))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("\\d\\d-.*\\.yaml"))
                    .map(n -> n.substring(0, n.length() - ".yaml".length())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A lesson's full run (not --quick), trained once per test JVM. */
    static synchronized Path full(String lesson) {
        return FULL.computeIfAbsent(lesson, l -> {
            Path yaml = Path.of("experiments", l + ".yaml").toAbsolutePath();
            Path out = SmallRuns.root().resolve("full-" + l);
            return RunService.run(new RunRequest(yaml, Optional.of(out), SmallRuns.root(), 2, List.of(), false, Optional.empty(),
                    "fitlab test"), ProgressListener.SILENT).folder().root();
        });
    }

    private static final Map<String, Path> FULL = new TreeMap<>();

    /**
     * A folder of finished --quick runs, one per lesson stem ({@code -Dfitlab.quickRuns=DIR}): a developer checking
     * chart layout over and over reuses them instead of training all lessons again in every test JVM.
     */
    static final String REUSE = "fitlab.quickRuns";

    static synchronized RunFolder get(String lesson) {
        return RUNS.computeIfAbsent(lesson, l -> {
            String reuse = System.getProperty(REUSE);
            if (reuse != null && Files.isRegularFile(Path.of(reuse, l, RunFolder.SUMMARY))) {
                return RunFolder.existing(Path.of(reuse, l));
            }
            Path yaml = Path.of("experiments", l + ".yaml").toAbsolutePath();
            Path out = SmallRuns.root().resolve("lesson-" + l);
            return RunService.run(new RunRequest(yaml, Optional.of(out), SmallRuns.root(), 2, List.of(), true, Optional.empty(),
                    "fitlab test"), ProgressListener.SILENT).folder();
        });
    }
}
