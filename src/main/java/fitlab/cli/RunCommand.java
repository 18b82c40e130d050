package fitlab.cli;

import fitlab.experiment.RunControl;
import fitlab.experiment.RunRequest;
import fitlab.experiment.RunResult;
import fitlab.experiment.RunService;
import fitlab.report.ReportService;
import fitlab.runfolder.Shard;
import fitlab.runfolder.ShardRecord;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fitlab run EXPERIMENT.yaml}: train every cell of an experiment and write the run folder. */
@Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Run an experiment: generate data, train every cell, write checkpoints and charts.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "EXPERIMENT.yaml", description = "The experiment file, or a bundled lesson by number or name (01, polynomial-degree).")
    Path experiment;

    @Option(names = "--resume", paramLabel = "RUN_DIR",
            description = "Finish an interrupted run: finished cells are kept, the others continue from their newest checkpoint.")
    Path interruptedRun;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder to create (default: runs/<name>/<timestamp>).")
    Path outDir;

    @Option(names = "--threads", paramLabel = "N", description = "Cells trained in parallel (default: all cores).")
    Integer threads;

    @Option(names = "--set", paramLabel = "key.path=value", description = "Override a config field, e.g. --set model.degree=3.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quick", description = "A short smoke run (the file's quick: section), same code path.")
    boolean quick;

    @Option(names = "--shard", paramLabel = "K/N|slurm|k8s/N",
            description = "Train only shard K of N of the sweep's cells (cell i, counted from 0, belongs to shard i mod N + 1). "
                    + "'slurm' takes K and N from SLURM_ARRAY_TASK_ID/_MIN/_COUNT, 'k8s/N' takes K from JOB_COMPLETION_INDEX. "
                    + "Join the shards with fitlab merge.")
    String shard;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of charts and report.")
    Language lang;

    @Option(names = "--require-claims", description = "Exit with code 1 when one of the lesson's claims does not hold on this run.")
    boolean requireClaims;

    @Option(names = "--no-report", description = "Train and check the claims, but draw no charts or report (fitlab report RUN_DIR draws them later).")
    boolean noReport;

    @Override
    public Integer call() {
        if (threads != null && threads < 1) {
            throw new fitlab.UserError("--threads " + threads + ": expected at least 1");
        }
        if ((experiment == null) == (interruptedRun == null)) {
            throw new fitlab.UserError("fitlab run: give either EXPERIMENT.yaml or --resume RUN_DIR");
        }
        if (interruptedRun != null && (outDir != null || !sets.isEmpty() || quick || shard != null)) {
            throw new fitlab.UserError("--resume continues a run exactly as it was started: --out, --set, --quick and --shard do not apply");
        }
        Optional<Shard> selected = Optional.ofNullable(shard).map(s -> Shard.parse(s, System.getenv()));
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        var out = spec.commandLine().getOut();
        RunControl control = new RunControl();
        // The shutdown hook holds the JVM until this block ends, so everything below, the resume hint included,
        // is printed before a signal lets the process exit.
        try (Interrupts interrupts = Interrupts.stopCleanly(control)) {
            try {
                if (interruptedRun != null) {
                    return RunService.finishInterrupted(interruptedRun, n, Progress.forTerminal(out), control, r -> afterTraining(r, control));
                } else {
                    // a notice on stdout, with the progress: stderr holds nothing but the one line of a failure
                    fitlab.config.ExperimentLoader.sweepReplacements(BundledExperiments.resolve(experiment), sets)
                            .forEach(line -> out.println("note: " + line));
                    RunRequest request = new RunRequest(BundledExperiments.resolve(experiment), Optional.ofNullable(outDir), Path.of("runs"), n, sets, quick,
                            Optional.ofNullable(lang).map(Language::code),
                            CommandText.of("run", spec.commandLine().getParseResult().originalArgs()), selected);
                    return RunService.run(request, Progress.forTerminal(out), control, r -> afterTraining(r, control));
                }
            } catch (AfterTrainingInterrupted e) {
                // Ctrl-C after the last epoch: nothing to resume, only the report to draw again
                spec.commandLine().getErr().println("fitlab: interrupted after training; the run is complete. Draw its report with: fitlab report "
                        + e.folder);
                spec.commandLine().getErr().flush();
                return FitlabCommand.INTERRUPTED;
            } catch (RunControl.Interrupted e) {
                Path where = e.runFolder().orElse(interruptedRun != null ? interruptedRun : outDir);
                spec.commandLine().getErr().println("fitlab: interrupted; every cell stopped after a complete checkpoint. "
                        + "Continue with: fitlab run --resume " + where);
                spec.commandLine().getErr().flush();
                return FitlabCommand.INTERRUPTED;
            }
        }
    }

    /** Ctrl-C or SIGTERM while the claims or the report of a complete run were being written. */
    private static final class AfterTrainingInterrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Path folder;

        AfterTrainingInterrupted(Path folder) {
            super("interrupted after training");
            this.folder = folder;
        }
    }

    /**
     * The claims and the report of a finished run, drawn while the run's lock is still held; a stop request (Ctrl-C)
     * abandons them, as it would have ended the process had the report been drawn after the run.
     */
    private int afterTraining(RunResult result, RunControl control) {
        if (control.stopRequested()) {
            throw new AfterTrainingInterrupted(result.folder().root());
        }
        var out = spec.commandLine().getOut();
        if (ShardRecord.STORE.exists(result.folder())) {
            // the report compares every cell of the sweep, so it is drawn once the shards are merged
            out.println("shard folder: " + result.folder().root());
            out.println("join the shards with: fitlab merge SHARD_DIR... --out RUN_DIR");
            out.flush();
            return FitlabCommand.OK;
        }
        int notChecked = interruptedRun != null ? 0
                : fitlab.config.ExperimentLoader.load(BundledExperiments.resolve(experiment), sets, quick).claimsNotChecked();
        boolean held = ClaimsCheck.run(result.folder(), notChecked, Optional.ofNullable(lang).map(Language::code), out);
        out.println("run folder: " + result.folder().root());
        if (!noReport) {
            Optional<String> language = Optional.ofNullable(lang).map(Language::code);
            Path index;
            try {
                Optional<Path> drawn = ReportProcess.wanted()
                        ? ReportProcess.render(result.folder(), language, out, control::stopRequested) : Optional.empty();
                index = drawn.isPresent() ? drawn.get()
                        : ReportCommand.renderLocked(result.folder(), language, out, spec.commandLine().getErr(), control::stopRequested).index();
            } catch (ReportService.Interrupted | ReportProcess.Stopped e) {
                throw new AfterTrainingInterrupted(result.folder().root());
            } catch (ReportProcess.ChildFailed e) {
                out.flush();
                return e.code;
            }
            out.println("report: " + index);
        }
        out.flush();
        if (requireClaims && !held) {
            return ClaimsCheck.FAILED;
        }
        return FitlabCommand.OK;
    }
}
