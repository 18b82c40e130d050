package fitlab.config;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;

/**
 * An experiment file, resolved: the base config (no sweep applied), the sweep axes, and the cells
 * (cartesian product of the axes, first axis outermost, values in the order written).
 *
 * @param source the YAML file it was read from (relative paths in it are resolved against its folder)
 */
public record Experiment(Path source, ExperimentConfig base, List<SweepAxis> sweep, List<Cell> cells) {
    public Experiment {
        sweep = List.copyOf(sweep);
        cells = List.copyOf(cells);
    }

    /** The folder this experiment's relative file paths ({@code data.path}, {@code model.init}) are resolved against. */
    public Path folder() {
        return folderOf(source);
    }

    /**
     * {@code file}'s folder; for a lesson read from inside fitlab's jar, which has no folder on disk, the working
     * directory, so that {@code --set data.path=mine.csv} means the file next to where fitlab was started.
     */
    public static Path folderOf(Path file) {
        Path folder = file.toAbsolutePath().getParent();
        return folder.getFileSystem() == FileSystems.getDefault() ? folder : Path.of("").toAbsolutePath();
    }

    public Cell cell(String id) {
        return cells.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow(() -> new fitlab.UserError(
                "no cell '" + id + "' in experiment " + base.name() + "; cells are: "
                        + String.join(" ", cells.stream().map(Cell::id).toList())));
    }
}
