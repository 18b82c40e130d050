package fitlab.cli;

import fitlab.experiment.VerifyService;
import fitlab.experiment.VerifyService.Check;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fitlab verify RUN_DIR}: reload every checkpoint from its file alone and compare with metrics.csv, bit for bit. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Reload checkpoints from the files alone and check they reproduce metrics.csv bit for bit.")
final class VerifyCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR")
    Path runDir;

    @Option(names = "--cell", paramLabel = "ID", description = "Only this cell.")
    String cell;

    @Option(names = "--epochs", paramLabel = "all|best|last|N,M", defaultValue = "all", description = "Which checkpoints (default: all).")
    String epochs;

    @Override
    public Integer call() {
        List<Check> checks = VerifyService.verify(runDir, Optional.ofNullable(cell), epochs);
        var out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%-24s %6s  %-24s %-24s %-10s %s%n", "cell", "epoch", "validation (logged)", "validation (reloaded)",
                "max |diff|", "result");
        long failed = 0;
        for (Check c : checks) {
            if (!c.ok()) {
                failed++;
            }
            out.printf(Locale.ROOT, "%-24s %6d  %-24s %-24s %-10s %s%n", c.cell(), c.epoch(), c.logged()[1], c.reloaded()[1],
                    Double.isNaN(c.maxDifference()) ? "-" : String.format(Locale.ROOT, "%.3g", c.maxDifference()),
                    c.ok() ? "equal" : "MISMATCH: " + c.problem());
        }
        long cells = checks.stream().map(Check::cell).distinct().count();
        if (failed == 0) {
            out.printf(Locale.ROOT, "verdict: all %d checkpoints of %d cells reproduce metrics.csv bit for bit (train, validation, test)%n",
                    checks.size(), cells);
        } else {
            String first = checks.stream().filter(c -> !c.ok()).map(c -> c.cell() + " epoch " + c.epoch()).findFirst().orElse("");
            out.printf(Locale.ROOT, "verdict: %d of %d checkpoints do NOT reproduce metrics.csv (first: %s)%n", failed, checks.size(), first);
        }
        out.flush();
        return failed == 0 ? FitlabCommand.OK : FitlabCommand.CHECK_FAILED;
    }
}
