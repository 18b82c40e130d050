package fitlab.serve;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/** A {@link LabServer} on 127.0.0.1 with an ephemeral port and its own runs folder, and the requests tests send it. */
final class LabFixture implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Lesson 01 cut to one cell of a few hundred epochs: seconds on a busy 2-core machine. */
    static final String SMALL_RUN = "{\"lesson\":\"01-polynomial-degree\",\"quick\":true,"
            + "\"settings\":{\"model.degree\":\"3\",\"training.epochs\":\"%d\",\"seed\":\"3\"}}";

    /**
     * Lesson 01's data and a degree-4 polynomial for the most epochs a config may ask for, on 2,000 points and
     * checkpointed rarely: minutes on any machine, so a test that needs a run still training when it acts (stops
     * it, queues behind it, closes its page, sees one cell finish before another) never races the trainer. Only a
     * fixture built with {@link #ROOM_FOR_ENDLESS_RUNS} accepts it.
     *
     * @param sweep a {@code sweep:} block, or "" for one cell
     */
    static String endlessExperiment(String sweep) {
        return String.join("\n",
                "name: endless",
                "seed: 3",
                "data: {kind: regression1d, function: cos(1.5*pi*x), x: [0, 1], noise: 0.1, train: 2000, validation: 200, test: 300}",
                "model: {kind: polynomial, basis: legendre, degree: 4}",
                "training: {optimizer: adam, lr: 0.02, epochs: 10000000, batch: full}",
                "checkpoint: {every: 1000000, keep: last}",
                sweep);
    }

    static final ServeSettings.RunLimitsFlags ROOM_FOR_ENDLESS_RUNS = new ServeSettings.RunLimitsFlags(30_000_000L,
            ServeSettings.RunLimitsFlags.DEFAULTS.maxTrain(), ServeSettings.RunLimitsFlags.DEFAULTS.maxWidth());

    final LabServer server;
    final Path runs;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    LabFixture(Path runs, int concurrent, int maxQueued, long orphanMillis) {
        this(runs, concurrent, maxQueued, orphanMillis, ServeSettings.RunLimitsFlags.DEFAULTS);
    }

    /** @param limits what one run may cost (a test that needs a cell which cannot finish before it is stopped raises them) */
    LabFixture(Path runs, int concurrent, int maxQueued, long orphanMillis, ServeSettings.RunLimitsFlags limits) {
        this.runs = runs;
        ServeSettings d = ServeSettings.defaults(runs, Path.of("experiments"));
        this.server = LabServer.start(new ServeSettings("127.0.0.1", 0, runs, d.experimentsDir(), limits, concurrent, maxQueued,
                orphanMillis, Set.of(), "en", d.maxThreads()), n -> {});
    }

    LabFixture(Path runs) {
        this(runs, 1, 16, 120_000);
    }

    String base() {
        return "http://127.0.0.1:" + server.port();
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<byte[]> getBytes(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(120))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> r) throws IOException {
        return JSON.readTree(r.body());
    }

    /** Starts a small run and returns its id. */
    String startSmallRun(int epochs) throws IOException, InterruptedException {
        return startRun(String.format(SMALL_RUN, epochs));
    }

    /** Posts a run order (a lesson with settings, or a YAML) and returns the id of the run it queued. */
    String startRun(String body) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/api/runs", body);
        assertTrue(r.statusCode() == 202, r.body());
        return json(r).get("id").asText();
    }

    /** A socket that has asked for the run's event stream; reading it gives the response and then the events. */
    Socket openEvents(String run, int timeoutSeconds) throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout(timeoutSeconds * 1000);
        OutputStream out = s.getOutputStream();
        out.write(("GET /api/runs/" + run + "/events HTTP/1.1\r\nHost: " + hostHeader() + "\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return s;
    }

    /**
     * Follows the run's event stream, handing each {@code update} to {@code handler} until it returns true (or the
     * stream ends); fails when no update comes for {@code seconds}.
     */
    void followEvents(String run, int seconds, java.util.function.Predicate<JsonNode> handler) throws IOException {
        try (Socket s = openEvents(run, seconds)) {
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("data: ") && handler.test(JSON.readTree(line.substring(6)))) {
                    return;
                }
            }
        }
    }

    /** Starts {@link #endlessExperiment} as one cell and returns its id; the caller stops it. */
    String startEndlessRun() throws IOException, InterruptedException {
        return startRun(JSON.createObjectNode().put("yaml", endlessExperiment("")).toString());
    }

    /** A quick lesson run followed to its end: its id and the capacity curve of its last update. */
    record FinishedRun(String id, JsonNode capacity) {}

    /** Starts a bundled lesson's quick run and returns its id. */
    String startQuickLesson(String lesson) throws IOException, InterruptedException {
        return startRun("{\"lesson\":\"" + lesson + "\",\"quick\":true}");
    }

    FinishedRun runQuickLesson(String lesson) throws IOException, InterruptedException {
        String run = startQuickLesson(lesson);
        JsonNode[] capacity = new JsonNode[1];
        followEvents(run, 180, u -> {
            if (u.has("capacity")) {
                capacity[0] = u.get("capacity");
            }
            return u.get("state").asText().equals("finished");
        });
        assertTrue(capacity[0] != null, lesson + ": no capacity curve came");
        return new FinishedRun(run, capacity[0]);
    }

    /** Polls the run until its state is one of {@code states}; fails after {@code seconds}. */
    JsonNode awaitState(String run, int seconds, String... states) throws IOException, InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        JsonNode last = null;
        while (System.nanoTime() < end) {
            last = json(get("/api/runs/" + run));
            for (String s : states) {
                if (s.equals(last.get("state").asText())) {
                    return last;
                }
            }
            Thread.sleep(100);
        }
        return fail("run " + run + " did not reach " + String.join("|", states) + " in " + seconds + " s: " + last);
    }

    /** A raw HTTP/1.1 request, for what java.net.http will not send (a foreign Host, a path left as written). */
    RawResponse raw(String method, String path, String host, String origin, String body) throws IOException {
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(30_000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
            if (origin != null) {
                req.append("Origin: ").append(origin).append("\r\n");
            }
            byte[] b = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
            if (body != null) {
                req.append("Content-Type: application/json\r\nContent-Length: ").append(b.length).append("\r\n");
            }
            req.append("\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(b);
            out.flush();
            InputStream in = s.getInputStream();
            String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(all.substring(9, 12));
            int split = all.indexOf("\r\n\r\n");
            return new RawResponse(status, split < 0 ? "" : all.substring(split + 4));
        }
    }

    String hostHeader() {
        return "127.0.0.1:" + server.port();
    }

    record RawResponse(int status, String body) {}

    @Override
    public void close() {
        server.close();
    }
}
