package fitlab.cli;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.io.PortableNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file and folder name fitlab writes for every bundled lesson (run folder, cells, checkpoints, report, charts)
 * is a valid Windows file name, and no two names in one folder differ only in case (one file on Windows and macOS).
 * Each lesson runs its --quick sweep, so the cell ids are the real ones, but only a few epochs unless it sweeps the
 * epochs: how long a cell trains changes no name but the epoch-NNNN numbers, which are always four digits.
 */
class WindowsFileNamesTest {
    @TempDir
    Path dir;

    static Stream<String> lessons() {
        return BundledExperiments.lessons(Path.of("experiments")).stream().map(p -> p.getFileName().toString());
    }

    @ParameterizedTest
    @MethodSource("lessons")
    void everyNameALessonWritesIsValidOnWindows(String lesson) throws IOException {
        Path yaml = Path.of("experiments", lesson);
        Experiment quick = ExperimentLoader.load(yaml, List.of(), true);
        List<String> args = new ArrayList<>(List.of("run", yaml.toString(), "--quick", "--out", dir.resolve("run").toString(), "--threads", "2"));
        boolean sweepsEpochs = quick.sweep().stream().anyMatch(a -> a.path().equals("training.epochs"));
        if (!sweepsEpochs) {
            args.addAll(List.of("--set", "training.epochs=40"));
        }
        Cli.Result r = Cli.run(args.toArray(String[]::new));
        assertEquals(0, r.exitCode(), r.err());
        if (lesson.startsWith("01-")) {
            // resume writes cells/<id>@resume-from-<E>/: covered once
            Cli.Result resumed = Cli.run("resume", dir.resolve("run").toString(), "--cell", quick.cells().get(0).id(), "--from-epoch", "25",
                    "--epochs", "10");
            assertEquals(0, resumed.exitCode(), resumed.err());
        }
        List<String> problems = new ArrayList<>();
        int[] names = {0};
        try (Stream<Path> s = Files.walk(dir.resolve("run"))) {
            s.forEach(p -> {
                if (!p.equals(dir.resolve("run"))) {
                    names[0]++;
                    PortableNames.problem(p.getFileName().toString()).ifPresent(problems::add);
                }
            });
        }
        try (Stream<Path> s = Files.walk(dir.resolve("run"))) {
            for (Path folder : s.filter(Files::isDirectory).toList()) {
                Map<String, String> seen = new HashMap<>();
                try (Stream<Path> children = Files.list(folder)) {
                    for (Path c : children.toList()) {
                        String name = c.getFileName().toString();
                        String clash = seen.put(name.toLowerCase(Locale.ROOT), name);
                        if (clash != null) {
                            problems.add(folder + ": '" + clash + "' and '" + name + "' differ only in case");
                        }
                    }
                }
            }
        }
        assertTrue(names[0] > 20, "a run writes many files: " + names[0]);
        assertEquals(List.of(), problems, lesson);
    }
}
