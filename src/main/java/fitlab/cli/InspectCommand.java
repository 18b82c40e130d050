package fitlab.cli;

import fitlab.UserError;
import fitlab.pth.PthInspector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fitlab inspect FILE.pth}: what a .pth file holds, without running anything in it. */
@Command(name = "inspect", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class, description = "Show the tensors, scalars and globals of a .pth file (nothing in it is executed).")
final class InspectCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE.pth")
    Path file;

    @Option(names = "--json", description = "One JSON object: format, byteorder, globals, tensors, scalars.")
    boolean json;

    @Option(names = "--values", description = "Include every tensor's values (row-major).")
    boolean values;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": no such file");
        }
        var out = spec.commandLine().getOut();
        out.println(json ? PthInspector.inspectJson(file, values) : PthInspector.inspectText(file, values));
        out.flush();
        return FitlabCommand.OK;
    }
}
