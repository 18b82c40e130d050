package fitlab.cli;

import fitlab.experiment.ContinueService;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fitlab resume RUN_DIR --cell ID}: continue one cell from a checkpoint into a new folder beside it. */
@Command(name = "resume", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Continue training one cell from a checkpoint into cells/<id>@resume-from-<E>/.")
final class ResumeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--cell", paramLabel = "ID", required = true, description = "The cell to continue.")
    String cell;

    @Option(names = "--from-epoch", paramLabel = "E", description = "Checkpoint to start from (default: the newest).")
    Integer fromEpoch;

    @Option(names = "--epochs", paramLabel = "N",
            description = "Train N more epochs, past any early-stopping point (default: up to the configured epochs, with early stopping).")
    Integer epochs;

    @Override
    public Integer call() {
        if (epochs != null && epochs < 1) {
            throw new fitlab.UserError("--epochs " + epochs + ": expected at least 1");
        }
        if (fromEpoch != null && fromEpoch < 0) {
            throw new fitlab.UserError("--from-epoch " + fromEpoch + ": expected an epoch number >= 0");
        }
        var out = spec.commandLine().getOut();
        Path folder = ContinueService.continueCell(runDir, cell,
                fromEpoch == null ? OptionalInt.empty() : OptionalInt.of(fromEpoch),
                epochs == null ? OptionalInt.empty() : OptionalInt.of(epochs), Progress.forTerminal(out));
        out.println("resumed cell: " + folder);
        out.flush();
        return FitlabCommand.OK;
    }
}
