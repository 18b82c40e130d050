package fitlab.report;

import fitlab.data.Dataset;
import fitlab.data.TargetFunction;
import fitlab.model.Model;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads what the 1-D fit charts need from the run folder: training points, true function, models' predictions. */
final class FitDataLoader {
    static final int GRID = 400;

    private FitDataLoader() {}

    /** The final fits of {@code cells}, all drawn over the training points of the first one. */
    static FitData finalFits(LoadedRun run, List<CellRun> cells) {
        List<Fit> fits = new ArrayList<>();
        double[] grid = grid(run);
        for (CellRun c : cells) {
            fits.add(fit(c, FittedModels.last(c), c.last().epoch(), grid, c.last().trainLoss(), c.last().testLoss()));
        }
        return data(run, cells.get(0), grid, fits);
    }

    /** One cell's fits at the given epochs (each must have a checkpoint file). */
    static FitData evolution(LoadedRun run, CellRun c, List<Integer> epochs) {
        List<Fit> fits = new ArrayList<>();
        double[] grid = grid(run);
        for (int e : epochs) {
            var row = c.metrics().stream().filter(r -> r.epoch() == e).findFirst().orElse(c.last());
            fits.add(fit(c, FittedModels.atEpoch(c, e), e, grid, row.trainLoss(), row.testLoss()));
        }
        return data(run, c, grid, fits);
    }

    private static Fit fit(CellRun c, Model model, int epoch, double[] grid, double train, double test) {
        return new Fit(c.id(), Optional.ofNullable(FitSelection.verdict(c)), epoch, FittedModels.predict1d(model, grid), train, test);
    }

    private static FitData data(LoadedRun run, CellRun first, double[] grid, List<Fit> fits) {
        Dataset train = FittedModels.data(run, first).train();
        TargetFunction f = TargetFunction.parse(first.cell().config().data().function());
        double[] truth = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            truth[i] = f.applyAsDouble(grid[i]);
        }
        return new FitData(f.formula(), train.x(), train.y(), grid, truth, fits);
    }

    private static double[] grid(LoadedRun run) {
        return Stats.grid(run.base().data().xMin(), run.base().data().xMax(), GRID);
    }
}
