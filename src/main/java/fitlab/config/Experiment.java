package fitlab.config;

import java.nio.file.FileSystems;
import fitlab.config.yaml.Location;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An experiment file, resolved: the base config (no sweep applied), the sweep axes, and the cells
 * (cartesian product of the axes, first axis outermost, values in the order written).
 *
 * @param source    the YAML file it was read from (relative paths in it are resolved against its folder)
 * @param locations where each key path of the base config ({@code data.function}) was written: checks that run
 *                  after binding (the function over the x range, files, memory) report the value's position
 * @param claims    the lesson's claims this run can check (its cells and axes are in the run's sweep)
 * @param claimsNotChecked how many claims of the file were left out because --quick or --set changed the sweep
 */
public record Experiment(Path source, ExperimentConfig base, List<SweepAxis> sweep, List<Cell> cells,
                         Map<String, Location> locations, List<Claim> claims, int claimsNotChecked) {
    public Experiment {
        sweep = List.copyOf(sweep);
        cells = List.copyOf(cells);
        locations = Map.copyOf(locations);
        claims = List.copyOf(claims);
    }

    public Experiment(Path source, ExperimentConfig base, List<SweepAxis> sweep, List<Cell> cells,
                      Map<String, Location> locations) {
        this(source, base, sweep, cells, locations, List.of(), 0);
    }

    public Experiment(Path source, ExperimentConfig base, List<SweepAxis> sweep, List<Cell> cells) {
        this(source, base, sweep, cells, Map.of());
    }

    /**
     * Where the value at {@code path} (e.g. {@code data.function}) was written: the sweep axis that sets it, else the
     * key in the file (or {@code --set}), else its closest enclosing section, else the file itself.
     */
    public Location locationOf(String path) {
        for (SweepAxis a : sweep) {
            if (a.path().equals(path) || path.startsWith(a.path() + ".") || a.path().startsWith(path + ".")) {
                return a.location();
            }
        }
        for (String p = path; !p.isEmpty(); p = p.contains(".") ? p.substring(0, p.lastIndexOf('.')) : "") {
            Location at = locations.get(p);
            if (at != null) {
                return at;
            }
        }
        return locations.getOrDefault("", new Location(String.valueOf(source), 0, 0));
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
