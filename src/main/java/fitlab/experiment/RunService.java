package fitlab.experiment;

import fitlab.config.Cell;
import fitlab.config.ConfigWriter;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.config.OptimizerKind;
import fitlab.io.AtomicFiles;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.ConfigHash;
import fitlab.runfolder.Fingerprint;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.RunLock;
import fitlab.runfolder.ShardRecord;
import fitlab.runfolder.SummaryTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * {@code fitlab run}: resolves the experiment, creates the run folder, writes the data, trains every cell,
 * summarises; and {@code fitlab run --resume}: finishes an interrupted run so that it equals an uninterrupted one.
 * The run folder is locked against a second writer for the whole time.
 */
public final class RunService {
    private RunService() {}

    public static RunResult run(RunRequest request, ProgressListener progress) {
        return run(request, progress, new RunControl());
    }

    public static RunResult run(RunRequest request, ProgressListener progress, RunControl control) {
        return run(request, progress, control, result -> result);
    }

    /**
     * Runs, then hands the finished run to {@code whileLocked} before the run lock is released, so what follows the
     * training (the claims and the report of {@code fitlab run}) reads the folder no other process can have changed.
     */
    public static <T> T run(RunRequest request, ProgressListener progress, RunControl control, Function<RunResult, T> whileLocked) {
        List<String> sets = new ArrayList<>(request.sets());
        request.language().ifPresent(l -> sets.add("report.language=" + l));
        Experiment experiment = ExperimentLoader.load(request.experiment(), sets, request.quick());
        Path experimentDir = experiment.folder();
        List<Cell> cells = request.shard().map(s -> s.select(experiment.cells())).orElse(experiment.cells());
        if (cells.isEmpty()) {
            throw new fitlab.UserError("--shard " + request.shard().get() + ": the sweep has only " + experiment.cells().size()
                    + " cells; use at most " + experiment.cells().size() + " shards");
        }
        String suffix = request.shard().map(s -> "-shard-" + s.index() + "-of-" + s.count()).orElse("");
        // Every check runs before the run folder exists: a user error leaves nothing behind.
        request.out().ifPresent(RunFolder::checkUsable);
        DataPlan data = Preflight.check(experiment, experimentDir, progress);
        RunFolder run = request.out().map(RunFolder::createAt)
                .orElseGet(() -> RunFolder.createTimestamped(request.runsDir(), experiment.base().name(), LocalDateTime.now(), suffix));
        try (RunLock lock = RunLock.acquire(run.root())) {
            removeTornTempFiles(run); // left in an --out folder by a run killed in its first moment
            AtomicFiles.write(run.commandTxt(), request.command() + "\n");
            AtomicFiles.write(run.experimentYaml(), ConfigWriter.toYaml(experiment));
            request.shard().ifPresent(s -> new ShardRecord(experiment.base().name(), ConfigHash.of(run.experimentYaml()), s.index(),
                    s.count(), cells.stream().map(Cell::id).toList()).write(run));
            progress.message("run folder: " + run.root());
            request.shard().ifPresent(s -> progress.message("shard " + s + ": " + cells.size() + " of " + experiment.cells().size() + " cells"));
            data.write(run);
            Fingerprint.record(run);
            progress.message(diskEstimate(cells, data));
            CellRunner runner = new CellRunner(run, experimentDir, progress, control,
                    SweepRunner.evalHelpers(request.threads(), cells.size()));
            List<CellSummary> summaries = named(run, () -> train(cells, request.threads(), progress,
                    cell -> runner.run(cell, data.forCell(cell.id()))));
            writeSummary(run, experiment, summaries, runner.logs());
            named(run, () -> AfterSweep.run(run, cells, summaries, data, progress, control));
            return whileLocked.apply(new RunResult(run, summaries));
        }
    }

    /**
     * Finishes an interrupted run: finished cells (those with a summary.json) are kept, a cell that was training
     * continues from its newest complete checkpoint, cells not started start.
     */
    public static RunResult finishInterrupted(Path runDir, int threads, ProgressListener progress, RunControl control) {
        return finishInterrupted(runDir, threads, progress, control, result -> result);
    }

    /** As above, then {@code whileLocked} with the run lock still held (see {@link #run(RunRequest, ProgressListener, RunControl, Function)}). */
    public static <T> T finishInterrupted(Path runDir, int threads, ProgressListener progress, RunControl control,
                                          Function<RunResult, T> whileLocked) {
        RunFolder run = RunFolder.existing(runDir);
        try (RunLock lock = RunLock.acquire(run.root())) {
            removeTornTempFiles(run);
            // Prove this is the experiment that was started before reading it: a config cut in half can still parse.
            boolean recorded = Fingerprint.exists(run);
            if (recorded) {
                Fingerprint.verify(run);
            } else if (Files.exists(run.root().resolve("cells"))) {
                throw new fitlab.UserError(run.root() + ": has trained cells but no " + Fingerprint.FILE
                        + ", so it cannot be shown to be the experiment that was started; start a new run");
            }
            Experiment experiment = ExperimentLoader.loadRunFolder(run.experimentYaml());
            DataPlan data = dataOnDisk(experiment, run);
            if (!recorded) {
                Fingerprint.record(run); // cut off before its first cell: the data is now complete
            }
            List<Cell> cells = shardCells(run, experiment);
            long done = cells.stream().filter(c -> Files.isRegularFile(run.cell(c.id()).summaryJson())).count();
            CellRunner runner = new CellRunner(run, run.root(), progress, control,
                    SweepRunner.evalHelpers(threads, (int) (cells.size() - done)));
            progress.message("resuming " + run.root() + ": " + done + " of " + cells.size() + " cells already finished");
            List<CellSummary> summaries = named(run, () -> train(cells, threads, progress, cell -> {
                CellFolder folder = run.cell(cell.id());
                if (Files.isRegularFile(folder.summaryJson())) {
                    if (MetricsLog.tornLine(folder.metrics()) == 0) {
                        return CellSummary.read(folder.summaryJson());
                    }
                    // a finished cell whose log was torn afterwards (e.g. a full disk) is finished again from its
                    // newest checkpoint, which rewrites the log exactly as it was
                    deleteFile(folder.summaryJson());
                }
                return runner.finishInterrupted(cell, data.forCell(cell.id()));
            }));
            writeSummary(run, experiment, summaries);
            named(run, () -> AfterSweep.run(run, cells, summaries, data, progress, control));
            return whileLocked.apply(new RunResult(run, summaries));
        }
    }

    /** The cells a run folder trains: its shard's (checked against the folder's config) or all of them. */
    private static List<Cell> shardCells(RunFolder run, Experiment experiment) {
        if (!ShardRecord.STORE.exists(run)) {
            return experiment.cells();
        }
        ShardRecord record = ShardRecord.STORE.read(run);
        String hash = ConfigHash.of(run.experimentYaml());
        if (!record.configHash().equals(hash)) {
            throw new fitlab.UserError(ShardRecord.STORE.file(run) + ": configHash " + record.configHash() + " does not match "
                    + run.experimentYaml() + " (" + hash + "); the shard folder was changed after it was started");
        }
        return record.asShard().select(experiment.cells());
    }

    private static void deleteFile(Path file) {
        try {
            Files.delete(file);
        } catch (java.io.IOException e) {
            throw new fitlab.UserError("cannot delete " + file + ": " + e.getMessage());
        }
    }

    /** Runs the cells; an interruption is reported with the run folder to finish with {@code run --resume}. */
    private static List<CellSummary> named(RunFolder run, java.util.function.Supplier<List<CellSummary>> cells) {
        try {
            return cells.get();
        } catch (RunControl.Interrupted e) {
            throw new RunControl.Interrupted(e.getMessage(), run.root());
        }
    }

    /** Temp files of atomic writes cut off by a crash ({@code .<name>.<random>.tmp}): never a final file, safe to drop. */
    private static void removeTornTempFiles(RunFolder run) {
        try (var walk = Files.walk(run.root())) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith(".") && n.endsWith(".tmp")) {
                    Files.delete(p);
                }
            }
        } catch (java.io.IOException e) {
            throw new fitlab.UserError("cannot clean up " + run.root() + ": " + e.getMessage());
        }
    }

    private static List<CellSummary> train(List<Cell> cells, int threads, ProgressListener progress,
                                           java.util.function.Function<Cell, CellSummary> train) {
        long totalEpochs = cells.stream().mapToLong(c -> epochs(c) + 1).sum();
        progress.start(totalEpochs, cells.size());
        try {
            return SweepRunner.run(cells, threads, train);
        } finally {
            progress.finish();
        }
    }

    /** The run's data as written; regenerated (deterministically) when the run was cut off while writing it. */
    private static DataPlan dataOnDisk(Experiment experiment, RunFolder run) {
        try {
            return DataPlan.read(experiment.cells(), run);
        } catch (fitlab.UserError e) {
            return DataPlan.build(experiment.cells(), run, run.root(), true);
        }
    }

    /** Writes {@code summary.csv} from the cells' summaries and metrics on disk (diagnoses relative to these cells). */
    public static void writeSummary(RunFolder run, Experiment experiment, List<CellSummary> summaries) {
        writeSummary(run, experiment, summaries, new TrainedLogs());
    }

    /** As above, taking the metrics of the cells trained in this process from {@code trained}. */
    static void writeSummary(RunFolder run, Experiment experiment, List<CellSummary> summaries, TrainedLogs trained) {
        // the others' metrics.csv parsed on all cores (lesson 01: 45 000 lines, a quarter of a second on one)
        List<List<MetricsRow>> metrics = fitlab.DaemonThreads.inOrder(summaries, "fitlab-summary",
                s -> trained.of(s.cell()).orElseGet(() -> MetricsLog.read(run.cell(s.cell()).metrics())), "reading the cells' metrics");
        AtomicFiles.write(run.summaryCsv(), SummaryTable.build(experiment, summaries, metrics).csv());
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
            long params = r.model().parameterCount();
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
