package fitlab.cli;

import java.util.Set;

/**
 * Initialises Tablesaw on a background thread as soon as a command that builds a Tablesaw table starts. Tablesaw's
 * {@code Table} class scans the class path for its readers and writers (ClassGraph over the jar's 31 000 entries)
 * when it is first touched: about 0.45 CPU-seconds, which a command would otherwise pay at its first table. Started
 * first, it overlaps parsing the experiment and reading the run folder. Nothing else changes: the class is
 * initialised once per process whichever thread gets there first.
 */
final class TablesawWarmUp {
    /**
     * The commands that read tables through Tablesaw: a class merge (each student's summary) and the live page (its
     * frames). The datasets and {@code summary.csv} are written with Tablesaw's bytes without it ({@code
     * fitlab.io.CsvTable}) and read without it, so {@code run}, {@code resume}, {@code data}, {@code report},
     * {@code verify} and {@code eval} never initialise Tablesaw.
     */
    private static final Set<String> COMMANDS = Set.of("merge", "serve");

    private TablesawWarmUp() {}

    static void startFor(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            fitlab.DaemonThreads.start("fitlab-tablesaw-init", TablesawWarmUp::initialise);
        }
    }

    private static void initialise() {
        try {
            Class.forName("tech.tablesaw.api.Table", true, TablesawWarmUp.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            // the command itself will meet the same problem where it uses the class, and report it there
        }
    }
}
