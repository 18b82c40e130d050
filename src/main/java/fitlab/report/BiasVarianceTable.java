package fitlab.report;

import fitlab.runfolder.RunFolder;
import java.util.List;

/**
 * The bias–variance decomposition of a run along one swept axis, one entry per group of the other axes, the same
 * numbers the report's bias–variance chart draws: lesson claims are checked against what the figure shows.
 */
public final class BiasVarianceTable {
    private BiasVarianceTable() {}

    public static List<BiasVarianceData> along(RunFolder folder, String axis) {
        LoadedRun run = RunLoader.load(folder);
        return SweepGroups.along(run, axis, c -> ReportPlan.axisX(axis, c)).stream()
                .map(g -> BiasVarianceLoader.load(run, axis, g)).toList();
    }
}
