package fitlab.cli;

import fitlab.merge.MergeService;
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

/** {@code fitlab merge DIR... --out RUN_DIR}: join shard folders into one run, or students' runs into a class run. */
@Command(name = "merge", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Join the shard folders of one sweep (fitlab run --shard K/N) into one run folder and draw its report.",
                "Folders without shard.json are whole runs of one lesson that differ only in seed (one per student): they are "
                        + "joined into a class run, with every student's curve, the median and a 10-90 % band."})
final class MergeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Shard folders, or finished run folders for a class run.")
    List<Path> inputs = new ArrayList<>();

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "The run folder to create (new or empty).")
    Path out;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of charts and report.")
    Language lang;

    @Override
    public Integer call() {
        var o = spec.commandLine().getOut();
        MergeService.merge(inputs, out, CommandText.of("merge", spec.commandLine().getParseResult().originalArgs()), result -> {
            var report = ReportCommand.renderLocked(result.folder(), Optional.ofNullable(lang).map(Language::code), o,
                    spec.commandLine().getErr(), () -> false);
            o.println((result.kind() == MergeService.Kind.SHARDS ? "merged " + result.inputs() + " shards" : "class run of "
                    + result.inputs() + " students") + ": " + result.folder().root());
            result.diagnoses().forEach(line -> o.println("  " + line));
            o.println("report: " + report.index());
            return result;
        });
        o.flush();
        return FitlabCommand.OK;
    }
}
