package fitlab.cli;

import fitlab.experiment.RunRequest;
import fitlab.experiment.RunResult;
import fitlab.experiment.RunService;
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
@Command(name = "run", description = "Run an experiment: generate data, train every cell, write checkpoints and charts.")
final class RunCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT.yaml", description = "The experiment file.")
    Path experiment;

    @Option(names = "--out", paramLabel = "DIR", description = "Run folder to create (default: runs/<name>/<timestamp>).")
    Path outDir;

    @Option(names = "--threads", paramLabel = "N", description = "Cells trained in parallel (default: all cores).")
    Integer threads;

    @Option(names = "--set", paramLabel = "key.path=value", description = "Override a config field, e.g. --set model.degree=3.")
    List<String> sets = new ArrayList<>();

    @Option(names = "--quick", description = "A short smoke run (the file's quick: section), same code path.")
    boolean quick;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of charts and report.")
    Language lang;

    @Override
    public Integer call() {
        if (threads != null && threads < 1) {
            throw new fitlab.UserError("--threads " + threads + ": expected at least 1");
        }
        int n = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        var out = spec.commandLine().getOut();
        RunRequest request = new RunRequest(experiment, Optional.ofNullable(outDir), Path.of("runs"), n, sets, quick,
                Optional.ofNullable(lang).map(Language::code), CommandText.of("run", spec.commandLine().getParseResult().originalArgs()));
        RunResult result = RunService.run(request, Progress.forTerminal(out));
        var report = ReportCommand.render(result.folder(), request.language(), spec.commandLine().getErr());
        out.println("run folder: " + result.folder().root());
        out.println("report: " + report.index());
        out.flush();
        return FitlabCommand.OK;
    }
}
