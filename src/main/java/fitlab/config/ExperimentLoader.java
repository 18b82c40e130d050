package fitlab.config;

import fitlab.UserError;
import fitlab.config.yaml.Location;
import fitlab.config.yaml.YamlNode;
import fitlab.config.yaml.YamlReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads an experiment YAML: applies {@code --set} overrides and (with {@code --quick}) the file's
 * {@code quick:} overrides, then expands {@code sweep:} into cells, binding and validating every cell.
 */
public final class ExperimentLoader {
    /** Applied with --quick when the file has no {@code quick:} section: short enough for a smoke run. */
    private static final Map<String, String> DEFAULT_QUICK = Map.of("training.epochs", "200", "data.test", "200");

    private ExperimentLoader() {}

    public static Experiment load(Path file, List<String> sets, boolean quick) {
        return load(file, sets, quick, false);
    }

    /**
     * A run folder's own {@code experiment.yaml} (report, verify, resume, claims, merge): as {@link #load}, but keys an
     * older fitlab wrote there and this one no longer reads are dropped instead of rejected (see {@link RemovedKeys}).
     */
    public static Experiment loadRunFolder(Path experimentYaml) {
        return load(experimentYaml, List.of(), false, true);
    }

    private static Experiment load(Path file, List<String> sets, boolean quick, boolean writtenByARun) {
        YamlNode tree = YamlReader.read(file);
        if (!(tree instanceof YamlNode.Mapping root)) {
            throw new UserError(tree.location() + ": expected a mapping of keys (name:, data:, model: ...) at the top level");
        }
        YamlNode quickNode = root.get("quick");
        YamlNode sweepNode = root.get("sweep");
        YamlNode claimsNode = root.get("claims");
        root = root.without("quick").without("sweep").without("claims");
        if (writtenByARun) {
            root = RemovedKeys.dropWrittenByOlderRuns(root);
        }
        if (quick) {
            root = applyQuick(root, quickNode);
        }
        List<SweepAxis> axes = sweepAxes(sweepNode);
        List<Claim> claims = ClaimsBinder.bind(claimsNode, axes.stream().map(SweepAxis::path).toList(), cellIds(axes));
        if (quick && quickNode instanceof YamlNode.Mapping q) {
            for (YamlNode.Entry e : q.entries().values()) {
                if (e.key().startsWith("sweep.")) {
                    axes = overrideAxis(axes, e.key().substring("sweep.".length()), e.value(), e.keyLocation());
                }
            }
        }
        for (String set : sets) {
            int eq = set.indexOf('=');
            if (eq <= 0) {
                throw new UserError("--set " + set + ": expected key.path=value, e.g. --set model.degree=3");
            }
            String path = set.substring(0, eq).trim();
            Location at = new Location("--set " + set, 0, 0);
            YamlNode value = TreePaths.relocate(YamlReader.parse(set.substring(eq + 1), "--set " + set), at);
            if (path.startsWith("sweep.")) {
                axes = overrideAxis(axes, path.substring("sweep.".length()), value, at);
            } else {
                axes = axes.stream().filter(a -> !a.path().equals(path)).toList();
                root = TreePaths.set(root, path, value, at);
            }
        }
        String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "").replaceFirst("^\\d+-", "");
        Path baseDir = Experiment.folderOf(file);
        ExperimentConfig base = ConfigBinder.bind(root, defaultName, baseDir);
        Map<String, Location> locations = new LinkedHashMap<>();
        collectLocations(root, "", locations);
        List<Cell> cells = expand(root, axes, defaultName, baseDir);
        List<Claim> checkable = checkable(claims, axes, cells);
        return new Experiment(file, base, axes, cells, locations, checkable, claims.size() - checkable.size());
    }

    /** The ids of the cells the sweep (as written in the file) expands to, without binding them. */
    private static java.util.Set<String> cellIds(List<SweepAxis> axes) {
        java.util.Set<String> ids = new java.util.LinkedHashSet<>();
        if (axes.isEmpty()) {
            ids.add("base");
            return ids;
        }
        long count = 1;
        for (SweepAxis a : axes) {
            count *= a.values().size();
        }
        if (count > 100_000) {
            return ids; // expand() reports the oversized sweep with its location
        }
        int[] index = new int[axes.size()];
        for (long n = 0; n < count; n++) {
            LinkedHashMap<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < axes.size(); i++) {
                values.put(axes.get(i).path(), YamlNode.toPlain(axes.get(i).values().get(index[i])));
            }
            ids.add(CellIds.id(axes, values));
            for (int i = axes.size() - 1; i >= 0; i--) {
                if (++index[i] < axes.get(i).values().size()) {
                    break;
                }
                index[i] = 0;
            }
        }
        return ids;
    }

    /**
     * The claims this run can check: --quick or --set may shrink or replace the sweep, and a claim about a cell or
     * axis the run does not have is left out (and counted) rather than failed: it says nothing about this run.
     */
    private static List<Claim> checkable(List<Claim> claims, List<SweepAxis> axes, List<Cell> cells) {
        java.util.Set<String> ids = new java.util.HashSet<>(cells.stream().map(Cell::id).toList());
        java.util.Set<String> paths = new java.util.HashSet<>(axes.stream().map(SweepAxis::path).toList());
        return claims.stream().filter(c -> ids.containsAll(c.cells()) && paths.containsAll(c.axes())
                && paths.containsAll(c.where().keySet())).toList();
    }

    /**
     * One line per {@code --set key=value} whose key the file sweeps: the value replaces the whole sweep axis (every
     * cell uses it), which changes the lesson, so the user is told.
     */
    public static List<String> sweepReplacements(Path file, List<String> sets) {
        YamlNode tree = YamlReader.read(file);
        if (!(tree instanceof YamlNode.Mapping root) || !(root.get("sweep") instanceof YamlNode.Mapping sweep)) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String set : sets) {
            int eq = set.indexOf('=');
            String path = eq > 0 ? set.substring(0, eq).trim() : "";
            if (sweep.entries().containsKey(path)) {
                out.add("--set " + path + "=" + set.substring(eq + 1).trim() + " replaces the sweep axis " + path
                        + ": every cell uses this value (--set sweep." + path + "=[...] sweeps other values)");
            }
        }
        return out;
    }

    private static void collectLocations(YamlNode node, String path, Map<String, Location> into) {
        into.put(path, node.location());
        if (node instanceof YamlNode.Mapping m) {
            for (YamlNode.Entry e : m.entries().values()) {
                collectLocations(e.value(), path.isEmpty() ? e.key() : path + "." + e.key(), into);
            }
        }
    }

    private static YamlNode.Mapping applyQuick(YamlNode.Mapping root, YamlNode quickNode) {
        if (quickNode == null) {
            for (var e : DEFAULT_QUICK.entrySet()) {
                Location at = new Location("--quick " + e.getKey(), 0, 0);
                root = TreePaths.set(root, e.getKey(), TreePaths.relocate(YamlReader.parse(e.getValue(), "--quick"), at), at);
            }
            return root;
        }
        if (!(quickNode instanceof YamlNode.Mapping q)) {
            throw new UserError(quickNode.location() + ": quick: expected a mapping of key paths to values");
        }
        for (YamlNode.Entry e : q.entries().values()) {
            if (e.key().startsWith("sweep.")) {
                continue; // sweep overrides replace an axis, see load()
            }
            root = TreePaths.set(root, e.key(), e.value(), e.keyLocation());
        }
        return root;
    }

    private static List<SweepAxis> sweepAxes(YamlNode sweepNode) {
        List<SweepAxis> axes = new ArrayList<>();
        if (sweepNode == null || sweepNode instanceof YamlNode.Scalar s && s.isNull()) {
            return axes;
        }
        if (!(sweepNode instanceof YamlNode.Mapping m)) {
            throw new UserError(sweepNode.location() + ": sweep: expected key paths with lists, e.g. model.degree: [1, 2, 3]");
        }
        for (YamlNode.Entry e : m.entries().values()) {
            if (!(e.value() instanceof YamlNode.Sequence q) || q.items().isEmpty()) {
                throw new UserError(e.value().location() + ": sweep." + e.key() + ": expected a non-empty list of values");
            }
            axes.add(new SweepAxis(e.key(), q.items(), e.keyLocation()));
        }
        return axes;
    }

    private static List<SweepAxis> overrideAxis(List<SweepAxis> axes, String path, YamlNode value, Location at) {
        if (!(value instanceof YamlNode.Sequence q) || q.items().isEmpty()) {
            throw new UserError(at + ": a sweep override needs a non-empty list, e.g. --set sweep.model.degree=[1,3,9]");
        }
        List<SweepAxis> out = new ArrayList<>();
        boolean replaced = false;
        for (SweepAxis a : axes) {
            if (a.path().equals(path)) {
                out.add(new SweepAxis(path, q.items(), at));
                replaced = true;
            } else {
                out.add(a);
            }
        }
        if (!replaced) {
            out.add(new SweepAxis(path, q.items(), at));
        }
        return out;
    }

    private static List<Cell> expand(YamlNode.Mapping root, List<SweepAxis> axes, String defaultName, Path baseDir) {
        List<Cell> cells = new ArrayList<>();
        if (axes.isEmpty()) {
            cells.add(new Cell("base", Map.of(), ConfigBinder.bind(root, defaultName, baseDir)));
            return cells;
        }
        long count = 1;
        for (SweepAxis a : axes) {
            count *= a.values().size();
            if (count > 100_000) {
                throw new UserError(a.location() + ": sweep has more than 100000 cells");
            }
        }
        int[] index = new int[axes.size()];
        for (long n = 0; n < count; n++) {
            YamlNode.Mapping tree = root;
            LinkedHashMap<String, Object> values = new LinkedHashMap<>();
            for (int i = 0; i < axes.size(); i++) {
                SweepAxis axis = axes.get(i);
                YamlNode v = axis.values().get(index[i]);
                tree = TreePaths.set(tree, axis.path(), v, axis.location());
                values.put(axis.path(), YamlNode.toPlain(v));
            }
            cells.add(new Cell(CellIds.id(axes, values), values, ConfigBinder.bind(tree, defaultName, baseDir)));
            for (int i = axes.size() - 1; i >= 0; i--) {
                if (++index[i] < axes.get(i).values().size()) {
                    break;
                }
                index[i] = 0;
            }
        }
        // Compared ignoring case: Windows and macOS file systems would put "act=Tanh" and "act=tanh" in one folder.
        long distinct = cells.stream().map(c -> c.id().toLowerCase(java.util.Locale.ROOT)).distinct().count();
        if (distinct != cells.size()) {
            throw new UserError(axes.get(0).location() + ": sweep values repeat (ignoring case), so two cells would share an id");
        }
        return cells;
    }
}
