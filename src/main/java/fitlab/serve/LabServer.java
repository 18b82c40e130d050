package fitlab.serve;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import fitlab.UserError;
import fitlab.experiment.VerifyService;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.staticfiles.Location;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.BlockingArrayQueue;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * {@code fitlab serve}'s web server (Javalin on Jetty): the page and its scripts from the jar, and a small JSON API
 * whose handlers only validate, look up by id and call the services the CLI uses. Every request first passes the
 * {@link HostGuard}; requests wait in a bounded queue for a bounded pool of threads, and event streams hold no thread.
 */
public final class LabServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int IDLE_TIMEOUT_MS = 30_000;

    private final ServeSettings settings;
    private final Lessons lessons;
    private final RunQueue queue;
    private final EventPump pump;
    private final RunFiles files;
    private final Path uploads;
    private final ThreadPoolExecutor verifier;
    private final Javalin app;
    private volatile HostGuard guard;

    private LabServer(ServeSettings settings, java.util.function.Consumer<String> notices) {
        this.settings = settings;
        this.lessons = Lessons.scan(settings.experimentsDir(), notices);
        try {
            Files.createDirectories(settings.runsDir());
            this.uploads = Files.createTempDirectory("fitlab-serve-yaml-");
        } catch (IOException e) {
            throw new UserError("--runs " + settings.runsDir() + ": cannot create the folder: " + e.getMessage());
        }
        this.queue = new RunQueue(settings.runsDir(), settings.concurrentRuns(), settings.maxQueued(), settings.language());
        this.pump = new EventPump(queue, settings.runsDir(), settings.orphanMillis());
        this.files = new RunFiles(settings.runsDir());
        this.verifier = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4), r -> {
            Thread t = new Thread(r, "fitlab-serve-verify");
            t.setDaemon(true);
            return t;
        });
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = 2L * RunOrder.MAX_YAML_BYTES;
            config.http.asyncTimeout = 0;
            config.staticFiles.add(s -> {
                s.hostedPath = "/static";
                s.directory = "/fitlab/serve/static";
                s.location = Location.CLASSPATH;
            });
            config.staticFiles.enableWebjars();
            QueuedThreadPool pool = new QueuedThreadPool(Math.max(8, settings.maxThreads()), 4, 60_000,
                    new BlockingArrayQueue<>(64, 64, 1024));
            pool.setName("fitlab-serve-http");
            pool.setDaemon(true);
            config.jetty.threadPool = pool;
        });
        routes();
    }

    /** Starts the server (port 0: any free port) and returns it; {@link #url()} is where to open it. */
    public static LabServer start(ServeSettings settings, java.util.function.Consumer<String> notices) {
        LabServer s = new LabServer(settings, notices);
        try {
            s.app.start(settings.host(), settings.port());
        } catch (RuntimeException e) {
            s.close();
            throw new UserError("cannot listen on " + settings.host() + ":" + settings.port() + ": " + rootMessage(e));
        }
        for (var c : s.app.jettyServer().server().getConnectors()) {
            if (c instanceof ServerConnector sc) {
                sc.setIdleTimeout(IDLE_TIMEOUT_MS);
            }
        }
        s.guard = new HostGuard(s.port(), settings.allowHosts());
        return s;
    }

    public int port() {
        return app.port();
    }

    public String url() {
        String h = settings.loopbackOnly() || settings.host().equals("0.0.0.0") || settings.host().equals("::") ? "127.0.0.1" : settings.host();
        return "http://" + (h.contains(":") ? "[" + h + "]" : h) + ":" + port() + "/";
    }

    private void routes() {
        app.before(ctx -> {
            HostGuard g = guard;
            Optional<String> refused = g == null ? Optional.of("403: starting") : g.check(ctx.header("Host"), ctx.header("Origin"));
            if (refused.isPresent()) {
                ctx.skipRemainingHandlers();
                json(ctx, 403, Map.of("error", refused.get().substring(5)));
                return;
            }
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("X-Frame-Options", "DENY");
            ctx.header("Referrer-Policy", "no-referrer");
            ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'");
        });
        app.exception(Rejection.class, (e, ctx) -> json(ctx, e.status(), e.body()));
        app.exception(Exception.class, (e, ctx) -> json(ctx, 500, Map.of("error", "internal error: " + e.getClass().getSimpleName())));
        app.error(404, ctx -> {
            if (ctx.result() == null || ctx.result().isEmpty()) {
                json(ctx, 404, Map.of("error", "not found"));
            }
        });

        app.get("/", ctx -> page(ctx));
        app.get("/api/lessons", ctx -> json(ctx, 200, lessons.all().stream().map(LabServer::lessonJson).toList()));
        app.get("/api/words", ctx -> json(ctx, 200, PageWords.of(ctx.queryParam("lang"))));
        app.post("/api/runs", this::startRun);
        app.get("/api/runs/{id}", ctx -> json(ctx, 200, Frames.state(run(ctx), queue, settings.runsDir())));
        app.before("/api/runs/{id}/events", ctx -> run(ctx));
        app.sse("/api/runs/{id}/events", client -> {
            Optional<LiveRun> r = queue.get(client.ctx().pathParam("id"));
            if (r.isEmpty()) {
                client.close();
                return;
            }
            pump.follow(client, r.get());
        });
        app.post("/api/runs/{id}/stop", ctx -> {
            LiveRun r = run(ctx);
            queue.stop(r);
            json(ctx, 202, Frames.state(r, queue, settings.runsDir()));
        });
        app.post("/api/runs/{id}/continue", this::continueCell);
        app.post("/api/runs/{id}/verify", this::verify);
        app.get("/api/runs/{id}/cells/{cell}/{file}", ctx -> {
            LiveRun r = run(ctx);
            Path f = files.cellFile(r, ctx.pathParam("cell"), ctx.pathParam("file")).orElseThrow(() -> new Rejection(404, "file",
                    "no file '" + ctx.pathParam("file") + "' for cell '" + ctx.pathParam("cell") + "' of run " + r.id()
                            + " (files: " + String.join(", ", RunFiles.CELL_FILES) + ")"));
            send(ctx, f, ctx.pathParam("file"));
        });
        app.get("/api/runs/{id}/report/<file>", ctx -> {
            LiveRun r = run(ctx);
            Path f = files.reportFile(r, ctx.pathParam("file")).orElseThrow(() -> new Rejection(404, "file",
                    "no report file '" + ctx.pathParam("file") + "' in run " + r.id()));
            send(ctx, f, null);
        });
    }

    private LiveRun run(Context ctx) {
        String id = ctx.pathParam("id");
        return queue.get(id).orElseThrow(() -> new Rejection(404, "run", "no run '" + clip(id) + "' on this server"));
    }

    private void startRun(Context ctx) {
        RunOrder.Body body = parse(ctx, RunOrder.Body.class);
        RunOrder order = RunOrder.validate(body, lessons, settings.runLimits(), uploads);
        LiveRun r = queue.submit(order);
        json(ctx, 202, Frames.state(r, queue, settings.runsDir()));
    }

    /** What the page sends to continue a cell past its stop point. */
    record ContinueBody(String cell, Integer epochs) {}

    private static final int MAX_CONTINUE_EPOCHS = 100_000;

    private void continueCell(Context ctx) {
        LiveRun r = run(ctx);
        ContinueBody b = parse(ctx, ContinueBody.class);
        int epochs = b.epochs() == null ? 1000 : b.epochs();
        if (epochs < 1 || epochs > Math.min(MAX_CONTINUE_EPOCHS, settings.limits().maxEpochCells())) {
            throw new Rejection(422, "epochs", "epochs = " + epochs + ": expected 1 to "
                    + Math.min(MAX_CONTINUE_EPOCHS, settings.limits().maxEpochCells()) + " (fitlab serve --max-epoch-cells)");
        }
        queue.continueCell(r, b.cell(), epochs);
        json(ctx, 202, Frames.state(r, queue, settings.runsDir()));
    }

    private void verify(Context ctx) {
        LiveRun r = run(ctx);
        if (r.state().active() || r.folder().isEmpty()) {
            throw new Rejection(409, "run", "run " + r.id() + " is " + r.state().key() + "; verify it once it has finished");
        }
        Path folder = r.folder().get().root();
        CompletableFuture<Map<String, Object>> result;
        try {
            result = CompletableFuture.supplyAsync(() -> verifyJson(VerifyService.verify(folder, Optional.empty(), "all")), verifier);
        } catch (RejectedExecutionException e) {
            throw new Rejection(503, null, "verification is busy with other runs; try again in a moment");
        }
        ctx.future(() -> result.handle((m, e) -> {
            if (e != null) {
                Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
                json(ctx, cause instanceof UserError ? 400 : 500, Map.of("error", String.valueOf(cause.getMessage())));
            } else {
                json(ctx, 200, m);
            }
            return null;
        }));
    }

    static Map<String, Object> verifyJson(List<VerifyService.Check> checks) {
        List<Map<String, Object>> rows = new ArrayList<>();
        long failed = 0;
        for (VerifyService.Check c : checks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cell", c.cell());
            m.put("epoch", c.epoch());
            m.put("logged", FitSnapshots.finite(c.logged()));
            m.put("reloaded", FitSnapshots.finite(c.reloaded()));
            m.put("ok", c.ok());
            m.put("problem", c.problem());
            rows.add(m);
            failed += c.ok() ? 0 : 1;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", failed == 0);
        m.put("checkpoints", checks.size());
        m.put("cells", checks.stream().map(VerifyService.Check::cell).distinct().count());
        m.put("failed", failed);
        m.put("checks", rows);
        return m;
    }

    private static Map<String, Object> lessonJson(Lesson l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", l.id());
        m.put("question", l.question());
        m.put("task", l.task());
        m.put("model", l.model());
        m.put("cells", l.cells());
        m.put("sweep", l.sweep());
        m.put("quickSweep", l.quickSweep());
        m.put("settings", l.settings());
        return m;
    }

    private static <T> T parse(Context ctx, Class<T> type) {
        String body = ctx.body();
        if (body.isBlank()) {
            throw new Rejection(400, "body", "expected a JSON object in the request body");
        }
        try {
            return JSON.readValue(body, type);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            var at = e.getLocation();
            throw new Rejection(400, "body", "request body: " + e.getOriginalMessage().lines().findFirst().orElse("not JSON")
                    + (at != null ? " at line " + at.getLineNr() + ", column " + at.getColumnNr() : ""));
        }
    }

    private static void json(Context ctx, int status, Object body) {
        try {
            ctx.status(status).contentType("application/json; charset=utf-8").result(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            ctx.status(500).result("{\"error\":\"cannot write JSON\"}");
        }
    }

    private static void send(Context ctx, Path file, String attachmentName) throws IOException {
        String name = file.getFileName().toString();
        String type = name.endsWith(".html") ? "text/html; charset=utf-8" : name.endsWith(".png") ? "image/png"
                : name.endsWith(".svg") ? "image/svg+xml" : name.endsWith(".csv") ? "text/csv; charset=utf-8"
                : name.endsWith(".json") ? "application/json" : name.endsWith(".gif") ? "image/gif" : "application/octet-stream";
        ctx.contentType(type);
        if (attachmentName != null) {
            ctx.header("Content-Disposition", "attachment; filename=\"" + attachmentName + "\"");
        }
        ctx.result(Files.readAllBytes(file));
    }

    private static volatile String pageHtml;

    private static void page(Context ctx) throws IOException {
        String html = pageHtml;
        if (html == null) {
            try (InputStream in = LabServer.class.getResourceAsStream("/fitlab/serve/index.html")) {
                html = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            pageHtml = html;
        }
        ctx.contentType("text/html; charset=utf-8").result(html);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static String rootMessage(Throwable e) {
        while (e.getCause() != null) {
            e = e.getCause();
        }
        return String.valueOf(e.getMessage());
    }

    /** Runs started from the page and their state (for the benchmark and tests in this package). */
    Optional<LiveRun> liveRun(String id) {
        return queue.get(id);
    }

    int streams() {
        return pump.watching();
    }

    @Override
    public void close() {
        pump.close();
        queue.close();
        verifier.shutdownNow();
        try {
            app.stop();
        } catch (RuntimeException e) {
            // stopping a server that never started
        }
        deleteUploads();
    }

    /** The folder where YAML sent from the page is kept while this server runs (runs copy it into their own folder). */
    Path uploadsDir() {
        return uploads;
    }

    /** Removes the page's YAML folder: it lives in the system's temporary folder, one per server, and would pile up. */
    private void deleteUploads() {
        try (var files = Files.list(uploads)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(uploads);
        } catch (IOException e) {
            // already gone, or left for the system's clean-up of its temporary folder: nothing a user must act on
        }
    }
}
