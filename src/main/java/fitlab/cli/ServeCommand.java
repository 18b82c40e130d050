package fitlab.cli;

import fitlab.serve.LabServer;
import fitlab.serve.ServeSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fitlab serve}: the live lab on a local web page; runs go to the runs folder exactly as {@code fitlab run} writes them. */
@Command(name = "serve", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Start the live lab in the browser: pick a lesson, move a slider, watch a real model train.")
final class ServeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", description = "Port to listen on (default: ${DEFAULT-VALUE}; 0 = any free port).")
    int port = ServeSettings.PORT;

    @Option(names = "--host", paramLabel = "ADDRESS", description = "Address to bind (default: ${DEFAULT-VALUE}, this computer only).")
    String host = ServeSettings.LOOPBACK;

    @Option(names = "--allow-host", paramLabel = "NAME", description = "A host name (besides localhost and IP addresses) the page may be opened under.")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--runs", paramLabel = "DIR", description = "Where run folders go (default: ${DEFAULT-VALUE}).")
    Path runs = Path.of("runs");

    @Option(names = "--experiments", paramLabel = "DIR", description = "Folder of experiment YAML files to offer (default: the bundled lessons).")
    Path experiments;

    @Option(names = "--open", description = "Open the page in the default browser.")
    boolean open;

    @Option(names = "--lang", paramLabel = "en|zh", description = "Language of the reports the server draws (the page has its own switch).")
    Language lang = Language.EN;

    @Option(names = "--max-epoch-cells", paramLabel = "N", description = "Limit per run: epochs summed over its cells.")
    long maxEpochCells = ServeSettings.RunLimitsFlags.DEFAULTS.maxEpochCells();

    @Option(names = "--max-train", paramLabel = "N", description = "Limit per run: training points.")
    int maxTrain = ServeSettings.RunLimitsFlags.DEFAULTS.maxTrain();

    @Option(names = "--max-width", paramLabel = "N", description = "Limit per run: width of a hidden layer.")
    int maxWidth = ServeSettings.RunLimitsFlags.DEFAULTS.maxWidth();

    @Option(names = "--concurrent-runs", paramLabel = "N", description = "Runs that train at once; the others wait in a queue.")
    Integer concurrentRuns;

    @Option(names = "--max-queued", paramLabel = "N", description = "Runs that may wait in the queue.")
    Integer maxQueued;

    @Override
    public Integer call() throws InterruptedException {
        if (port < 0 || port > 65535) {
            throw new fitlab.UserError("--port " + port + ": expected 0 to 65535");
        }
        for (long v : new long[] {maxEpochCells, maxTrain, maxWidth}) {
            if (v < 1) {
                throw new fitlab.UserError("--max-epoch-cells, --max-train and --max-width: expected at least 1, got " + v);
            }
        }
        ServeSettings d = ServeSettings.defaults(runs, experiments != null ? experiments : BundledExperiments.folder());
        int concurrent = concurrentRuns != null ? concurrentRuns : d.concurrentRuns();
        int queued = maxQueued != null ? maxQueued : d.maxQueued();
        if (concurrent < 1 || queued < 1) {
            throw new fitlab.UserError("--concurrent-runs and --max-queued: expected at least 1");
        }
        ServeSettings settings = new ServeSettings(host, port, runs, d.experimentsDir(),
                new ServeSettings.RunLimitsFlags(maxEpochCells, maxTrain, maxWidth), concurrent, queued, d.orphanMillis(),
                Set.copyOf(allowHosts), lang.code(), d.maxThreads());
        var out = spec.commandLine().getOut();
        var err = spec.commandLine().getErr();
        LabServer server = LabServer.start(settings, notice -> err.println("fitlab: " + notice));
        CountDownLatch stopped = new CountDownLatch(1);
        // Ctrl-C: every run stops after a complete checkpoint (resumable with fitlab run --resume), then the server ends
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "fitlab-serve-shutdown"));
        if (!settings.loopbackOnly()) {
            err.println("fitlab: warning: listening on " + host + ": anyone who can reach this computer on the network can use the lab");
        }
        out.println("fitlab serve: open " + server.url() + "   (runs go to " + runs.toAbsolutePath() + "; Ctrl-C stops)");
        out.flush();
        err.flush();
        if (open) {
            openBrowser(server.url(), err);
        }
        stopped.await();
        return FitlabCommand.OK;
    }

    private static void openBrowser(String url, java.io.PrintWriter err) {
        try {
            new ProcessBuilder("xdg-open", url).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (java.io.IOException e) {
            err.println("fitlab: cannot open a browser (" + e.getMessage() + "); open " + url + " yourself");
        }
    }
}
