package fitlab.report;

import fitlab.experiment.ProgressListener;
import fitlab.experiment.RunRequest;
import fitlab.experiment.RunService;
import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Small real run folders for the report tests, trained once per test JVM by {@link RunService} (a few cells, tens of
 * epochs, small data sets) and deleted when the JVM exits.
 */
final class SmallRuns {
    private static final String COMMON = """
            seed: 0
            data:
              kind: regression1d
              function: cos(1.5*pi*x)
              x: [0, 1]
              noise: 0.1
              train: 12
              validation: 30
              test: 200
            model:
              kind: polynomial
              basis: legendre
            report:
              language: en
            """;

    /** Least squares, degrees 1..20 on 12 points, three seeds: capacity, double descent, bias-variance, fits. */
    static final String LSTSQ = "name: lstsq-degree\nquestion:\n  en: Which degree?\n  zh: 几次最好？\n" + COMMON + """
            training:
              optimizer: lstsq
            sweep:
              model.degree: [1, 3, 9, 11, 20]
              seed: [0, 1, 2]
            """;

    /** Adam with early stopping that really stops: loss curves with stop point and markers, fit evolution. */
    static final String ADAM = "name: adam-degree\nquestion: Does early stopping help?\n" + COMMON + """
            training:
              optimizer: adam
              lr: 0.05
              epochs: 60
            early_stopping:
              patience: 5
              action: stop
            sweep:
              model.degree: [1, 9]
            """;

    /** Learning curve: a cubic by least squares on 8, 16 and 48 points, two seeds. */
    static final String LEARNING = "name: learning\nquestion: How much data?\n" + COMMON.replace("train: 12", "train: 20").replace("basis: legendre", "basis: legendre\n  degree: 3") + """
            training:
              optimizer: lstsq
            sweep:
              data.train: [8, 16, 48]
              seed: [0, 1]
            """;

    /** Two swept penalties (no penalty among them) on an overfitting degree 9: the setting curves, one line per L1. */
    static final String PENALTY = "name: penalty\nquestion: How strong a penalty?\n" + COMMON.replace("basis: legendre", "basis: legendre\n  degree: 9") + """
            training:
              optimizer: adam
              lr: 0.05
              epochs: 30
            sweep:
              training.weight_decay: [0, 0.001, 0.1, 1]
              training.l1: [0, 0.001, 0.01]
            """;

    /** SGD from a crawl to divergence: a setting curve with a diverged value. */
    static final String LEARNING_RATE = "name: lr\nquestion: Which learning rate?\n" + COMMON.replace("basis: legendre", "basis: legendre\n  degree: 3") + """
            training:
              optimizer: sgd
              epochs: 40
            sweep:
              training.lr: [0.001, 0.1, 1000]
            """;

    /** 2-D classification: an MLP on moons, two widths. */
    static final String MOONS = """
            name: moons
            question: How wide?
            seed: 0
            data:
              kind: moons
              noise: 0.2
              train: 60
              validation: 40
              test: 100
            model:
              kind: mlp
              hidden: [8]
              activation: tanh
            training:
              optimizer: adam
              lr: 0.05
              epochs: 40
            checkpoint:
              keep: last
            sweep:
              model.hidden: [[2], [16]]
            """;

    private static final Map<String, RunFolder> RUNS = new HashMap<>();
    private static Path root;

    private SmallRuns() {}

    static synchronized RunFolder get(String yaml) {
        return RUNS.computeIfAbsent(yaml, SmallRuns::train);
    }

    /** A fresh copy of a trained run (for tests that write into it). */
    static RunFolder copy(String yaml) {
        RunFolder original = get(yaml);
        try {
            Path target = Files.createTempDirectory(root(), "copy");
            try (Stream<Path> files = Files.walk(original.root())) {
                for (Path p : files.toList()) {
                    Path to = target.resolve(original.root().relativize(p).toString());
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(to);
                    } else {
                        Files.copy(p, to);
                    }
                }
            }
            return RunFolder.existing(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(String name, String yaml) {
        try {
            Path file = Files.createTempDirectory(root(), "yaml").resolve(name + ".yaml");
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunFolder train(String yaml) {
        Path file = write("experiment", yaml);
        Path out = file.resolveSibling("run");
        return RunService.run(new RunRequest(file, Optional.of(out), root(), 2, List.of(), false, Optional.empty(), "fitlab test"),
                ProgressListener.SILENT).folder();
    }

    static synchronized Path root() {
        if (root == null) {
            try {
                root = Files.createTempDirectory("fitlab-report-tests");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Path r = root;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(r)));
        }
        return root;
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort at exit
        }
    }

    static LoadedRun load(String yaml) {
        return RunLoader.load(get(yaml));
    }

    static Messages messages(String language) {
        return Messages.forLanguage(language, notice -> {
            throw new AssertionError("unexpected notice: " + notice);
        });
    }
}
