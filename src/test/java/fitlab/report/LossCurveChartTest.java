package fitlab.report;

import static fitlab.report.ChartAsserts.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.train.stopping.Marker;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.XYChart;

class LossCurveChartTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void drawsTheThreeLossesTheNoiseFloorTheBestEpochEveryMarkerAndTheStop(String language) {
        Messages m = SmallRuns.messages(language);
        LoadedRun run = SmallRuns.load(SmallRuns.ADAM);
        CellRun cell = run.cells().stream().filter(c -> !c.summary().stopReason().equals("completed")).findFirst()
                .orElseThrow(() -> new AssertionError("the ADAM fixture should stop early (action: stop, patience 5)"));
        XYChart chart = LossCurveChart.build(cell, m);

        var best = cell.best();
        assertEquals(m.get("chart.lossCurves.title", cell.id(), Messages.number(best.validationLoss()), best.epoch()), chart.getTitle());
        ChartAsserts.inLanguage(chart.getTitle() + chart.getXAxisTitle() + chart.getYAxisTitle(), language);
        assertEquals(m.get("axis.epoch"), chart.getXAxisTitle());
        assertTrue(chart.getStyler().isYAxisLogarithmic());

        double[] epochs = cell.metrics().stream().mapToDouble(r -> r.epoch()).toArray();
        assertArrayEquals(epochs, series(chart, m.get("series.train")).getXData());
        assertArrayEquals(cell.metrics().stream().mapToDouble(r -> r.validationLoss()).toArray(),
                series(chart, m.get("series.validation")).getYData());
        assertArrayEquals(cell.metrics().stream().mapToDouble(r -> r.testLoss()).toArray(), series(chart, m.get("series.test")).getYData());

        double floor = cell.summary().noiseFloor();
        assertEquals(floor, series(chart, m.get("series.noiseFloor", Messages.number(floor))).getYData()[0]);
        assertEquals(best.epoch(), series(chart, m.get("marker.best", best.epoch())).getXData()[0]);
        assertTrue(!cell.summary().markers().isEmpty());
        for (Marker mk : cell.summary().markers()) {
            assertEquals(mk.epoch(), series(chart, LossCurveChart.markerLabel(mk, m)).getXData()[0], mk.name());
        }
        int stop = cell.summary().stopEpoch();
        assertEquals(stop, series(chart, m.get("marker.stop." + cell.summary().stopReason(), stop)).getXData()[0]);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void namesPrecheltCriteriaWithTheirParameter(String language) {
        Messages m = SmallRuns.messages(language);
        String gl = LossCurveChart.markerLabel(new Marker("GL5", 17, 5.2, "x"), m);
        assertTrue(gl.startsWith("GL5") && gl.contains("17"), gl);
        String up = LossCurveChart.markerLabel(new Marker("UP3", 40, 3, "x"), m);
        assertTrue(up.startsWith("UP3") && up.contains("40"), up);
        assertEquals(m.get("marker.patience", 204), LossCurveChart.markerLabel(new Marker("patience", 204, 200, "x"), m));
        ChartAsserts.inLanguage(gl, language);
    }
}
