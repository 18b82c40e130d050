package fitlab.runfolder;

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
        return createTimestamped(runsDir, name, now, "");
    }

    /** As above, with {@code suffix} after the timestamp (e.g. {@code -shard-2-of-5}). */
    public static RunFolder createTimestamped(Path runsDir, String name, LocalDateTime now, String suffix) {
        Path parent = runsDir.resolve(name);
        String stamp = STAMP.format(now) + suffix;
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

    /**
     * Fails unless {@code out} can become a run folder: it does not exist, or is a folder that is empty or holds only
     * what a run killed in its first moment leaves (see {@link #isUnstarted}). Checked before anything is written.
     */
    public static void checkUsable(Path out) {
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserError("--out " + out + ": exists and is not a folder");
        }
        if (Files.isDirectory(out) && !isUnstarted(out)) {
            throw new UserError("--out " + out + ": folder is not empty; a run folder is never overwritten (use --resume to continue it)");
        }
    }

    /**
     * Whether a folder holds nothing of a run: it is empty, or holds only the lock file, {@code command.txt} and temp
     * files of atomic writes, which is what a run killed before it wrote its {@code experiment.yaml} leaves. Such a
     * folder may be used by {@code run --out} again (the lock keeps out a run that is still going).
     */
    public static boolean isUnstarted(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString())
                    .allMatch(n -> n.equals(RunLock.FILE) || n.equals(COMMAND) || n.startsWith(".") && n.endsWith(".tmp"));
        } catch (IOException e) {
            throw new UserError("cannot list " + dir + ": " + e.getMessage());
        }
    }

    /** Uses {@code out}, which must not exist or be an empty (or unstarted, see {@link #isUnstarted}) folder. */
    public static RunFolder createAt(Path out) {
        checkUsable(out);
        try {
            Files.createDirectories(out);
            return new RunFolder(out);
        } catch (IOException e) {
            throw new UserError("cannot create run folder " + out + ": " + e.getMessage());
        }
    }

    /** An existing run folder (for report, verify, resume). */
    public static RunFolder existing(Path root) {
        if (!Files.isRegularFile(root.resolve(EXPERIMENT))) {
            if (Files.isDirectory(root) && isUnstarted(root)) {
                // an empty folder may be anything, so the message says both what it is not and what it may be
                throw new UserError(root + ": not a fitlab run folder (no " + EXPERIMENT + "); a run stopped before it started "
                        + "leaves a folder like this, with nothing to continue: start it again with: " + restartCommand(root));
            }
            throw new UserError(root + ": not a fitlab run folder (no " + EXPERIMENT + ")");
        }
        return new RunFolder(root);
    }

    /** The recorded command, with {@code --out} naming this folder when it had none (run --out accepts the folder). */
    private static String restartCommand(Path root) {
        String command = "";
        try {
            if (Files.isRegularFile(root.resolve(COMMAND))) {
                command = Files.readString(root.resolve(COMMAND)).strip();
            }
        } catch (IOException e) {
            command = ""; // the generic command below still works
        }
        if (command.isEmpty()) {
            return "fitlab run EXPERIMENT.yaml --out " + root;
        }
        String line = command.startsWith("fitlab ") ? command : "fitlab " + command;
        return line.contains(" --out") ? line : line + " --out " + root;
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
