package fitlab.experiment;

import fitlab.checkpoint.Checkpoints;
import fitlab.config.Cell;
import fitlab.config.ModelKind;
import fitlab.data.Dataset;
import fitlab.io.AtomicFiles;
import fitlab.model.Model;
import fitlab.random.Rng;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.CsvRows;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.runfolder.RunFolder;
import fitlab.train.Evaluation;
import fitlab.train.Loss;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code eval-modes.csv} (lesson 08): each dropout cell's best checkpoint, reloaded from disk, evaluated in eval mode
 * (dropout off: the loss metrics.csv logged) and in train mode (dropout on, as when {@code model.eval()} is forgotten).
 * The train-mode masks come from one fixed stream, {@code Rng.seeded(0)} as in {@code fitlab eval --mode train}, so
 * the file is the same on every run.
 */
final class EvalModes {
    static final String FILE = "eval-modes.csv";
    static final String HEADER = "cell,epoch,split,logged_loss,eval_mode_loss,train_mode_loss";

    private EvalModes() {}

    /** Writes the file when the run has a dropout cell; nothing otherwise. */
    static void write(RunFolder run, List<Cell> cells, List<CellSummary> summaries, DataPlan data) {
        StringBuilder csv = new StringBuilder(HEADER).append('\n');
        boolean any = false;
        for (Cell cell : cells) {
            CellSummary summary = summaries.stream().filter(s -> s.cell().equals(cell.id())).findFirst().orElse(null);
            if (summary == null || !hasDropout(cell)) {
                continue;
            }
            any = true;
            CellFolder folder = run.cell(cell.id());
            Model model = Checkpoints.rebuild(Checkpoints.read(folder.best()));
            Loss loss = Loss.of(Recipe.of(cell.config(), model.inputs(), data.forCell(cell.id()).classes()).loss(), model.outputs());
            MetricsRow logged = MetricsLog.read(folder.metrics()).stream().filter(r -> r.epoch() == summary.bestEpoch())
                    .findFirst().orElseThrow(() -> new IllegalStateException(folder.metrics() + ": no row for best epoch " + summary.bestEpoch()));
            row(csv, cell.id(), summary.bestEpoch(), "validation", logged.validationLoss(), model, loss,
                    data.forCell(cell.id()).splits().validation());
            row(csv, cell.id(), summary.bestEpoch(), "test", logged.testLoss(), model, loss, data.forCell(cell.id()).splits().test());
        }
        if (any) {
            AtomicFiles.write(file(run), csv.toString());
        }
    }

    static Path file(RunFolder run) {
        return run.root().resolve(FILE);
    }

    private static boolean hasDropout(Cell cell) {
        return cell.config().model().kind() == ModelKind.MLP && cell.config().model().dropout() > 0;
    }

    private static void row(StringBuilder csv, String cell, int epoch, String split, double logged, Model model, Loss loss, Dataset data) {
        double eval = Evaluation.of(model, loss, data).loss();
        double train = Evaluation.inTrainMode(model, loss, data, Rng.seeded(0)).loss();
        csv.append(CsvRows.quote(cell)).append(',').append(epoch).append(',').append(split).append(',').append(logged).append(',')
                .append(eval).append(',').append(train).append('\n');
    }
}
