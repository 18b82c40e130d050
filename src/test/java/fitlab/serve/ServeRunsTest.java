package fitlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the page's buttons do, through the same services as the CLI: Continue (lesson 14), Verify, and a sweep's capacity curve. */
class ServeRunsTest {
    @Test
    void continueWithoutEarlyStoppingTrainsPastTheStopPointIntoAResumedCell(@TempDir Path runs) throws Exception {
        try (LabFixture lab = new LabFixture(runs)) {
            // lesson 14 without its own in-run continuation: here the page's "continue" button does that step
            String lesson = Files.readAllLines(Path.of("experiments/14-resume-without-early-stopping.yaml")).stream()
                    .filter(line -> !line.contains("continue_after_stop")).collect(java.util.stream.Collectors.joining("\n", "", "\n"));
            String body = new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("yaml", lesson).put("quick", true).toString();
            HttpResponse<String> r = lab.post("/api/runs", body);
            assertEquals(202, r.statusCode(), r.body());
            String run = LabFixture.json(r).get("id").asText();
            JsonNode done = lab.awaitState(run, 180, "finished");
            JsonNode summary = done.get("cells").get(0).get("done");
            assertEquals("patience", summary.get("stopReason").asText());
            int stop = summary.get("stopEpoch").asInt();
            HttpResponse<String> busy = lab.post("/api/runs/" + run + "/continue", "{\"cell\":\"base\",\"epochs\":150}");
            assertEquals(202, busy.statusCode(), busy.body());
            JsonNode after = lab.awaitState(run, 180, "finished");
            assertEquals(2, after.get("cells").size(), after.toString());
            JsonNode resumed = after.get("cells").get(1);
            assertEquals("base@resume-from-" + stop, resumed.get("id").asText());
            assertEquals(150, resumed.get("epochs").asInt(), "the page is told every new epoch");
            Path folder = runs.resolve(after.get("folder").asText());
            List<MetricsRow> rows = MetricsLog.read(folder.resolve("cells/base@resume-from-" + stop + "/metrics.csv"));
            assertEquals(stop + 1 + 150, rows.size(), "the resumed metrics continue the numbering");
            double best = summary.get("bestValidationLoss").asDouble();
            assertTrue(rows.get(rows.size() - 1).validationLoss() > best, "without early stopping it keeps overfitting");
            HttpResponse<String> again = lab.post("/api/runs/" + run + "/continue", "{\"cell\":\"base\",\"epochs\":150}");
            assertEquals(202, again.statusCode());
            JsonNode failed = lab.awaitState(run, 60, "failed");
            assertTrue(failed.get("error").asText().contains("already exists; a resumed cell is never overwritten"), failed.toString());
        }
    }

    @Test
    void verifyReportsEveryCheckpointAsReproducedAndRefusesARunStillTraining(@TempDir Path runs) throws Exception {
        try (LabFixture lab = new LabFixture(runs, 1, 16, 120_000, LabFixture.ROOM_FOR_ENDLESS_RUNS)) {
            String run = lab.startEndlessRun();
            lab.awaitState(run, 60, "running");
            HttpResponse<String> early = lab.post("/api/runs/" + run + "/verify", "{}");
            assertEquals(409, early.statusCode());
            assertTrue(early.body().contains("verify it once it has finished"), early.body());
            lab.post("/api/runs/" + run + "/stop", "{}");
            lab.awaitState(run, 60, "stopped");
            String small = lab.startSmallRun(100);
            JsonNode state = lab.awaitState(small, 180, "finished");
            HttpResponse<String> v = lab.post("/api/runs/" + small + "/verify", "{}");
            assertEquals(200, v.statusCode(), v.body());
            JsonNode j = LabFixture.json(v);
            Path checkpoints = runs.resolve(state.get("folder").asText()).resolve("cells/base/checkpoints");
            long files;
            try (var s = Files.list(checkpoints)) {
                files = s.count();
            }
            assertTrue(j.get("ok").asBoolean());
            assertEquals(files, j.get("checkpoints").asLong());
            for (JsonNode c : j.get("checks")) {
                assertTrue(c.get("ok").asBoolean());
                for (int i = 0; i < 3; i++) {
                    assertEquals(c.get("logged").get(i).asDouble(), c.get("reloaded").get(i).asDouble());
                }
            }
        }
    }

    /** Two cells: one of 50 epochs, and one that cannot finish before the test stops it once the first point is in. */
    private static final String ONE_CELL_FINISHES = LabFixture.endlessExperiment("sweep:\n  training.epochs: [50, 10000000]\n");

    @Test
    void theCapacityCurveFillsInAsEachCellFinishesNotOnlyAtTheEnd(@TempDir Path runs) throws Exception {
        try (LabFixture lab = new LabFixture(runs, 1, 16, 120_000, LabFixture.ROOM_FOR_ENDLESS_RUNS)) {
            String run = lab.startRun(LabFixture.JSON.createObjectNode().put("yaml", ONE_CELL_FINISHES).toString());
            Set<String> done = new TreeSet<>();
            JsonNode[] partial = new JsonNode[1];
            String[] stateThen = new String[1];
            Set<String> doneThen = new TreeSet<>();
            lab.followEvents(run, 180, u -> {
                u.get("cells").fields().forEachRemaining(c -> {
                    if (c.getValue().has("done")) {
                        done.add(c.getKey());
                    }
                });
                if (u.has("capacity") && u.get("capacity").size() > 0) {
                    partial[0] = u.get("capacity");
                    stateThen[0] = u.get("state").asText();
                    doneThen.addAll(done);
                    return true;
                }
                return !u.get("state").asText().equals("running") && !u.get("state").asText().equals("queued");
            });
            // the second cell has ten million epochs: whenever the first point arrives, the run is still training
            assertEquals("running", stateThen[0], "the first point of the curve comes while the run trains");
            assertEquals(1, partial[0].size(), partial[0].toString());
            JsonNode p = partial[0].get(0);
            assertEquals("epochs=50", p.get("cell").asText());
            assertEquals(50, p.get("values").get("training.epochs").asInt());
            assertTrue(Set.of("underfit", "good", "overfit").contains(p.get("diagnosis").asText()), p.toString());
            assertTrue(p.get("validation").isNumber() && p.get("train").isNumber(), p.toString());
            assertEquals(Set.of("epochs=50"), doneThen, "the page has been told the cell on the curve has finished");
            HttpResponse<String> stop = lab.post("/api/runs/" + run + "/stop", "{}");
            assertEquals(202, stop.statusCode(), stop.body());
            lab.awaitState(run, 60, "stopped");
        }
    }

    @Test
    void aSweepsFinishedCapacityCurveCarriesTheRunsOwnDiagnosis(@TempDir Path runs) throws Exception {
        try (LabFixture lab = new LabFixture(runs)) {
            String run = lab.startQuickLesson("01-polynomial-degree");
            List<Integer> sizes = new java.util.ArrayList<>();
            JsonNode[] last = new JsonNode[1];
            List<String> named = new java.util.ArrayList<>();
            lab.followEvents(run, 180, u -> {
                u.get("cells").fields().forEachRemaining(c -> {
                    if (!named.contains(c.getKey())) {
                        named.add(c.getKey());
                        // the config's facts come with the name: the loss chart has its noise floor from the start
                        assertEquals(0.1 * 0.1, c.getValue().get("facts").get("noiseFloor").asDouble(), 1e-12, c.toString());
                    }
                });
                if (u.has("capacity")) {
                    last[0] = u.get("capacity");
                    sizes.add(last[0].size());
                }
                return u.get("state").asText().equals("finished");
            });
            for (int i = 1; i < sizes.size(); i++) {
                assertTrue(sizes.get(i) > sizes.get(i - 1), "each capacity update adds cells: " + sizes);
            }
            assertEquals(List.of("degree=1", "degree=4", "degree=15"), named,
                    "the page is told of the cells in the experiment's order, whichever trains first");
            JsonNode capacity = last[0];
            assertEquals(3, capacity.size(), "the update that says the run finished carries every cell: " + sizes);
            Path summary = runs.resolve(LabFixture.json(lab.get("/api/runs/" + run)).get("folder").asText()).resolve("summary.csv");
            List<String> csv = Files.readAllLines(summary);
            for (int i = 0; i < 3; i++) {
                JsonNode p = capacity.get(i);
                assertTrue(Set.of("underfit", "good", "overfit").contains(p.get("diagnosis").asText()), p.toString());
                assertTrue(csv.get(i + 1).contains("," + p.get("diagnosis").asText() + ","), "the same verdict as summary.csv: " + csv.get(i + 1));
            }
            for (int i = 0; i < 3; i++) {
                JsonNode p = capacity.get(i);
                assertEquals("model.degree", p.get("axis").asText(), "a polynomial's curve is laid along its degree");
                assertEquals(p.get("values").get("model.degree").asDouble(), p.get("x").asDouble(), 0.0);
                assertEquals("", p.get("group").asText(), "nothing else is swept: one curve");
                assertFalse(p.get("logX").asBoolean(), "degrees 1..15 span barely more than a decade");
            }
            assertEquals(List.of(1, 4, 15), List.of(capacity.get(0).get("values").get("model.degree").asInt(),
                    capacity.get(1).get("values").get("model.degree").asInt(), capacity.get(2).get("values").get("model.degree").asInt()));
        }
    }

    @Test
    void eachCellOfASweepOverTheDataShowsItsOwnPoints(@TempDir Path runs) throws Exception {
        try (LabFixture lab = new LabFixture(runs)) {
            // moons and spiral: the spiral's dataset is written once, under the id of its first cell only
            String run = lab.startQuickLesson("13-classification-capacity");
            java.util.Map<String, JsonNode> info = new java.util.TreeMap<>();
            java.util.Map<String, String> groups = new java.util.TreeMap<>();
            JsonNode[] capacity = new JsonNode[1];
            lab.followEvents(run, 180, u -> {
                u.get("cells").fields().forEachRemaining(c -> {
                    if (c.getValue().has("info")) {
                        info.put(c.getKey(), c.getValue().get("info"));
                    }
                    if (c.getValue().has("facts")) {
                        groups.put(c.getKey(), c.getValue().get("facts").get("group").asText());
                    }
                });
                if (u.has("capacity")) {
                    capacity[0] = u.get("capacity");
                }
                return u.get("state").asText().equals("finished");
            });
            // one capacity curve per data kind, as the report draws capacity-kind=moons and capacity-kind=spiral: each
            // along the number of parameters (hidden layers have no order of their own), on a log axis
            assertEquals(java.util.Map.of("kind=moons,hidden=2", "kind=moons", "kind=moons,hidden=32-32", "kind=moons",
                    "kind=spiral,hidden=2", "kind=spiral", "kind=spiral,hidden=32-32", "kind=spiral"), groups);
            assertEquals(4, capacity[0].size());
            for (JsonNode p : capacity[0]) {
                assertEquals(groups.get(p.get("cell").asText()), p.get("group").asText(), p.toString());
                assertEquals("parameters", p.get("axis").asText());
                assertEquals(p.get("parameters").asDouble(), p.get("x").asDouble(), 0.0);
                assertTrue(p.get("logX").asBoolean(), p.toString());
            }
            Path folder = runs.resolve(LabFixture.json(lab.get("/api/runs/" + run)).get("folder").asText());
            assertEquals(4, info.size(), info.keySet().toString());
            for (var e : info.entrySet()) {
                // the data the cell trained on, as its summary (and so the report) names it
                String dataDir = fitlab.runfolder.CellSummary.read(folder.resolve("cells").resolve(e.getKey()).resolve("summary.json")).dataDir();
                List<String> train = Files.readAllLines(folder.resolve(dataDir).resolve("train.csv"));
                JsonNode px = e.getValue().get("px");
                assertEquals(train.size() - 1, px.size(), e.getKey());
                for (int i = 0; i < px.size(); i++) {
                    assertEquals(Double.parseDouble(train.get(i + 1).split(",")[0]), px.get(i).asDouble(), 0.0, e.getKey() + " point " + i);
                }
                TreeSet<Integer> classes = new TreeSet<>();
                e.getValue().get("labels").forEach(l -> classes.add(l.asInt()));
                assertEquals(e.getKey().startsWith("kind=spiral") ? 3 : 2, classes.size(), e.getKey() + ": " + classes);
            }
        }
    }

    @Test
    void aPenaltySweepIsPlacedAsTheReportsSettingCurvePlacesIt(@TempDir Path runs) throws Exception {
        try (LabFixture lab = new LabFixture(runs)) {
            // lesson 04 quick: weight decay 0, 0.001, 1 for each of l1 = 0, 0.001
            LabFixture.FinishedRun finished = lab.runQuickLesson("04-l2-and-l1");
            JsonNode capacity = finished.capacity();
            assertEquals(6, capacity.size());
            TreeSet<String> groups = new TreeSet<>();
            for (JsonNode p : capacity) {
                groups.add(p.get("group").asText());
                assertEquals("setting", p.get("curve").asText(), "a penalty is not a capacity");
                assertEquals("training.weight_decay", p.get("axis").asText());
                assertTrue(p.get("logX").asBoolean(), "0.001 to 1: three decades");
                // a log axis cannot hold 0: drawn a decade left of 0.001 and labelled 0, as on the report's slide
                assertEquals(1e-4, p.get("zeroAt").asDouble(), 1e-18);
                assertEquals(0.001, p.get("firstPositive").asDouble(), 0.0);
                double wd = p.get("values").get("training.weight_decay").asDouble();
                assertEquals(wd == 0 ? 1e-4 : wd, p.get("x").asDouble(), 1e-18, p.toString());
            }
            assertEquals(Set.of("l1=0", "l1=0.001"), groups, "one curve per L1 strength");
        }
    }

    @Test
    void aDivergedLearningRateIsMarkedNotPlotted(@TempDir Path runs) throws Exception {
        try (LabFixture lab = new LabFixture(runs)) {
            // lesson 09 quick: lr 0.001 crawls, 0.1 fits, 10 diverges
            LabFixture.FinishedRun finished = lab.runQuickLesson("09-learning-rate");
            JsonNode capacity = finished.capacity();
            assertEquals(3, capacity.size(), capacity.toString());
            for (JsonNode p : capacity) {
                double lr = p.get("values").get("training.lr").asDouble();
                assertEquals(lr == 10, p.get("diverged").asBoolean(), p.toString());
                assertEquals("training.lr", p.get("axis").asText());
                assertEquals(lr, p.get("x").asDouble(), 0.0);
                assertTrue(p.get("logX").asBoolean(), "0.001 to 10: four decades");
            }
        }
    }

    @Test
    void lessonSixsWholeModelFileIsServedNextToItsStateDicts(@TempDir Path runs) throws Exception {
        try (LabFixture lab = new LabFixture(runs)) {
            String run = lab.startQuickLesson("06-state-dict-vs-whole-model");
            JsonNode done = lab.awaitState(run, 180, "finished");
            Path folder = runs.resolve(done.get("folder").asText());
            for (String cell : List.of("kind=polynomial", "kind=mlp")) {
                HttpResponse<byte[]> f = lab.getBytes("/api/runs/" + run + "/cells/" + cell + "/model.whole.pth");
                assertEquals(200, f.statusCode(), cell);
                org.junit.jupiter.api.Assertions.assertArrayEquals(Files.readAllBytes(folder.resolve("cells").resolve(cell).resolve("model.whole.pth")),
                        f.body(), cell + ": the file as training wrote it");
            }
            String small = lab.startSmallRun(20);
            lab.awaitState(small, 180, "finished");
            assertEquals(404, lab.get("/api/runs/" + small + "/cells/base/model.whole.pth").statusCode(),
                    "a cell that writes no whole model has none to serve");
        }
    }

    @Test
    void seedRepeatsPoolIntoOnePointPerCapacity(@TempDir Path runs) throws Exception {
        try (LabFixture lab = new LabFixture(runs)) {
            // lesson 11 quick: degrees 1, 4, 8, twelve seeds each
            LabFixture.FinishedRun finished = lab.runQuickLesson("11-bias-variance");
            String run = finished.id();
            JsonNode capacity = finished.capacity();
            assertEquals(3, capacity.size(), capacity.toString());
            Path folder = runs.resolve(LabFixture.json(lab.get("/api/runs/" + run)).get("folder").asText());
            tech.tablesaw.api.Table summary = tech.tablesaw.api.Table.read().csv(folder.resolve("summary.csv").toFile());
            for (JsonNode p : capacity) {
                assertEquals(12, p.get("cells").size(), p.toString());
                int degree = p.get("values").get("model.degree").asInt();
                assertEquals(degree, p.get("x").asDouble(), 0.0);
                double sum = 0;
                for (JsonNode id : p.get("cells")) {
                    assertTrue(id.asText().startsWith("degree=" + degree + ",seed="), id.asText());
                    sum += summary.where(summary.stringColumn("cell").isEqualTo(id.asText())).doubleColumn("best_validation_loss").get(0);
                }
                assertEquals(sum / 12, p.get("validation").asDouble(), 1e-12, "the mean over the seeds");
            }
        }
    }

    @Test
    void aTwoDimensionalLessonStreamsTheDecisionBoundaryOverItsPoints(@TempDir Path runs) throws Exception {
        try (LabFixture lab = new LabFixture(runs)) {
            String run = lab.startRun("{\"lesson\":\"13-classification-capacity\",\"quick\":true,"
                    + "\"settings\":{\"sweep.data.kind\":\"[spiral]\",\"sweep.model.hidden\":\"[[8]]\"}}");
            JsonNode[] info = new JsonNode[1];
            JsonNode[] fit = new JsonNode[1];
            TreeSet<Integer> fitEpochs = new TreeSet<>();
            lab.followEvents(run, 180, u -> {
                for (JsonNode c : u.get("cells")) {
                    if (c.has("info")) {
                        info[0] = c.get("info");
                    }
                    if (c.has("fit")) {
                        fit[0] = c.get("fit");
                        fitEpochs.add(fit[0].get("epoch").asInt());
                    }
                }
                return u.get("state").asText().equals("finished");
            });
            assertEquals(2, info[0].get("features").asInt());
            assertEquals(FitSnapshots.GRID_2D, info[0].get("g1").size());
            assertEquals(300, info[0].get("labels").size(), "the training points with their classes");
            TreeSet<Integer> classes = new TreeSet<>();
            info[0].get("labels").forEach(l -> classes.add(l.asInt()));
            assertEquals(600, fitEpochs.last(), "the boundary of the last checkpoint: " + fitEpochs);
            assertEquals(FitSnapshots.GRID_2D * FitSnapshots.GRID_2D, fit[0].get("cls").size());
            TreeSet<Integer> predicted = new TreeSet<>();
            fit[0].get("cls").forEach(c -> predicted.add(c.asInt()));
            assertTrue(classes.containsAll(predicted) && predicted.size() >= 2, "a boundary between the classes: " + predicted);
            for (JsonNode p : fit[0].get("p")) {
                assertTrue(p.asDouble() >= 1.0 / classes.size() - 1e-9 && p.asDouble() <= 1.0, "the predicted class's probability");
            }
        }
    }
}
