package fitlab.experiment;

import fitlab.UserError;
import fitlab.checkpoint.InitialWeights;
import fitlab.config.Cell;
import fitlab.config.DataConfig;
import fitlab.config.DataKind;
import fitlab.config.Experiment;
import fitlab.config.ExperimentConfig;
import fitlab.config.ModelKind;
import fitlab.config.OptimizerKind;
import fitlab.config.yaml.Location;
import fitlab.data.Dataset;
import fitlab.data.TargetFunction;
import fitlab.model.Model;
import fitlab.model.Models;
import fitlab.random.Rng;
import fitlab.train.LossKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Every check of an experiment that needs more than its YAML, run before a run folder exists, so that a user error
 * leaves nothing behind and names the value's {@code file:line:column}: the target function parsed and evaluated
 * over the whole {@code data.x} range, the files the config names, each cell's memory and work, the data itself
 * (generated or read in memory, every value finite, class labels in range), and each cell's recipe and initial
 * weights. What it generates is handed on, so the run writes exactly the data that was checked.
 */
final class Preflight {
    /** Points of {@code data.x} at which the target function is evaluated before any data is drawn. */
    static final int FUNCTION_GRID = 4097;

    private Preflight() {}

    static DataPlan check(Experiment experiment, Path experimentDir, ProgressListener progress) {
        Set<DataConfig> functionsChecked = new HashSet<>();
        for (Cell cell : experiment.cells()) {
            ExperimentConfig c = cell.config();
            if (c.data().kind() == DataKind.REGRESSION1D && functionsChecked.add(c.data())) {
                checkFunction(c.data(), experiment.locationOf("data.function"), experiment.locationOf("data.x"));
            }
            c.model().init().ifPresent(p -> {
                if (!Files.isRegularFile(experimentDir.resolve(p))) {
                    throw new UserError(experiment.locationOf("model.init") + ": model.init: " + p
                            + ": no such file; expected a .pth state_dict (e.g. from torch.save(model.state_dict(), path))");
                }
            });
            if (c.data().kind() != DataKind.CSV) {
                int features = c.data().kind() == DataKind.REGRESSION1D ? 1 : 2;
                int outputs = c.data().kind().isClassification() ? c.data().classes() : 1;
                checkBudget(experiment, cell, features, outputs);
            }
        }
        long rows = experiment.cells().stream().map(c -> c.config().data()).distinct()
                .mapToLong(d -> (long) d.train() + d.validation() + d.test()).sum();
        if (rows > 1_000_000) {
            progress.message(String.format(Locale.ROOT, "generating %,d data rows ...", rows));
        }
        DataPlan data;
        try {
            data = DataPlan.build(experiment.cells(), null, experimentDir, false);
        } catch (IllegalArgumentException e) {
            throw new UserError(experiment.locationOf("data") + ": data: " + e.getMessage(), e);
        }
        for (Cell cell : experiment.cells()) {
            checkCell(experiment, cell, data.forCell(cell.id()), experimentDir);
        }
        return data;
    }

    private static void checkCell(Experiment experiment, Cell cell, CellData data, Path experimentDir) {
        ExperimentConfig c = cell.config();
        for (Dataset d : new Dataset[] {data.splits().train(), data.splits().validation(), data.splits().test(), data.learnFrom()}) {
            checkFinite(experiment, d);
        }
        int features = data.splits().train().features();
        if (c.data().kind() == DataKind.CSV) {
            checkBudget(experiment, cell, features, Math.max(1, data.classes()));
        }
        if (c.model().kind() == ModelKind.POLYNOMIAL && features != 1) {
            throw new UserError(experiment.locationOf("model.kind") + ": model.kind: polynomial needs one input column; "
                    + "the data has " + features + " (use model.kind: mlp)");
        }
        Recipe recipe;
        try {
            recipe = Recipe.of(c, features, data.classes());
        } catch (IllegalArgumentException e) {
            // the binder checks each field; this catches a combination the training code refuses
            throw new UserError(experiment.locationOf("early_stopping") + ": " + e.getMessage(), e);
        }
        if (recipe.loss() == LossKind.CROSS_ENTROPY && recipe.model().outputs() < 2) {
            throw new UserError(experiment.locationOf("data.classes") + ": data.classes: cross-entropy needs at least 2 classes");
        }
        c.model().init().ifPresent(p -> {
            Location at = experiment.locationOf("model.init");
            try {
                Model model = Models.create(recipe.model(), Rng.seeded(0));
                model.loadStateDict(InitialWeights.read(experimentDir.resolve(p)));
            } catch (UserError | fitlab.pth.PthFormatException e) {
                throw new UserError(at + ": " + e.getMessage(), e);
            }
        });
    }

    private static void checkFinite(Experiment experiment, Dataset d) {
        for (int i = 0; i < d.rows(); i++) {
            for (int j = 0; j < d.features(); j++) {
                if (!Double.isFinite(d.x(i, j))) {
                    throw new UserError(experiment.locationOf("data") + ": data: " + d.name() + " row " + i + " has x = "
                            + d.x(i, j) + "; every value must be finite");
                }
            }
            if (!Double.isFinite(d.y()[i])) {
                throw new UserError(experiment.locationOf("data.function") + ": data.function: y is " + d.y()[i] + " at x = "
                        + d.x(i, 0) + " (" + d.name() + " row " + i + "); the function must be finite over data.x");
            }
        }
    }

    private static void checkBudget(Experiment experiment, Cell cell, int features, int outputs) {
        ExperimentConfig c = cell.config();
        Budget b = Budget.of(c, features, outputs);
        boolean mlp = c.model().kind() == ModelKind.MLP;
        String memoryField = mlp ? "model.hidden" : "model.degree";
        long heap = Runtime.getRuntime().maxMemory();
        if (b.memoryBytes() > Budget.HEAP_SHARE * heap) {
            long dataValues = ((long) c.data().train() + c.data().validation() + c.data().test()) * (features + 1);
            if (dataValues > 10_000_000) {
                memoryField = "data.train";
            }
        }
        String workField = c.training().optimizer() == OptimizerKind.LSTSQ ? "data.train" : "training.epochs";
        String field = b.memoryBytes() > Budget.HEAP_SHARE * heap ? memoryField : workField;
        b.check(experiment.locationOf(field), field + (experiment.cells().size() > 1 ? " (cell " + cell.id() + ")" : ""));
    }

    /** Parses the function and evaluates it on a grid over data.x, endpoints included. */
    static void checkFunction(DataConfig d, Location functionAt, Location xAt) {
        TargetFunction f;
        try {
            f = TargetFunction.parse(d.function());
        } catch (UserError e) {
            throw new UserError(functionAt + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new UserError(functionAt + ": data.function \"" + d.function() + "\": cannot be evaluated (" + e + ")", e);
        }
        for (int i = 0; i < FUNCTION_GRID; i++) {
            double x = i == FUNCTION_GRID - 1 ? d.xMax() : d.xMin() + (d.xMax() - d.xMin()) * i / (FUNCTION_GRID - 1);
            double y;
            try {
                y = f.applyAsDouble(x);
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw new UserError(functionAt + ": data.function \"" + d.function() + "\" cannot be evaluated at x = " + x
                        + " (" + e.getMessage() + "); data.x is [" + d.xMin() + ", " + d.xMax() + "] (" + xAt + ")", e);
            }
            if (!Double.isFinite(y)) {
                throw new UserError(functionAt + ": data.function \"" + d.function() + "\" is " + y + " at x = " + x
                        + ", inside data.x [" + d.xMin() + ", " + d.xMax() + "]; the function must be finite over the whole range");
            }
        }
    }
}
