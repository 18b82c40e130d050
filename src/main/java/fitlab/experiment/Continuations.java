package fitlab.experiment;

import fitlab.config.Cell;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.RunFolder;
import java.nio.file.Files;
import java.util.List;

/**
 * {@code early_stopping.continue_after_stop: N}: after the sweep, every cell that early stopping stopped is continued
 * from its newest checkpoint for N more epochs without early stopping, into {@code cells/<id>@resume-from-<E>/},
 * exactly as {@code fitlab resume RUN --cell ID --epochs N} would (lesson 14 in one command).
 */
final class Continuations {
    private Continuations() {}

    /**
     * Continues the stopped cells; a continuation left unfinished by a killed run is trained again from its start.
     *
     * @return the continued cells' summaries (finished earlier or now), in sweep order
     */
    static List<CellSummary> run(RunFolder run, List<Cell> cells, List<CellSummary> summaries, DataPlan data, ProgressListener progress,
                    RunControl control) {
        List<CellSummary> continued = new java.util.ArrayList<>();
        for (Cell cell : cells) {
            int epochs = cell.config().earlyStopping().continueAfterStop();
            CellSummary summary = summaries.stream().filter(s -> s.cell().equals(cell.id())).findFirst().orElse(null);
            if (epochs == 0 || summary == null || !stoppedEarly(summary)) {
                continue;
            }
            int from = ContinueService.newestCheckpoint(run.cell(cell.id()));
            CellFolder target = ContinueService.target(run, cell.id(), from);
            if (finished(target)) {
                continued.add(CellSummary.read(target.summaryJson()));
                continue;
            }
            // the continuation is deterministic, so training a half-written one again gives the uninterrupted files
            CellRunner.deleteTree(target.root());
            progress.message("continuing " + cell.id() + " from epoch " + from + " for " + epochs
                    + " epochs without early stopping (early_stopping.continue_after_stop)");
            continued.add(ContinueService.continueInto(run, cell, data, from, target, from + epochs, false, progress, control));
        }
        return continued;
    }

    private static boolean stoppedEarly(CellSummary s) {
        return s.stopReason().equals("patience") || s.stopReason().equals("criterion");
    }

    private static boolean finished(CellFolder target) {
        return Files.isRegularFile(target.summaryJson()) && MetricsLog.tornLine(target.metrics()) == 0;
    }
}
