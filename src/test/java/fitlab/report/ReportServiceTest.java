package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.runfolder.RunFolder;
import java.nio.file.Files;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReportServiceTest {

    @Test
    void lstsqSweepGetsCapacityDoubleDescentFitsBiasVarianceAndLossCurves() throws Exception {
        RunFolder run = SmallRuns.copy(SmallRuns.LSTSQ);
        Report r = ReportService.render(run, Optional.empty(), n -> {});
        List<String> names = r.charts().stream().map(RenderedChart::name).toList();
        assertTrue(names.containsAll(List.of("capacity", "double-descent", "fits", "bias-variance")), names.toString());
        assertTrue(names.stream().noneMatch(n -> n.startsWith("boundary") || n.startsWith("learning") || n.equals("fit-evolution")), names.toString());
        // closed-form fits log two points (the initial weights and the solution): no loss curve is drawn for them
        assertEquals(0, names.stream().filter(n -> n.startsWith("loss-")).count(), names.toString());
        for (String n : names) {
            assertTrue(Files.size(run.chartsDir().resolve(n + ".png")) > 1000, n);
            assertTrue(Files.readString(run.chartsDir().resolve(n + ".svg")).contains("<svg"), n);
        }
        String html = Files.readString(r.index());
        assertTrue(html.contains("Which degree?"));
        assertTrue(html.contains("charts/capacity.png"));
        assertEquals(15, r.diagnosis().size());
    }

    @Test
    void aRedrawnReportLeavesNoChartFileOfAnEarlierOne() throws Exception {
        RunFolder run = SmallRuns.copy(SmallRuns.ADAM);
        ReportService.render(run, Optional.empty(), n -> {});
        Files.writeString(run.chartsDir().resolve("loss-a_cell_since_dropped.png"), "old");
        Files.writeString(run.chartsDir().resolve("loss-a_cell_since_dropped.svg"), "old");
        Report r = ReportService.render(run, Optional.empty(), n -> {});
        assertTrue(Files.notExists(run.chartsDir().resolve("loss-a_cell_since_dropped.png")));
        assertTrue(Files.notExists(run.chartsDir().resolve("loss-a_cell_since_dropped.svg")));
        for (RenderedChart c : r.charts()) {
            assertTrue(Files.exists(run.chartsDir().resolve(c.name() + ".png")), c.name());
        }
        assertTrue(Files.exists(run.chartsDir().resolve(ReportService.MANIFEST)), "charts.json stays");
    }

    @Test
    void aStopRequestAbandonsTheReportBetweenTwoCharts() {
        RunFolder run = SmallRuns.copy(SmallRuns.ADAM);
        java.util.concurrent.atomic.AtomicInteger lines = new java.util.concurrent.atomic.AtomicInteger();
        // stop once the charts are being written: after the third progress line
        org.junit.jupiter.api.Assertions.assertThrows(ReportService.Interrupted.class, () -> ReportService.render(run, Optional.empty(),
                n -> {}, line -> lines.incrementAndGet(), () -> lines.get() >= 3));
        assertTrue(Files.notExists(run.reportDir().resolve("index.html")), "no index.html for an abandoned report");
    }

    @Test
    void everyTrainedCellGetsItsLossCurve() {
        RunFolder run = SmallRuns.copy(SmallRuns.ADAM);
        Report r = ReportService.render(run, Optional.empty(), n -> {});
        long curves = r.charts().stream().filter(c -> c.name().startsWith("loss-")).count();
        assertEquals(r.diagnosis().size(), curves, "one loss curve per cell trained by gradient descent");
    }

    @Test
    void redrawingAFinishedRunGivesTheSameChartData() {
        RunFolder run = SmallRuns.copy(SmallRuns.ADAM);
        Report first = ReportService.render(run, Optional.empty(), n -> {});
        List<ChartData> written = ReportService.readManifest(run);
        Report second = ReportService.render(run, Optional.empty(), n -> {});
        assertEquals(first.charts().size(), second.charts().size());
        for (int i = 0; i < first.charts().size(); i++) {
            assertEquals(ChartData.of(first.charts().get(i).name(), first.charts().get(i).chart()),
                    ChartData.of(second.charts().get(i).name(), second.charts().get(i).chart()));
        }
        assertEquals(written, ReportService.readManifest(run));
        assertTrue(Files.isRegularFile(run.chartsDir().resolve("fit-evolution.gif")));
    }

    @Test
    void languageFlagOverridesTheExperimentAndNamesEveryChartInChinese() throws Exception {
        RunFolder run = SmallRuns.copy(SmallRuns.ADAM);
        Report r = ReportService.render(run, Optional.of("zh"), n -> {});
        assertEquals("zh", r.language());
        assertTrue(Files.readString(r.index()).contains("lang=\"zh-Hans\""));
        assertTrue(r.diagnosis().stream().allMatch(d -> d.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN)));
        for (RenderedChart c : r.charts()) {
            assertTrue(c.chart().getTitle().codePoints().anyMatch(ch -> Character.UnicodeScript.of(ch) == Character.UnicodeScript.HAN),
                    c.chart().getTitle());
        }
    }

    @Test
    void aBadLanguageIsAUserError() {
        RunFolder run = SmallRuns.get(SmallRuns.ADAM);
        var e = org.junit.jupiter.api.Assertions.assertThrows(fitlab.UserError.class,
                () -> ReportService.render(run, Optional.of("fr"), n -> {}));
        assertTrue(e.getMessage().contains("expected en or zh"));
    }
}
