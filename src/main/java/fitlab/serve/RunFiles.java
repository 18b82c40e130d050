package fitlab.serve;

import fitlab.runfolder.CellFolder;
import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The files a page may download, found by run id, cell id and a fixed file name, never by a path from the request:
 * the run is one this server started, the cell one its training reported, the name one of {@link #CELL_FILES}; the
 * report's files are matched by name against a listing of the report folder. A file reached through a symbolic link,
 * or resolving outside the runs folder, is refused.
 */
final class RunFiles {
    static final List<String> CELL_FILES = List.of("best.pth", "last.pth", "metrics.csv", "summary.json", "model.whole.pth");

    private final Path runsRoot;

    RunFiles(Path runsDir) {
        this.runsRoot = runsDir.toAbsolutePath().normalize();
    }

    Optional<Path> cellFile(LiveRun run, String cellId, String name) {
        if (!CELL_FILES.contains(name) || run.existingCell(cellId).isEmpty() || run.folder().isEmpty()) {
            return Optional.empty();
        }
        CellFolder cell = run.folder().get().cell(run.existingCell(cellId).get().id());
        Path file = switch (name) {
            case "best.pth" -> cell.best();
            case "last.pth" -> cell.last();
            case "metrics.csv" -> cell.metrics();
            case "model.whole.pth" -> cell.wholeModel(); // lesson 06's pickled model, next to its state_dict files
            default -> cell.summaryJson();
        };
        return safe(file);
    }

    /** {@code index.html}, {@code charts/<name>} ... of the run's report folder, by exact relative name. */
    Optional<Path> reportFile(LiveRun run, String relative) {
        if (run.folder().isEmpty()) {
            return Optional.empty();
        }
        RunFolder f = run.folder().get();
        return Optional.ofNullable(listing(f.reportDir()).get(relative)).flatMap(this::safe);
    }

    private static Map<String, Path> listing(Path dir) {
        Map<String, Path> out = new LinkedHashMap<>();
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            return out;
        }
        try (Stream<Path> walk = Files.walk(dir, 3)) {
            walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .forEach(p -> out.put(dir.relativize(p).toString().replace('\\', '/'), p));
        } catch (IOException | java.io.UncheckedIOException e) {
            return Map.of();
        }
        return out;
    }

    /** The file, when it is a regular file (not a link) whose real location is where the runs folder says it is. */
    private Optional<Path> safe(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        if (!abs.startsWith(runsRoot) || !Files.isRegularFile(abs, LinkOption.NOFOLLOW_LINKS)) {
            return Optional.empty();
        }
        try {
            Path expected = runsRoot.toRealPath().resolve(runsRoot.relativize(abs));
            return abs.toRealPath().equals(expected) ? Optional.of(abs) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
