package fitlab.cli;

/** Entry point: {@code fitlab <command> ...}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        int code = FitlabCommand.commandLine().execute(args);
        if (!Interrupts.shuttingDown()) {
            // during a signal-driven shutdown System.exit would wait for the hooks forever; the JVM exits by itself
            System.exit(code);
        }
    }
}
