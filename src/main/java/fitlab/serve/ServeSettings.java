package fitlab.serve;

import java.nio.file.Path;
import java.util.Set;

/**
 * How {@code fitlab serve} was started. The defaults live in {@link #DEFAULTS}; the command's flags override them.
 *
 * @param concurrentRuns runs that train at once (each gets its share of the cores); the others wait in the queue
 * @param maxQueued      runs that may wait; more are refused with 503
 * @param orphanMillis   a run no page has followed for this long is stopped cleanly (its tab was closed)
 * @param allowHosts     host names besides localhost and IP addresses that reach this server (for --host)
 * @param maxThreads     HTTP worker threads; requests beyond them wait in a bounded queue
 */
public record ServeSettings(String host, int port, Path runsDir, Path experimentsDir, RunLimitsFlags limits,
                            int concurrentRuns, int maxQueued, long orphanMillis, Set<String> allowHosts, String language,
                            int maxThreads) {
    public static final String LOOPBACK = "127.0.0.1";
    public static final int PORT = 8000;

    /** The limits per run as flags give them (public so the command can build them without seeing the checks). */
    public record RunLimitsFlags(long maxEpochCells, int maxTrain, int maxWidth) {
        public static final RunLimitsFlags DEFAULTS = new RunLimitsFlags(RunLimits.DEFAULTS.maxEpochCells(),
                RunLimits.DEFAULTS.maxTrain(), RunLimits.DEFAULTS.maxWidth());
    }

    public ServeSettings {
        allowHosts = Set.copyOf(allowHosts);
    }

    public static ServeSettings defaults(Path runsDir, Path experimentsDir) {
        return new ServeSettings(LOOPBACK, PORT, runsDir, experimentsDir, RunLimitsFlags.DEFAULTS, 1, 16, 30_000, Set.of(), "en", 32);
    }

    public boolean loopbackOnly() {
        return host.equals(LOOPBACK) || host.equals("localhost") || host.equals("::1");
    }

    RunLimits runLimits() {
        return new RunLimits(limits.maxEpochCells(), limits.maxTrain(), limits.maxWidth());
    }
}
