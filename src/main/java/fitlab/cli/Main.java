package fitlab.cli;

/** Entry point: {@code fitlab <command> ...}. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(FitlabCommand.commandLine().execute(args));
    }
}
