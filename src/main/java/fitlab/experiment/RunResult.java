package fitlab.experiment;

import java.util.List;

/** A finished run: its folder and each cell's summary, in cell order. */
public record RunResult(RunFolder folder, List<CellSummary> cells) {}
