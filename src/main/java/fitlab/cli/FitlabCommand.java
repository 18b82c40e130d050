package fitlab.cli;

import fitlab.UserError;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root command; each subcommand is a thin {@code Callable<Integer>} that hands a record to a service. */
@Command(
        name = "fitlab",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "A lab for teaching overfitting and underfitting, with PyTorch-format checkpoints.",
        subcommands = {RunCommand.class, MergeCommand.class, ReportCommand.class, VerifyCommand.class, ResumeCommand.class, EvalCommand.class,
                InspectCommand.class, DataCommand.class, ListCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class FitlabCommand {

    /** Exit codes: 0 success, 1 a check failed (e.g. verify mismatch), 2 user error. */
    public static final int OK = 0;
    public static final int CHECK_FAILED = 1;
    public static final int USER_ERROR = 2;
    /** Stopped by Ctrl-C or SIGTERM after a clean checkpoint (128 + SIGINT, as shells report it). */
    public static final int INTERRUPTED = 130;

    @Option(names = "--debug", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
    boolean debug;

    /** A command line with fitlab's error handling: user errors are one line on stderr and exit 2. */
    public static CommandLine commandLine() {
        FitlabCommand root = new FitlabCommand();
        CommandLine cl = new CommandLine(root);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, args) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("fitlab: " + ex.getMessage().lines().findFirst().orElse("bad arguments")
                    + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
            return USER_ERROR;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            PrintWriter err = commandLine.getErr();
            boolean debug = root.debug || parseResult.hasMatchedOption("--debug");
            if (isUserError(ex)) {
                err.println("fitlab: " + oneLine(ex.getMessage()));
                if (debug) {
                    ex.printStackTrace(err);
                }
                err.flush();
                return USER_ERROR;
            }
            err.println("fitlab: internal error: " + ex + (debug ? "" : " (run with --debug for the stack trace)"));
            if (debug) {
                ex.printStackTrace(err);
            }
            err.flush();
            return 70;
        });
        return cl;
    }

    /** User errors come from fitlab ({@link UserError}) or from the standalone pth library. */
    static boolean isUserError(Throwable ex) {
        return ex instanceof UserError || ex.getClass().getName().equals("fitlab.pth.PthFormatException");
    }

    private static String oneLine(String message) {
        return message == null ? "error" : message.replace('\n', ' ').strip();
    }
}
