package fitlab.experiment;

import fitlab.io.AtomicFiles;
import fitlab.config.Cell;
import fitlab.config.ConfigWriter;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.config.OptimizerKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code fitlab run}: resolves the experiment, creates the run folder, writes the data, trains every cell, summarises. */
public final class RunService {
    private RunService() {}

    public static RunResult run(RunRequest request, ProgressListener progress) {
        List<String> sets = new ArrayList<>(request.sets());
        request.language().ifPresent(l -> sets.add("report.language=" + l));
        Experiment experiment = ExperimentLoader.load(request.experiment(), sets, request.quick());
        Path experimentDir = request.experiment().toAbsolutePath().getParent();
        RunFolder run = request.out().map(RunFolder::createAt)
                .orElseGet(() -> RunFolder.createTimestamped(request.runsDir(), experiment.base().name(), LocalDateTime.now()));
        AtomicFiles.write(run.experimentYaml(), ConfigWriter.toYaml(experiment));
        AtomicFiles.write(run.commandTxt(), request.command() + "\n");
        progress.message("run folder: " + run.root());
        DataPlan data = DataPlan.build(experiment.cells(), run, experimentDir, true);
        progress.message(diskEstimate(experiment.cells(), data));
        long totalEpochs = experiment.cells().stream().mapToLong(c -> epochs(c) + 1).sum();
        progress.start(totalEpochs, experiment.cells().size());
        List<CellSummary> summaries;
        try {
            summaries = SweepRunner.run(experiment.cells(), request.threads(), new CellRunner(run, experimentDir, progress), data);
        } finally {
            progress.finish();
        }
        writeSummary(run, experiment, summaries);
        return new RunResult(run, summaries);
    }

    static void writeSummary(RunFolder run, Experiment experiment, List<CellSummary> summaries) {
        List<List<MetricsRow>> metrics = new ArrayList<>();
        for (CellSummary s : summaries) {
            metrics.add(MetricsLog.read(run.cell(s.cell()).metrics()));
        }
        AtomicFiles.write(run.summaryCsv(), SummaryTable.toCsv(SummaryTable.build(experiment, summaries, metrics)));
    }

    private static int epochs(Cell c) {
        return c.config().training().optimizer() == OptimizerKind.LSTSQ ? 1 : c.config().training().epochs();
    }

    /** An estimate of the checkpoint bytes: parameters (and optimizer moments) as float64 plus the dict's fixed part. */
    private static String diskEstimate(List<Cell> cells, DataPlan data) {
        double bytes = 0;
        long files = 0;
        for (Cell c : cells) {
            CellData d = data.forCell(c.id());
            Recipe r = Recipe.of(c.config(), d.splits().train().features(), d.classes());
            int params = fitlab.model.Models.create(r.model(), fitlab.random.Rng.seeded(0)).parameters().length;
            int copies = 1 + switch (c.config().training().optimizer()) {
                case ADAM, ADAMW -> 2;
                case SGD -> c.config().training().momentum() > 0 ? 1 : 0;
                case LSTSQ -> 0;
            };
            long kept = switch (c.config().checkpoint().keep().yaml()) {
                case "all" -> epochs(c) / c.config().checkpoint().every() + 2;
                case "last", "best" -> 2;
                default -> Long.parseLong(c.config().checkpoint().keep().yaml()) + 1;
            };
            files += kept;
            bytes += kept * (8.0 * params * copies + 6000);
        }
        return String.format(Locale.ROOT, "checkpoints: about %.1f MB in %d files", bytes / 1e6, files);
    }
}
