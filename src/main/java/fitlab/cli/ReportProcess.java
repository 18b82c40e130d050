package fitlab.cli;

import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The report of {@code fitlab run}, drawn by a second JVM on the client compiler (C1) alone, as {@code fitlab report}
 * is. The training JVM needs the optimising compiler (C2) for its kernels, and a JVM cannot switch compilers half-way:
 * there the report's code, which runs once over much code, first runs with C1's full profiling (about a third
 * slower) until C2 declines it ({@link CompilerPolicy}), then is compiled again. Lesson 01's run took 6.4-6.8 s and
 * 12-13 CPU-s with the report drawn in the training JVM; training and report as two processes took 5.8-6.1 s and
 * 9.8-10.5 CPU-s. The child draws exactly what the training JVM would (same code, same files); it prints its progress
 * on the same terminal. The child also runs the reload check, on its report threads beside the charts: once the
 * reading of checkpoints ran on C1 in the training JVM too, the check there (0.6 s before the child started) only
 * added its C1 compilations; lesson 01's run 4.04-4.40 -> 3.86-4.19 s.
 *
 * <p>The parent keeps the run folder's lock while the child draws (the child is started only by the lock's holder,
 * so it takes none), stops it on Ctrl-C or SIGTERM, and falls back to drawing in its own JVM when no second JVM can
 * be started. Only when fitlab runs from its jar (the launchers, {@code java -jar}); tests draw in their own JVM
 * unless {@value #PROPERTY} is {@code true}.
 */
final class ReportProcess {
    static final String PROPERTY = "fitlab.report.separateJvm";
    /** The child's exit code when it was stopped by a signal (the shell's 128 + SIGINT). */
    private static final int STOPPED = FitlabCommand.INTERRUPTED;

    private ReportProcess() {}

    /** Whether {@code run} should draw its report in a second JVM. */
    static boolean wanted() {
        String forced = System.getProperty(PROPERTY);
        if (forced != null) {
            return Boolean.parseBoolean(forced);
        }
        return fromJar() && !clientCompilerOnly();
    }

    /**
     * Draws the report of {@code run} in a second JVM; its index page, or empty when no second JVM could be started
     * (the caller then draws it itself). Throws {@link Stopped} when {@code stop} became true, and {@link ChildFailed}
     * with the child's exit code when the child failed (it printed why).
     */
    static Optional<Path> render(RunFolder run, Optional<String> language, PrintWriter out, BooleanSupplier stop) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.addAll(jvmArguments());
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ReportProcess.class.getName());
        command.add(run.root().toAbsolutePath().toString());
        command.add(language.orElse(""));
        out.flush();
        Process child;
        try {
            child = new ProcessBuilder(command).inheritIO().start();
        } catch (IOException | UnsupportedOperationException e) {
            return Optional.empty();
        }
        try {
            while (!child.waitFor(50, TimeUnit.MILLISECONDS)) {
                if (stop.getAsBoolean()) {
                    child.destroy();
                    child.waitFor(10, TimeUnit.SECONDS);
                    throw new Stopped();
                }
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new Stopped();
        }
        int code = child.exitValue();
        if (code == FitlabCommand.OK) {
            return Optional.of(run.reportDir().resolve("index.html"));
        }
        if (stop.getAsBoolean() || code == STOPPED || code == 128 + 15) {
            throw new Stopped();
        }
        throw new ChildFailed(code);
    }

    /** Ctrl-C or SIGTERM while the child drew: the child is stopped (its files are each whole or absent). */
    static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super("report stopped");
        }
    }

    /** The child failed and said why on the terminal; the run exits with the child's code. */
    static final class ChildFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final int code;

        ChildFailed(int code) {
            super("the report's process exited with code " + code);
            this.code = code;
        }
    }

    /**
     * The child: {@code RUN_DIR LANGUAGE} (language empty for the experiment's); the parent holds the run's lock.
     */
    public static void main(String[] args) {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        int code;
        try {
            Optional<String> language = args[1].isEmpty() ? Optional.empty() : Optional.of(args[1]);
            ReportCommand.renderLocked(RunFolder.existing(Path.of(args[0])), language, out, err, () -> false);
            code = FitlabCommand.OK;
        } catch (RuntimeException e) {
            if (FitlabCommand.isUserError(e)) {
                err.println("fitlab: " + e.getMessage().lines().findFirst().orElse("report failed"));
                code = FitlabCommand.USER_ERROR;
            } else {
                err.println("fitlab: internal error while drawing the report: " + e);
                e.printStackTrace(err);
                code = 70;
            }
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    private static boolean fromJar() {
        try {
            var source = ReportProcess.class.getProtectionDomain().getCodeSource();
            return source != null && source.getLocation().getPath().endsWith(".jar");
        } catch (SecurityException e) {
            return false;
        }
    }

    private static boolean clientCompilerOnly() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream().anyMatch(a -> a.startsWith("-XX:TieredStopAtLevel=") && !a.endsWith("=4"));
    }

    private static String javaExecutable() {
        return ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }

    /**
     * The JVM options this process was started with (the launcher's collector, start-up archive and properties, the
     * user's FITLAB_JAVA_OPTS), without those that must not run twice: a debugger's or profiler's agent and port, a
     * flight recording into the same file, writing the start-up archive.
     */
    static List<String> jvmArguments() {
        return kept(ManagementFactory.getRuntimeMXBean().getInputArguments());
    }

    static List<String> kept(List<String> arguments) {
        List<String> kept = new ArrayList<>();
        for (String a : arguments) {
            if (a.startsWith("-agentlib:") || a.startsWith("-agentpath:") || a.startsWith("-javaagent:") || a.startsWith("-Xdebug")
                    || a.startsWith("-Xrunjdwp") || a.startsWith("-XX:StartFlightRecording") || a.startsWith("-XX:FlightRecorderOptions")
                    || a.startsWith("-XX:ArchiveClassesAtExit") || a.startsWith("-XX:+AutoCreateSharedArchive")
                    || a.startsWith("-Djdk.module.main") || a.startsWith("-XX:Flags=") || a.startsWith("-XX:VMOptionsFile=")) {
                continue;
            }
            kept.add(a);
        }
        return kept;
    }
}
