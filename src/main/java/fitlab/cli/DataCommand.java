package fitlab.cli;

import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.experiment.DataService;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fitlab data EXPERIMENT.yaml}: only generate the datasets, as CSV. */
@Command(name = "data", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Generate an experiment's datasets as CSV (train, validation, test), without training.")
final class DataCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "EXPERIMENT.yaml")
    Path experiment;

    @Option(names = "--out", paramLabel = "DIR", description = "Folder to write to (default: datasets/<name>).")
    Path outDir;

    @Option(names = "--set", paramLabel = "key.path=value", description = "Override a config field.")
    List<String> sets = new java.util.ArrayList<>();

    @Option(names = "--quick", description = "Apply the file's quick: section.")
    boolean quick;

    @Override
    public Integer call() {
        Experiment e = ExperimentLoader.load(BundledExperiments.resolve(experiment), sets, quick);
        Path out = outDir != null ? outDir : Path.of("datasets", e.base().name());
        for (String written : DataService.write(e, out)) {
            spec.commandLine().getOut().println(written);
        }
        spec.commandLine().getOut().flush();
        return FitlabCommand.OK;
    }
}
