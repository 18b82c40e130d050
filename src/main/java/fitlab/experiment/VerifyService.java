package fitlab.experiment;

import fitlab.UserError;
import fitlab.checkpoint.Checkpoint;
import fitlab.checkpoint.Checkpoints;
import fitlab.checkpoint.StateEquality;
import fitlab.config.Cell;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.model.Model;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.CheckpointFiles;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.ShardRecord;
import fitlab.train.EvalResult;
import fitlab.train.Evaluation;
import fitlab.train.Loss;
import fitlab.train.Optimizer;
import fitlab.train.SessionState;
import fitlab.train.TrainingSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * {@code fitlab verify}: for each checkpoint, builds a fresh model from the file alone (model_spec +
 * model_state_dict), recomputes the train/validation/test losses in eval mode on the run's CSV data, and compares
 * them bit for bit with the epoch's metrics.csv row. It also checks that loading is pure: a training session
 * restored from the file reports exactly the optimizer state and random-stream states the file holds.
 */
public final class VerifyService {
    private VerifyService() {}

    /** One checked checkpoint: the logged and reloaded losses (train, validation, test) and what went wrong, if anything. */
    public record Check(String cell, int epoch, double[] logged, double[] reloaded, String problem) {
        public boolean ok() {
            return problem.isEmpty();
        }

        public double maxDifference() {
            double d = 0;
            for (int i = 0; i < logged.length; i++) {
                d = Math.max(d, Math.abs(logged[i] - reloaded[i]));
            }
            return d;
        }
    }

    public static List<Check> verify(Path runDir, Optional<String> cellId, String epochs) {
        RunFolder run = RunFolder.existing(runDir);
        Experiment experiment = ExperimentLoader.loadRunFolder(run.experimentYaml());
        // a shard folder holds only its own cells
        List<Cell> all = ShardRecord.STORE.exists(run) ? ShardRecord.STORE.read(run).asShard().select(experiment.cells()) : experiment.cells();
        List<Cell> cells = cellId.map(id -> List.of(experiment.cell(id))).orElse(all);
        DataPlan data = DataPlan.read(experiment.cells(), run);
        // cells are independent: checked on all cores, the checks listed in cell order as before
        List<Check> checks = new ArrayList<>();
        fitlab.DaemonThreads.inOrder(cells, "fitlab-verify", cell -> verifyCell(run, cell, epochs, data), "verifying the checkpoints")
                .forEach(checks::addAll);
        return checks;
    }

    private static List<Check> verifyCell(RunFolder run, Cell cell, String epochs, DataPlan data) {
        CellFolder folder = run.cell(cell.id());
        Map<Integer, MetricsRow> logged = new LinkedHashMap<>();
        for (MetricsRow r : MetricsLog.read(folder.metrics())) {
            logged.put(r.epoch(), r);
        }
        List<Check> checks = new ArrayList<>();
        Model[] previous = {null}; // the model of the cell's last checkpoint, reloaded into (Checkpoints.rebuild)
        for (int epoch : select(folder, epochs)) {
            // "best" checks best.pth itself: its epoch file may have been pruned by checkpoint.keep
            Path file = epochs.equals("best") ? folder.best() : folder.checkpoint(epoch);
            checks.add(check(cell, file, epoch, logged.get(epoch), data.forCell(cell.id()), previous));
        }
        return checks;
    }

    private static Check check(Cell cell, Path file, int epoch, MetricsRow row, CellData data, Model[] previous) {
        double[] none = {Double.NaN, Double.NaN, Double.NaN};
        if (row == null) {
            return new Check(cell.id(), epoch, none, none, "metrics.csv has no row for epoch " + epoch);
        }
        double[] logged = {row.trainLoss(), row.validationLoss(), row.testLoss()};
        try {
            Checkpoint c = Checkpoints.read(file);
            if (c.epoch() != epoch) {
                return new Check(cell.id(), epoch, logged, none, file.getFileName() + " says it is epoch " + c.epoch());
            }
            Model model = Checkpoints.rebuild(c, previous[0]);
            previous[0] = model;
            Recipe recipe = Recipe.of(cell.config(), data.splits().train().features(), data.classes());
            Loss loss = Loss.of(recipe.loss(), model.outputs());
            // in the order metrics.csv logs them, as SPLITS names them
            List<fitlab.data.Dataset> splits = List.of(data.splits().train(), data.splits().validation(), data.splits().test());
            double[] reloaded = new double[3];
            for (int i = 0; i < 3; i++) {
                EvalResult r = Evaluation.of(model, loss, splits.get(i));
                reloaded[i] = r.loss();
            }
            String problem = "";
            for (int i = 0; i < 3; i++) {
                if (Double.doubleToLongBits(reloaded[i]) != Double.doubleToLongBits(logged[i])) {
                    problem = "reloaded " + SPLITS[i] + " loss differs from metrics.csv";
                    break;
                }
            }
            if (problem.isEmpty()) {
                problem = checkPureLoad(c, recipe, model, loss, data);
            }
            return new Check(cell.id(), epoch, logged, reloaded, problem);
        } catch (UserError | fitlab.pth.PthFormatException e) {
            return new Check(cell.id(), epoch, logged, none, e.getMessage());
        }
    }

    private static final String[] SPLITS = {"train", "validation", "test"};

    /** Restores a session from the file and checks that it reports back exactly the state stored in it. */
    private static String checkPureLoad(Checkpoint c, Recipe recipe, Model model, Loss loss, CellData data) {
        if (recipe.optimizer().isEmpty()) {
            return c.rngState().isEmpty() ? "" : "a closed-form (lstsq) checkpoint should hold no random streams";
        }
        long[] shuffle = c.rngState().get("shuffle");
        long[] dropout = c.rngState().get("dropout");
        if (shuffle == null || dropout == null) {
            return "rng_state lacks the shuffle or dropout stream";
        }
        Optimizer optimizer = Optimizer.create(recipe.optimizer().get(), model.parameterSlots());
        SessionState saved = new SessionState(c.epoch(), new LinkedHashMap<>(c.optimizerStateDict()), shuffle.clone(), dropout.clone());
        TrainingSession session = TrainingSession.restore(model, loss, optimizer, recipe.training(), data.learnFrom(), saved);
        SessionState after = session.state();
        if (!Arrays.equals(after.shuffleRng(), shuffle) || !Arrays.equals(after.dropoutRng(), dropout)) {
            return "restoring the session changed a random stream";
        }
        if (!StateEquality.equal(after.optimizerState(), c.optimizerStateDict())) {
            return "restoring the optimizer changed its state";
        }
        return "";
    }

    /** The checkpoint epochs {@code all}, {@code best}, {@code last} or {@code N,M,...} select among the files present. */
    static List<Integer> select(CellFolder folder, String epochs) {
        TreeSet<Integer> present = new TreeSet<>(CheckpointFiles.epochs(folder));
        if (present.isEmpty()) {
            throw new UserError(folder.checkpoints() + ": no checkpoints");
        }
        return switch (epochs) {
            case "all" -> new ArrayList<>(present);
            case "last" -> List.of(present.last());
            case "best" -> List.of(CellSummary.read(folder.summaryJson()).bestEpoch());
            default -> {
                List<Integer> wanted = parseList(epochs);
                for (int e : wanted) {
                    if (!present.contains(e)) {
                        // asking for a checkpoint that is not there is a user error (exit 2), not a failed check (exit 1)
                        throw new UserError("--epochs " + epochs + ": " + folder.checkpoints() + " has no epoch " + e
                                + " (it holds " + present.size() + " checkpoints, epochs " + present.first() + ".." + present.last()
                                + "; fitlab verify RUN_DIR --epochs all checks every one)");
                    }
                }
                yield wanted;
            }
        };
    }

    private static List<Integer> parseList(String epochs) {
        List<Integer> out = new ArrayList<>();
        for (String part : epochs.split(",")) {
            try {
                int e = Integer.parseInt(part.trim());
                if (e < 0) {
                    throw new NumberFormatException();
                }
                out.add(e);
            } catch (NumberFormatException ex) {
                throw new UserError("--epochs " + epochs + ": expected all, best, last or a list of epoch numbers like 0,10,137");
            }
        }
        return out;
    }
}
