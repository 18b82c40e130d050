package fitlab.report;

import fitlab.UserError;
import fitlab.config.Cell;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.diagnosis.Diagnosis;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a finished run folder: the resolved experiment, each cell's summary and metrics, and each cell's diagnosis as
 * the run wrote it in {@code summary.csv} (see {@link WrittenDiagnoses}).
 */
public final class RunLoader {
    private RunLoader() {}

    public static LoadedRun load(RunFolder run) {
        Experiment experiment = ExperimentLoader.loadRunFolder(run.experimentYaml());
        String yaml;
        try {
            yaml = Files.readString(run.experimentYaml(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UserError(run.experimentYaml() + ": cannot read: " + e.getMessage());
        }
        List<CellFolder> folders = experiment.cells().stream().map(c -> run.cell(c.id())).toList();
        // the cells' files are independent: parsed on all cores (metrics.csv is most of a run's reading), taken in
        // cell order, so the first cell in order with a problem is the one reported, as when they were read in turn
        List<LoadedCell> loaded = fitlab.DaemonThreads.inOrder(folders, "fitlab-report-load", f -> loadCell(run, f), "reading " + run.root());
        List<CellSummary> summaries = loaded.stream().map(LoadedCell::summary).toList();
        List<List<MetricsRow>> metrics = loaded.stream().map(LoadedCell::rows).toList();
        List<Optional<Diagnosis>> diagnoses = WrittenDiagnoses.read(run, experiment.cells().stream().map(Cell::id).toList(),
                () -> fitlab.runfolder.CellDiagnoses.of(experiment.cells(), summaries, metrics));
        List<CellRun> cells = new ArrayList<>();
        for (int i = 0; i < folders.size(); i++) {
            cells.add(new CellRun(experiment.cells().get(i), folders.get(i), summaries.get(i), metrics.get(i), diagnoses.get(i)));
        }
        return new LoadedRun(run, experiment, yaml, cells);
    }

    private record LoadedCell(CellSummary summary, List<MetricsRow> rows) {}

    private static LoadedCell loadCell(RunFolder run, CellFolder f) {
        if (!java.nio.file.Files.isRegularFile(f.summaryJson())) {
            throw new UserError(f.summaryJson() + ": missing; the run is unfinished (finish it with fitlab run --resume "
                    + run.root() + ")");
        }
        CellSummary summary = CellSummary.read(f.summaryJson());
        int torn = MetricsLog.tornLine(f.metrics());
        if (torn > 0) {
            throw new UserError(f.metrics() + ":" + torn + ": the last line is cut off (the run was stopped while "
                    + "writing it, e.g. by a full disk); repair and finish it with fitlab run --resume " + run.root());
        }
        List<MetricsRow> rows = MetricsLog.read(f.metrics());
        if (rows.isEmpty()) {
            throw new UserError(f.metrics() + ": no epochs logged");
        }
        return new LoadedCell(summary, rows);
    }
}
