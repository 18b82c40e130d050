package fitlab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Keeps HotSpot's optimising compiler (C2) for the training code of the commands that train and draw in one process
 * ({@code run}, {@code resume}, {@code serve}), and gives everything else the client compiler (C1) alone.
 *
 * <p>Why: those commands train first, where C2's vectorised kernels pay, and then draw the report, whose chart, SVG and
 * PDF code runs once over much code: C2 compiling it cost more CPU than it saved (lesson 01's full run: 38-39 CPU-s,
 * 21-22.5 s wall with both compilers everywhere; 30-34 CPU-s, 17.7-19.1 s wall with this policy; training no slower).
 * The launchers already run the commands that train nothing on C1 alone ({@code -XX:TieredStopAtLevel=1}); a JVM
 * cannot switch compilers half-way, but HotSpot's compiler directives can keep C2 off per method.
 *
 * <p>The directives ({@code fitlab/jvm/compiler-directives.json}: C2 for the code of every training step, the model,
 * training and random packages and the JDK code their loops call, none for the rest) are added from inside the process
 * through the DiagnosticCommand MBean (what {@code jcmd PID Compiler.directives_add} does), not by a JVM flag:
 * {@code -XX:CompilerDirectivesFile} prints "N compiler directives added" on standard output at every start, and the
 * flag that would silence it silences the JVM's own error messages too. The bits stay the same: Java fixes the result
 * of every floating-point operation whichever compiler runs it ({@code CrossMachineBitsTest} trains under C1 alone).
 * Code that runs once an epoch or once a checkpoint (early stopping's bookkeeping, the metrics line, pickling and
 * zipping a checkpoint, reading one back for the reload check) stays on C1: lesson 01's run spent 1.8 CPU-s in C2,
 * most of it compiling that code (Double.toString's FloatingDecimal 0.30 s, the pickler 0.26 s, early stopping
 * 0.24 s, the checkpoint name table 0.17 s), against 0.14 s for the model and training kernels; on C1 alone it
 * trains 3.05 -> 2.2 user-s, no slower in wall time.
 * On a JVM without the MBean or the directives (not HotSpot, no {@code jdk.management}), nothing changes but speed.
 */
final class CompilerPolicy {
    static final String DIRECTIVES = "/fitlab/jvm/compiler-directives.json";
    /** The commands that train and then draw in the same JVM. */
    private static final Set<String> COMMANDS = Set.of("run", "resume", "serve");
    private static final ObjectName DIAGNOSTIC_COMMAND = name("com.sun.management:type=DiagnosticCommand");
    private static boolean installed;

    private CompilerPolicy() {}

    /** For a command that trains: adds the directives on a background thread (the platform MBeans take ~0.3 s to start). */
    static void startFor(String[] args) {
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            fitlab.DaemonThreads.start("fitlab-compiler-policy", CompilerPolicy::install);
        }
    }

    /** Adds the directives once per process; the JVM's answer ("3 compiler directives added"), or empty if it could not. */
    static synchronized Optional<String> install() {
        if (installed) {
            return Optional.of("already added");
        }
        try {
            Path file = Files.createTempFile("fitlab-compiler-directives", ".json");
            // a command that ends while this daemon thread is still here never reaches the finally below
            file.toFile().deleteOnExit();
            try {
                try (InputStream in = CompilerPolicy.class.getResourceAsStream(DIRECTIVES)) {
                    if (in == null) {
                        return Optional.empty();
                    }
                    Files.write(file, in.readAllBytes());
                }
                String answer = String.valueOf(diagnosticCommand("compilerDirectivesAdd", file.toString()));
                installed = answer.contains("directives added");
                return installed ? Optional.of(answer.strip()) : Optional.empty();
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException | JMException | RuntimeException | LinkageError e) {
            // a speed-up only: a JVM without the MBean trains and draws the same bits on its default compilers
            return Optional.empty();
        }
    }

    /** The JVM's directive stack as {@code jcmd PID Compiler.directives_print} shows it. */
    static String printed() throws JMException {
        return String.valueOf(diagnosticCommand("compilerDirectivesPrint"));
    }

    private static Object diagnosticCommand(String operation, String... arguments) throws JMException {
        return ManagementFactory.getPlatformMBeanServer().invoke(DIAGNOSTIC_COMMAND, operation,
                new Object[] {arguments.length == 0 ? null : arguments}, new String[] {String[].class.getName()});
    }

    private static ObjectName name(String name) {
        try {
            return new ObjectName(name);
        } catch (JMException e) {
            throw new IllegalStateException(e);
        }
    }
}
