package fitlab.cli;

import java.util.Set;

/**
 * Initialises Tablesaw on a background thread as soon as a command that reads or writes tables starts. Tablesaw's
 * {@code Table} class scans the class path for its readers and writers (ClassGraph over the jar's 31 000 entries)
 * when it is first touched: about 0.6 s of one core, which {@code run} paid at its first dataset file and
 * {@code report} at its first fitted curve (before datasets were read without Tablesaw). Started first, it overlaps parsing the experiment and reading the run
 * folder. Nothing else changes: the class is initialised once per process whichever thread gets there first.
 */
final class TablesawWarmUp {
    /**
     * The commands that build a Table (dataset files, summary.csv, the live page's frames). Reading a dataset does
     * not ({@code DatasetCsv}), so {@code report}, {@code verify} and {@code eval} never initialise Tablesaw.
     */
    private static final Set<String> COMMANDS = Set.of("run", "merge", "data", "serve", "resume");

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
