package fitlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fitlab.experiment.ProgressListener;
import fitlab.experiment.RunControl;
import fitlab.experiment.RunService;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * fitlab serve over plain HTTP on 127.0.0.1: every rejection the classroom needs (foreign Host/Origin, path
 * traversal in every spelling, symlinks, bad YAML with line:column, bad settings, limits, a full queue, malformed
 * bodies), a client that disconnects mid-stream, 200 concurrent requests, and the event stream's batching.
 */
class ServeHttpTest {
    @TempDir
    static Path runs;
    static LabFixture lab;
    /** A finished one-cell run shared by the download tests. */
    static String finished;

    @BeforeAll
    static void start() throws Exception {
        lab = new LabFixture(runs);
        finished = lab.startSmallRun(200);
        lab.awaitState(finished, 180, "finished");
    }

    @AfterAll
    static void stop() {
        lab.close();
    }

    @Test
    void aForeignHostIsRefusedWith403AndTheServersOwnNamesAreServed() throws Exception {
        int port = lab.server.port();
        LabFixture.RawResponse evil = lab.raw("GET", "/api/lessons", "evil.example:" + port, null, null);
        assertEquals(403, evil.status());
        assertTrue(evil.body().contains("Host 'evil.example:" + port + "' is not this server"), evil.body());
        assertEquals(403, lab.raw("GET", "/", "attacker.test", null, null).status(), "no port: not ours");
        assertEquals(403, lab.raw("GET", "/", "localhost:" + (port + 1), null, null).status(), "another port");
        assertEquals(403, lab.raw("GET", "/", "127.0.0.1.nip.io:" + port, null, null).status(), "a name that resolves to loopback");
        for (String ours : new String[] {"127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port}) {
            assertEquals(200, lab.raw("GET", "/api/lessons", ours, null, null).status(), ours);
        }
    }

    @Test
    void aForeignOriginIsRefusedWith403EvenWithTheRightHost() throws Exception {
        LabFixture.RawResponse r = lab.raw("POST", "/api/runs", lab.hostHeader(), "http://evil.example", String.format(LabFixture.SMALL_RUN, 10));
        assertEquals(403, r.status());
        assertTrue(r.body().contains("Origin 'http://evil.example' is not this server"), r.body());
        assertEquals(403, lab.raw("POST", "/api/runs/" + finished + "/stop", lab.hostHeader(), "null", "{}").status());
        assertEquals(403, lab.raw("GET", "/api/lessons", lab.hostHeader(), "https://" + lab.hostHeader(), null).status(), "https is another origin");
        // the page's own origin is accepted: a bad body then gets a 400, not a 403
        LabFixture.RawResponse own = lab.raw("POST", "/api/runs", lab.hostHeader(), "http://" + lab.hostHeader(), "{\"lesson\":\"nope\"}");
        assertEquals(400, own.status());
        assertTrue(own.body().contains("lesson 'nope': no such lesson"), own.body());
    }

    @Test
    void downloadsAreByRunAndCellIdOnlyAndTraversalIn404() throws Exception {
        HttpResponse<byte[]> best = lab.getBytes("/api/runs/" + finished + "/cells/base/best.pth");
        assertEquals(200, best.statusCode());
        assertEquals('P', best.body()[0]);
        assertEquals('K', best.body()[1]);
        assertEquals(Files.size(lab.runs.resolve(folder(finished)).resolve("cells/base/best.pth")), best.body().length);
        String[] attempts = {
            "/api/runs/" + finished + "/cells/..%2F..%2F..%2Fetc/best.pth",
            "/api/runs/" + finished + "/cells/%2Fetc%2Fpasswd/best.pth",
            "/api/runs/" + finished + "/cells/base/..%2Fexperiment.yaml",
            "/api/runs/" + finished + "/cells/base/%2Fetc%2Fpasswd",
            "/api/runs/" + finished + "/cells/base/..%252F..%252Fexperiment.yaml",
            "/api/runs/" + finished + "/report/../experiment.yaml",
            "/api/runs/" + finished + "/report/%2e%2e/experiment.yaml",
            "/api/runs/" + finished + "/report/..%2Fcommand.txt",
            "/api/runs/" + finished + "/report/charts/..%2F..%2Fexperiment.yaml",
            "/api/runs/" + finished + "/report/%2Fetc%2Fpasswd",
            "/api/runs/..%2F..%2Fetc/cells/base/best.pth",
            "/api/runs/%2Ftmp/cells/base/best.pth",
            "/api/runs/" + finished + "/cells/base/../../experiment.yaml",
            "/etc/passwd",
        };
        for (String path : attempts) {
            LabFixture.RawResponse r = lab.raw("GET", path, lab.hostHeader(), null, null);
            assertEquals(404, r.status(), path + " -> " + r.body());
            assertFalse(r.body().contains("root:") || r.body().contains("name: polynomial-degree"), path + " leaked a file");
        }
        for (String path : new String[] {"/static/../../../../etc/passwd", "/static/%2e%2e/%2e%2e/etc/passwd"}) {
            LabFixture.RawResponse r = lab.raw("GET", path, lab.hostHeader(), null, null);
            assertEquals(400, r.status(), path + ": Jetty refuses a path that climbs above the root");
            assertFalse(r.body().contains("root:"));
        }
        LabFixture.RawResponse unknown = lab.raw("GET", "/api/runs/" + finished + "/cells/base/model.pth", lab.hostHeader(), null, null);
        assertTrue(unknown.body().contains("no file 'model.pth' for cell 'base'"), unknown.body());
    }

    @Test
    void aFileReplacedByASymbolicLinkIsNotServed(@TempDir Path outside) throws Exception {
        String run = lab.startSmallRun(20);
        lab.awaitState(run, 180, "finished");
        Path cell = lab.runs.resolve(folder(run)).resolve("cells/base");
        Path secret = Files.writeString(outside.resolve("secret-" + run + ".txt"), "SECRET");
        Files.delete(cell.resolve("last.pth"));
        Files.createSymbolicLink(cell.resolve("last.pth"), secret);
        HttpResponse<String> r = lab.get("/api/runs/" + run + "/cells/base/last.pth");
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("SECRET"));
        Path report = lab.runs.resolve(folder(run)).resolve("report");
        Files.createSymbolicLink(report.resolve("linked.txt"), secret);
        assertEquals(404, lab.get("/api/runs/" + run + "/report/linked.txt").statusCode());
        assertEquals(200, lab.get("/api/runs/" + run + "/report/index.html").statusCode(), "the report itself is served");
    }

    @Test
    void badYamlComesBackWithLineAndColumnAndNothingIsWritten() throws Exception {
        long before = countRunFolders();
        String yaml = "name: page\\ndata:\\n  kind: regression1d\\n  noize: 0.1\\n";
        HttpResponse<String> r = lab.post("/api/runs", "{\"yaml\":\"" + yaml + "\"}");
        assertEquals(400, r.statusCode());
        JsonNode j = LabFixture.json(r);
        assertEquals("yaml", j.get("field").asText());
        assertEquals(4, j.get("line").asInt());
        assertEquals(3, j.get("column").asInt());
        assertTrue(j.get("error").asText().startsWith("experiment.yaml:4:3: data.noize: unknown key (did you mean 'noise'?)"), r.body());
        HttpResponse<String> broken = lab.post("/api/runs", "{\"yaml\":\"name: [unclosed\\n\"}");
        assertEquals(400, broken.statusCode());
        assertTrue(LabFixture.json(broken).get("line").asInt() >= 1, broken.body());
        HttpResponse<String> file = lab.post("/api/runs", "{\"yaml\":\"name: p\\ndata:\\n  kind: csv\\n  path: /etc/passwd\\n\"}");
        assertEquals(400, file.statusCode());
        assertTrue(file.body().contains("cannot read files on the server"), file.body());
        assertEquals(before, countRunFolders(), "no run folder for a refused request");
    }

    @Test
    void closingTheServerRemovesTheFolderOfThePagesYaml(@TempDir Path dir) throws Exception {
        Path uploads;
        try (LabFixture own = new LabFixture(dir.resolve("runs"))) {
            uploads = own.server.uploadsDir();
            own.post("/api/runs", "{\"yaml\":\"name: p\\ndata:\\n  kind: csv\\n  path: /etc/passwd\\n\"}");
            try (var kept = Files.list(uploads)) {
                assertEquals(1, kept.count(), "the server keeps the page's YAML while it runs");
            }
        }
        assertFalse(Files.exists(uploads), uploads + " is left in the temporary folder");
    }

    @Test
    void badSettingsAreNamedByTheirField() throws Exception {
        HttpResponse<String> value = lab.post("/api/runs", "{\"lesson\":\"01-polynomial-degree\",\"settings\":{\"model.degree\":\"abc\"}}");
        assertEquals(400, value.statusCode());
        assertEquals("model.degree", LabFixture.json(value).get("field").asText());
        assertTrue(value.body().contains("--set model.degree=abc"), value.body());
        HttpResponse<String> key = lab.post("/api/runs", "{\"lesson\":\"01-polynomial-degree\",\"settings\":{\"data.path\":\"/etc/passwd\"}}");
        assertEquals(400, key.statusCode());
        assertEquals("data.path", LabFixture.json(key).get("field").asText());
        assertTrue(key.body().contains("data.path: not a setting the page can change"), key.body());
        HttpResponse<String> injected = lab.post("/api/runs", "{\"lesson\":\"01-polynomial-degree\",\"settings\":{\"seed\":\"1\\nname: x\"}}");
        assertEquals(400, injected.statusCode());
        assertEquals("seed", LabFixture.json(injected).get("field").asText());
        HttpResponse<String> negative = lab.post("/api/runs", "{\"lesson\":\"01-polynomial-degree\",\"settings\":{\"data.noise\":\"-1\"}}");
        assertEquals(400, negative.statusCode());
        assertEquals("data.noise", LabFixture.json(negative).get("field").asText());
    }

    @Test
    void limitsPerRunAreEnforcedWith422NamingTheFlag() throws Exception {
        HttpResponse<String> epochs = lab.post("/api/runs", "{\"lesson\":\"01-polynomial-degree\",\"settings\":{\"training.epochs\":\"200000\"}}");
        assertEquals(422, epochs.statusCode());
        assertEquals("training.epochs", LabFixture.json(epochs).get("field").asText());
        assertTrue(epochs.body().contains("epochs x cells = 3000000 (15 cells) is above this server's limit of 100000 (fitlab serve --max-epoch-cells)"),
                epochs.body());
        HttpResponse<String> train = lab.post("/api/runs", "{\"lesson\":\"01-polynomial-degree\",\"settings\":{\"data.train\":\"100000\"}}");
        assertEquals(422, train.statusCode());
        assertTrue(train.body().contains("(fitlab serve --max-train)"), train.body());
        HttpResponse<String> width = lab.post("/api/runs", "{\"lesson\":\"02-mlp-width\",\"settings\":{\"model.hidden\":\"[1024, 1024]\"}}");
        assertEquals(422, width.statusCode());
        assertEquals("model.hidden", LabFixture.json(width).get("field").asText());
        assertTrue(width.body().contains("above this server's limit of 512 (fitlab serve --max-width)"), width.body());
    }

    @Test
    void malformedRequestsGet400Or404AndTheServerCarriesOn() throws Exception {
        HttpResponse<String> notJson = lab.post("/api/runs", "{lesson: 01");
        assertEquals(400, notJson.statusCode());
        assertTrue(notJson.body().contains("request body:"), notJson.body());
        assertEquals(400, lab.post("/api/runs", "").statusCode());
        assertEquals(400, lab.post("/api/runs", "[1,2,3]").statusCode());
        assertEquals(404, lab.get("/api/runs/r999999").statusCode());
        assertEquals(404, lab.get("/api/runs/r1").statusCode(), "run ids are not guessable by counting");
        assertTrue(lab.get("/api/runs/r999999").body().contains("no run 'r999999' on this server"));
        assertEquals(404, lab.post("/api/runs/nope/stop", "{}").statusCode());
        assertEquals(404, lab.raw("GET", "/api/runs/nope/events", lab.hostHeader(), null, null).status());
        HttpResponse<String> cont = lab.post("/api/runs/" + finished + "/continue", "{\"cell\":\"nope\",\"epochs\":10}");
        assertEquals(404, cont.statusCode());
        HttpResponse<String> tooMany = lab.post("/api/runs/" + finished + "/continue", "{\"cell\":\"base\",\"epochs\":0}");
        assertEquals(422, tooMany.statusCode());
        assertEquals(200, lab.get("/api/lessons").statusCode());
    }

    @Test
    void twoHundredConcurrentRequestsAreAllAnswered() throws Exception {
        List<CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String path = i % 2 == 0 ? "/api/lessons" : "/api/runs/" + finished;
            all.add(lab.http.sendAsync(HttpRequest.newBuilder(URI.create(lab.base() + path)).timeout(Duration.ofSeconds(120)).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        int ok = 0;
        for (var f : all) {
            HttpResponse<String> r = f.get();
            assertEquals(200, r.statusCode(), r.body());
            ok++;
        }
        assertEquals(200, ok);
        assertEquals(200, lab.get("/api/lessons").statusCode(), "still serving after the burst");
    }

    @Test
    void theEventStreamBatchesEpochsAndLosesNone() throws Exception {
        String run = lab.startSmallRun(600);
        long start = System.nanoTime();
        List<Integer> epochs = new ArrayList<>();
        int updates = 0;
        try (Socket s = sse(run)) {
            var lines = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null) {
                if (!line.startsWith("data: ")) {
                    continue;
                }
                updates++;
                JsonNode u = LabFixture.JSON.readTree(line.substring(6));
                JsonNode rows = u.path("cells").path("base").path("rows");
                for (JsonNode row : rows) {
                    epochs.add(row.get(0).asInt());
                }
                if (u.get("state").asText().equals("finished") || u.get("state").asText().equals("failed")) {
                    break;
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        assertEquals(601, epochs.size(), "every epoch 0..600 arrives once");
        for (int i = 0; i < epochs.size(); i++) {
            assertEquals(i, epochs.get(i));
        }
        double perSecond = updates / seconds;
        assertTrue(perSecond <= 1000.0 / EventPump.TICK_MS + 1, updates + " updates in " + seconds + " s");
        assertTrue(updates < epochs.size() / 2, "epochs arrive in batches: " + updates + " updates for " + epochs.size() + " epochs");
    }

    @Test
    void aClientThatDisconnectsMidStreamLeavesTheServerWellAndItsOrphanedRunStopsCleanly(@TempDir Path own) throws Exception {
        try (LabFixture short_ = new LabFixture(own, 1, 4, 1500, LabFixture.ROOM_FOR_ENDLESS_RUNS)) {
            // a run that outlasts the orphan timeout on any machine (a polynomial's 30,000 epochs once finished in
            // the 1.5 s before the stop fired)
            String run = short_.startEndlessRun();
            try (Socket s = sse(short_, run)) {
                InputStream in = s.getInputStream();
                byte[] buf = new byte[4096];
                int total = 0;
                while (total < 2000) {
                    int n = in.read(buf);
                    assertTrue(n > 0, "stream ended early");
                    total += n;
                }
                s.setSoLinger(true, 0); // a reset, as a closed tab or a dropped laptop lid gives
            }
            short_.awaitState(run, 60, "stopped");
            long end = System.nanoTime() + 10_000_000_000L;
            while (short_.server.streams() > 0 && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertEquals(0, short_.server.streams(), "the dropped stream is let go");
            assertEquals(200, short_.get("/api/lessons").statusCode());
            JsonNode state = LabFixture.json(short_.get("/api/runs/" + run));
            Path folder = own.resolve(state.get("folder").asText());
            Path metrics = folder.resolve("cells/base/metrics.csv");
            int logged = Files.readAllLines(metrics).size() - 1;
            assertTrue(logged > 0 && logged == state.get("cells").get(0).get("epochs").asInt(), "stopped mid-run: " + logged + " epochs");
            // never a half-written run folder: the CLI's resume continues it from the stop (here for one more epoch,
            // then stopped again), every epoch logged once and in order
            RunControl resume = new RunControl();
            resume.requestStop(); // asked before it starts: the cell still trains one epoch, then stops at the check after it
            assertThrows(RunControl.Interrupted.class, () -> RunService.finishInterrupted(folder, 1, ProgressListener.SILENT, resume));
            List<String> rows = Files.readAllLines(metrics);
            assertEquals(1 + logged + 1, rows.size(), "the resume logged the next epoch after the stop");
            for (int i = 1; i < rows.size(); i++) {
                assertEquals(String.valueOf(i - 1), rows.get(i).substring(0, rows.get(i).indexOf(',')), "epoch numbering: " + rows.get(i));
            }
            assertTrue(Files.isRegularFile(new fitlab.runfolder.CellFolder(folder.resolve("cells/base")).checkpoint(logged)),
                    "the second stop left the checkpoint of its epoch, " + logged);
        }
    }

    /**
     * A page that never reads, next to one that does. On this machine the loopback buffers absorbed the stalled
     * page's 8,000 epochs, so this passed before writes moved to sender threads too: it checks the reading page is
     * served completely and on time, not that a write actually blocked.
     */
    @Test
    void aPageThatNeverReadsLeavesAReadingPageServedOnTime() throws Exception {
        String run = lab.startSmallRun(8000);
        try (Socket stalled = new Socket()) {
            stalled.setReceiveBufferSize(1024); // a tiny window: the server's writes to it block after a few kB
            stalled.connect(new java.net.InetSocketAddress("127.0.0.1", lab.server.port()));
            stalled.getOutputStream().write(("GET /api/runs/" + run + "/events HTTP/1.1\r\nHost: " + lab.hostHeader()
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            stalled.getOutputStream().flush();
            // this page reads everything; it must not wait for the stalled one (Jetty would end that one after 30 s)
            CompletableFuture<long[]> reader = CompletableFuture.supplyAsync(() -> {
                try (Socket s = sse(run)) {
                    var lines = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
                    long epochs = 0;
                    String line;
                    while ((line = lines.readLine()) != null) {
                        if (line.startsWith("data: ")) {
                            JsonNode u = LabFixture.JSON.readTree(line.substring(6));
                            epochs += u.path("cells").path("base").path("rows").size();
                            if (u.get("state").asText().equals("finished")) {
                                return new long[] {epochs, System.nanoTime()};
                            }
                        }
                    }
                    return new long[] {epochs, -1};
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            lab.awaitState(run, 180, "finished");
            long finished = System.nanoTime();
            long[] got = reader.get(60, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(8001, got[0], "every epoch reached the reading page");
            assertTrue(got[1] > 0 && (got[1] - finished) / 1e9 < 5, "the reading page learned of the end "
                    + (got[1] - finished) / 1e9 + " s after the server");
        }
    }

    @Test
    void aFullQueueIsRefusedWith503AndAWaitingRunShowsItsPlace(@TempDir Path own) throws Exception {
        try (LabFixture q = new LabFixture(own, 1, 1, 120_000, LabFixture.ROOM_FOR_ENDLESS_RUNS)) {
            // the first run cannot finish before it is stopped, so the second is certainly still queued behind it
            String body = LabFixture.JSON.createObjectNode().put("yaml", LabFixture.endlessExperiment("")).toString();
            String first = q.startEndlessRun();
            q.awaitState(first, 60, "running");
            HttpResponse<String> second = q.post("/api/runs", body);
            assertEquals(202, second.statusCode());
            String waiting = LabFixture.json(second).get("id").asText();
            JsonNode w = LabFixture.json(q.get("/api/runs/" + waiting));
            assertEquals("queued", w.get("state").asText());
            assertEquals(1, w.get("queue").asInt());
            HttpResponse<String> third = q.post("/api/runs", body);
            assertEquals(503, third.statusCode());
            assertTrue(third.body().contains("the server's queue is full"), third.body());
            assertEquals(202, q.post("/api/runs/" + waiting + "/stop", "{}").statusCode());
            assertEquals("stopped", LabFixture.json(q.get("/api/runs/" + waiting)).get("state").asText());
            q.post("/api/runs/" + first + "/stop", "{}");
            q.awaitState(first, 60, "stopped");
        }
    }

    private static Socket sse(String run) throws Exception {
        return sse(lab, run);
    }

    private static Socket sse(LabFixture f, String run) throws Exception {
        return f.openEvents(run, 120);
    }

    private static String folder(String run) throws Exception {
        return LabFixture.json(lab.get("/api/runs/" + run)).get("folder").asText();
    }

    private static long countRunFolders() throws Exception {
        try (var s = Files.walk(runs, 2)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("experiment.yaml"))).count();
        }
    }
}
