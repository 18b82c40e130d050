package fitlab.serve;

import fitlab.config.Cell;
import fitlab.config.Experiment;
import fitlab.config.ExperimentConfig;
import fitlab.diagnosis.Verdict;
import fitlab.train.stopping.StopReason;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.SummaryTable;
import fitlab.train.stopping.Marker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** The JSON shapes the page reads: a run's state, a batch of epochs, a cell's summary, the capacity curve. */
final class Frames {
    private Frames() {}

    static Map<String, Object> state(LiveRun run, RunQueue queue, java.nio.file.Path runsDir) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", run.id());
        m.put("lesson", run.order().lessonId());
        m.put("state", run.state().key());
        m.put("queue", queue.position(run));
        m.put("error", run.error());
        m.put("watchers", run.watchers());
        m.put("folder", run.folder().map(f -> runsDir.toAbsolutePath().relativize(f.root().toAbsolutePath()).toString()).orElse(""));
        m.put("report", run.folder().map(f -> java.nio.file.Files.isRegularFile(f.reportDir().resolve("index.html"))).orElse(false));
        List<Map<String, Object>> cells = new ArrayList<>();
        for (LiveCell c : run.cells()) {
            LiveCell.View v = c.since(Integer.MAX_VALUE);
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("id", c.id());
            cm.put("epochs", v.total());
            cm.put("best", v.bestEpoch());
            cm.put("done", v.summary() != null ? summary(v.summary()) : null);
            cells.add(cm);
        }
        m.put("cells", cells);
        return m;
    }

    /** Rows as arrays [epoch, train, validation, test(, train acc, validation acc, test acc)]; NaN and infinity as null. */
    static List<Object[]> rows(List<MetricsRow> rows) {
        List<Object[]> out = new ArrayList<>(rows.size());
        for (MetricsRow r : rows) {
            out.add(r.hasAccuracy()
                    ? new Object[] {r.epoch(), num(r.trainLoss()), num(r.validationLoss()), num(r.testLoss()),
                        num(r.trainAccuracy()), num(r.validationAccuracy()), num(r.testAccuracy())}
                    : new Object[] {r.epoch(), num(r.trainLoss()), num(r.validationLoss()), num(r.testLoss())});
        }
        return out;
    }

    static List<Map<String, Object>> markers(List<Marker> markers) {
        return markers.stream().map(mk -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", mk.name());
            m.put("epoch", mk.epoch());
            m.put("value", num(mk.value()));
            m.put("explanation", mk.explanation());
            return m;
        }).toList();
    }

    static Map<String, Object> summary(CellSummary s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stopReason", s.stopReason());
        m.put("stopEpoch", s.stopEpoch());
        m.put("bestEpoch", s.bestEpoch());
        m.put("bestValidationLoss", num(s.bestValidationLoss()));
        m.put("parameters", s.parameters());
        m.put("noiseFloor", s.noiseFloor() == null ? null : num(s.noiseFloor()));
        return m;
    }

    /**
     * Static facts of a cell the charts need: its swept values, its noise floor, its epochs, and the capacity curve
     * it belongs to ({@code group}: the other swept settings, as the report names its per-group charts).
     */
    static Map<String, Object> cellFacts(Cell cell, LiveRun run) {
        ExperimentConfig c = cell.config();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("values", cell.values());
        Double floor = c.data().noiseFloor();
        m.put("noiseFloor", floor == null ? null : num(floor));
        m.put("epochs", c.training().epochs());
        // closed-form least squares has no epochs to count: the page says it was solved, not "trained all 1 epochs"
        m.put("closedForm", c.training().optimizer() == fitlab.config.OptimizerKind.LSTSQ);
        m.put("wholeModel", c.checkpoint().wholeModel()); // the cell writes model.whole.pth: the page links it
        m.put("group", run.curveAxis().group(run.order().loaded(), cell.values()));
        return m;
    }

    /**
     * The capacity curve over the cells finished so far, computed by the same summary table {@code fitlab run} writes
     * (so its under/good/overfit verdicts are the run's own once every cell is in).
     */
    static List<Map<String, Object>> capacity(LiveRun run, RunFolder folder) {
        List<CellSummary> done = new ArrayList<>();
        List<List<MetricsRow>> metrics = new ArrayList<>();
        for (Cell cell : run.order().loaded().cells()) {
            CellSummary s = run.existingCell(cell.id()).flatMap(LiveCell::summary).orElse(null);
            if (s != null) {
                done.add(s);
                metrics.add(MetricsLog.read(folder.cell(cell.id()).metrics()));
            }
        }
        List<Map<String, Object>> out = new ArrayList<>();
        if (done.isEmpty()) {
            return out;
        }
        Experiment e = run.order().loaded();
        CurveAxis axis = run.curveAxis();
        Table t = SummaryTable.build(e, done, metrics).toTable();
        // seed repeats pool into one point, as on the report's capacity chart: the mean of their losses and the
        // majority of their verdicts (lesson 11's twelve seeds per degree are one point each, not a zig-zag)
        record Place(String group, double x) {}
        Map<Place, List<Integer>> pooled = new LinkedHashMap<>();
        for (int i = 0; i < t.rowCount(); i++) {
            Map<String, Object> values = done.get(i).values();
            Place at = new Place(axis.group(e, values), axis.x(values, t.row(i).getInt("parameters")));
            pooled.computeIfAbsent(at, k -> new ArrayList<>()).add(i);
        }
        Map<String, Integer> pointsInGroup = new LinkedHashMap<>();
        pooled.keySet().forEach(at -> pointsInGroup.merge(at.group(), 1, Integer::sum));
        for (var point : pooled.entrySet()) {
            List<Integer> rows = point.getValue();
            Row first = t.row(rows.get(0));
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("cell", first.getString("cell"));
            m.put("cells", rows.stream().map(r -> t.row(r).getString("cell")).toList());
            m.put("values", done.get(rows.get(0)).values());
            m.put("parameters", first.getInt("parameters"));
            m.put("x", point.getKey().x());
            m.put("group", point.getKey().group());
            m.put("train", num(mean(t, rows, "train_loss_at_best")));
            m.put("validation", num(mean(t, rows, "best_validation_loss")));
            m.put("test", num(mean(t, rows, "test_loss_at_best")));
            List<Verdict> verdicts = new ArrayList<>();
            rows.forEach(r -> Verdict.ofKey(t.row(r).getString("diagnosis")).ifPresent(verdicts::add));
            Verdict v = Verdict.majority(verdicts);
            m.put("diagnosis", v == null ? first.getString("diagnosis") : v.key());
            // a setting that diverged is not a point (its loss before it blew up says nothing): the page marks its x,
            // as the report's setting curve does
            m.put("diverged", rows.stream().allMatch(r -> done.get(r).stopReason().equals(StopReason.DIVERGED.key())));
            m.putAll(axis.describe(pointsInGroup.get(point.getKey().group())));
            out.add(m);
        }
        return out;
    }

    /** The mean of a column over some rows; not finite when any is (a diverged repeat), which the page leaves out. */
    private static double mean(Table t, List<Integer> rows, String column) {
        double sum = 0;
        for (int r : rows) {
            sum += t.row(r).getDouble(column);
        }
        return sum / rows.size();
    }

    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
