package fitlab.experiment;

import fitlab.UserError;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.stream.Stream;

/**
 * The layout of one run (docs/architecture.md §3). An existing run folder is never overwritten: a new run gets a fresh
 * timestamped folder, and {@code --out} must name a folder that does not exist yet or is empty.
 */
public record RunFolder(Path root) {
    public static final String EXPERIMENT = "experiment.yaml";
    public static final String COMMAND = "command.txt";
    public static final String SUMMARY = "summary.csv";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    /** Creates {@code runs/<name>/<yyyyMMdd-HHmmss>} (with a suffix if that second is taken). */
    public static RunFolder createTimestamped(Path runsDir, String name, LocalDateTime now) {
        Path parent = runsDir.resolve(name);
        String stamp = STAMP.format(now);
        for (int i = 1; i < 1000; i++) {
            Path candidate = parent.resolve(i == 1 ? stamp : stamp + "-" + i);
            try {
                Files.createDirectories(parent);
                Files.createDirectory(candidate);
                return new RunFolder(candidate);
            } catch (FileAlreadyExistsException e) {
                // taken in the same second: try the next suffix
            } catch (IOException e) {
                throw new UserError("cannot create run folder " + candidate + ": " + e.getMessage());
            }
        }
        throw new UserError("cannot find a free run folder name under " + parent);
    }

    /** Uses {@code out}, which must not exist or be an empty folder. */
    public static RunFolder createAt(Path out) {
        try {
            if (Files.exists(out)) {
                if (!Files.isDirectory(out)) {
                    throw new UserError("--out " + out + ": exists and is not a folder");
                }
                try (Stream<Path> s = Files.list(out)) {
                    if (s.findAny().isPresent()) {
                        throw new UserError("--out " + out + ": folder is not empty; a run folder is never overwritten (use --resume to continue it)");
                    }
                }
            } else {
                Files.createDirectories(out);
            }
            return new RunFolder(out);
        } catch (IOException e) {
            throw new UserError("cannot create run folder " + out + ": " + e.getMessage());
        }
    }

    /** An existing run folder (for report, verify, resume). */
    public static RunFolder existing(Path root) {
        if (!Files.isRegularFile(root.resolve(EXPERIMENT))) {
            throw new UserError(root + ": not a fitlab run folder (no " + EXPERIMENT + ")");
        }
        return new RunFolder(root);
    }

    public Path experimentYaml() {
        return root.resolve(EXPERIMENT);
    }

    public Path commandTxt() {
        return root.resolve(COMMAND);
    }

    public Path dataDir() {
        return root.resolve("data");
    }

    public Path summaryCsv() {
        return root.resolve(SUMMARY);
    }

    public Path reportDir() {
        return root.resolve("report");
    }

    public Path chartsDir() {
        return reportDir().resolve("charts");
    }

    public CellFolder cell(String id) {
        return new CellFolder(root.resolve("cells").resolve(id));
    }
}
