package fitlab.cli;

import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fitlab list}: the bundled experiments, one line each: file, cells, question. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "List the bundled experiments with their questions.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--dir", description = "Folder of experiment YAML files (default: the bundled experiments/).")
    Path dir;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of the questions: en or zh.", defaultValue = "en")
    Language lang;

    @Override
    public Integer call() {
        Path folder = dir != null ? dir : BundledExperiments.folder();
        if (!Files.isDirectory(folder)) {
            throw new fitlab.UserError("--dir " + folder + ": " + (Files.exists(folder) ? "not a folder" : "no such folder")
                    + "; expected a folder of experiment files named NN-name.yaml");
        }
        List<Path> files = BundledExperiments.lessons(folder);
        var out = spec.commandLine().getOut();
        for (Path f : files) {
            Experiment e = ExperimentLoader.load(f, List.of(), false);
            out.printf("%-40s %3d cells  %s%n", folder.relativize(f), e.cells().size(), e.base().question().in(lang.code()));
        }
        out.flush();
        return FitlabCommand.OK;
    }
}
