package fitlab.cli;

import fitlab.report.Report;
import fitlab.report.ReportService;
import fitlab.runfolder.RunFolder;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fitlab report RUN_DIR}: redraw charts and the HTML report from a finished run, without training. */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Redraw every chart and report/index.html from a run folder (no training).")
final class ReportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run folder.")
    Path runDir;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of charts and report (default: the experiment's report.language).")
    Language lang;

    @Option(names = "--require-claims", description = "Exit with code 1 when one of the lesson's claims does not hold on this run.")
    boolean requireClaims;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunFolder run = RunFolder.existing(runDir);
        if (fitlab.runfolder.ShardRecord.STORE.exists(run)) {
            var shard = fitlab.runfolder.ShardRecord.STORE.read(run);
            throw new fitlab.UserError(runDir + ": is shard " + shard.shard() + "/" + shard.of() + " of a sweep; the report compares "
                    + "every cell, so it is drawn by fitlab merge of all " + shard.of() + " shard folders");
        }
        boolean held = ClaimsCheck.run(run, 0, Optional.ofNullable(lang).map(Language::code), out);
        Report report = render(run, Optional.ofNullable(lang).map(Language::code), out, err);
        out.println("report: " + report.index() + " (" + report.charts().size() + " charts)");
        out.flush();
        return requireClaims && !held ? ClaimsCheck.FAILED : FitlabCommand.OK;
    }

    /**
     * Renders a run's report, printing its progress (one line a phase) on {@code out} and notices (such as a missing
     * CJK font) as one line each on {@code err}.
     */
    static Report render(RunFolder run, Optional<String> language, PrintWriter out, PrintWriter err) {
        try (var lock = fitlab.runfolder.RunLock.acquire(run.root())) {
            return renderLocked(run, language, out, err, () -> false);
        }
    }

    /**
     * As {@link #render}, for a caller that already holds the run's lock ({@code fitlab run} between training and
     * report, {@code fitlab merge} between writing the merged folder and its report); abandoned with ReportService.Interrupted once {@code stop} is true.
     */
    static Report renderLocked(RunFolder run, Optional<String> language, PrintWriter out, PrintWriter err,
                               java.util.function.BooleanSupplier stop) {
        Report report = ReportService.render(run, language, notice -> err.println("fitlab: " + notice), line -> {
            out.println(line);
            out.flush();
        }, stop);
        err.flush();
        return report;
    }
}
