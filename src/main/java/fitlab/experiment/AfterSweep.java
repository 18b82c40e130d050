package fitlab.experiment;

import fitlab.config.Cell;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.RunFolder;
import java.util.List;

/**
 * What a run does once every cell is trained so that one {@code fitlab run} tells a lesson's whole story: continue
 * the stopped cells (lesson 14), evaluate dropout checkpoints in both modes (lesson 08), and load the saved files
 * as a refactored program would (lesson 06). Each step writes only when the config asks for it or has such cells.
 */
final class AfterSweep {
    private AfterSweep() {}

    /** @return the continued cells' summaries */
    static List<CellSummary> run(RunFolder run, List<Cell> cells, List<CellSummary> summaries, DataPlan data,
                                 ProgressListener progress, RunControl control) {
        List<CellSummary> continued = Continuations.run(run, cells, summaries, data, progress, control);
        EvalModes.write(run, cells, summaries, data);
        RefactorCheck.write(run, cells);
        return continued;
    }
}
