package fitlab.experiment;

import fitlab.UserError;
import fitlab.checkpoint.Checkpoints;
import fitlab.checkpoint.WholeModels;
import fitlab.config.Cell;
import fitlab.io.AtomicFiles;
import fitlab.pth.PthReader;
import fitlab.pth.PyObject;
import fitlab.pth.PyTuple;
import fitlab.pth.Tensor;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CsvRows;
import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code refactor-check.csv} (lesson 06): every cell that saves a whole model has both kinds of file; each is loaded
 * as a program would after a refactor that renamed the program's own model classes (every pickled class outside
 * {@code torch.}), i.e. with a class registry that lacks their old names. The state_dict names no class and loads; a
 * whole model that pickles one of the program's classes (the polynomial model) fails. A whole model made of torch's
 * classes only (an {@code nn.Sequential} MLP) survives a refactor of the program's code; it binds to torch's module
 * paths instead, and the row says so by loading.
 */
final class RefactorCheck {
    static final String FILE = "refactor-check.csv";
    static final String HEADER = "file,kind,bytes,tensors,classes,loads_after_rename,error";

    private RefactorCheck() {}

    /** One file's line: what it holds and whether it loads after the rename. */
    record Outcome(String file, String kind, long bytes, int tensors, List<String> classes, boolean loads, String error) {
        String csv() {
            return String.join(",", CsvRows.quote(file), kind, Long.toString(bytes), Integer.toString(tensors),
                    CsvRows.quote(String.join(" ", classes)), Boolean.toString(loads), CsvRows.quote(error));
        }
    }

    /** Writes the file when a cell saves whole models; nothing otherwise. */
    static void write(RunFolder run, List<Cell> cells) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        boolean any = false;
        for (Cell cell : cells) {
            CellFolder folder = run.cell(cell.id());
            if (!cell.config().checkpoint().wholeModel() || !Files.isRegularFile(folder.wholeModel())) {
                continue;
            }
            any = true;
            csv.append(stateDict(run, folder.last()).csv()).append('\n');
            csv.append(wholeModel(run, folder.wholeModel()).csv()).append('\n');
        }
        if (any) {
            AtomicFiles.write(run.root().resolve(FILE), csv.toString());
        }
    }

    /** A checkpoint: the model's state_dict (names and tensors) plus training state; rebuilt without any class name. */
    static Outcome stateDict(RunFolder run, Path file) {
        String name = relative(run, file);
        try {
            var checkpoint = Checkpoints.read(file);
            int tensors = checkpoint.modelStateDict().size();
            Checkpoints.rebuild(checkpoint);
            return new Outcome(name, "state_dict", size(file), tensors, List.of(), true, "");
        } catch (UserError e) {
            return new Outcome(name, "state_dict", size(file), 0, List.of(), false, oneLine(e));
        }
    }

    /** A whole-model file, loaded with a registry from which the program's own classes were renamed away. */
    static Outcome wholeModel(RunFolder run, Path file) {
        String name = relative(run, file);
        PyObject root = (PyObject) PthReader.read(file, n -> true);
        TreeSet<String> classes = new TreeSet<>();
        int tensors = walk(root, classes);
        Set<String> afterRename = new TreeSet<>(WholeModels.KNOWN_CLASSES);
        afterRename.removeIf(c -> classes.contains(c) && !c.startsWith("torch."));
        try {
            WholeModels.fromPyObject(root, Path.of(name), afterRename);
            return new Outcome(name, "whole_model", size(file), tensors, List.copyOf(classes), true, "");
        } catch (UserError e) {
            return new Outcome(name, "whole_model", size(file), tensors, List.copyOf(classes), false, oneLine(e));
        }
    }

    /** Collects the class names in the object graph; returns the number of tensors in it. */
    private static int walk(Object value, Set<String> classes) {
        if (value instanceof Tensor) {
            return 1;
        }
        int n = 0;
        if (value instanceof PyObject o) {
            classes.add(o.className());
            n += walk(o.state(), classes);
        } else if (value instanceof Map<?, ?> m) {
            for (Object v : m.values()) {
                n += walk(v, classes);
            }
        } else if (value instanceof List<?> || value instanceof PyTuple) {
            for (Object v : value instanceof PyTuple t ? t.items() : (List<?>) value) {
                n += walk(v, classes);
            }
        }
        return n;
    }

    private static String relative(RunFolder run, Path file) {
        return run.root().relativize(file).toString().replace('\\', '/');
    }

    private static String oneLine(UserError e) {
        return e.getMessage().lines().findFirst().orElse("");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read its size: " + e.getMessage());
        }
    }
}
