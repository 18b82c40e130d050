package fitlab.experiment;

import fitlab.runfolder.CellSummary;
import fitlab.runfolder.RunFolder;
import java.util.List;

/** A finished run: its folder and each cell's summary, in cell order. */
public record RunResult(RunFolder folder, List<CellSummary> cells) {}
