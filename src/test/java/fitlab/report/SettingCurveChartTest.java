package fitlab.report;

import static fitlab.report.ChartAsserts.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.XYChart;

/** Final losses against a swept setting: which runs get the chart, a 0 on a log axis, diverged values, one line per L1. */
class SettingCurveChartTest {

    private static List<String> names(LoadedRun run, Messages m) {
        return SettingCurveChart.charts(run, ReportPlan.noiseFloor(run), m).stream().map(RenderedChart::name).toList();
    }

    @Test
    void everySweptNumericSettingButCapacityDataSizeAndSeedGetsOne() {
        Messages m = SmallRuns.messages("en");
        assertEquals(List.of("setting-weight_decay", "setting-l1"), names(SmallRuns.load(SmallRuns.PENALTY), m));
        assertEquals(List.of("setting-lr"), names(SmallRuns.load(SmallRuns.LEARNING_RATE), m));
        assertEquals(List.of(), names(SmallRuns.load(SmallRuns.LSTSQ), m), "degree has the capacity curve, seed is the repeats");
        assertEquals(List.of(), names(SmallRuns.load(SmallRuns.LEARNING), m), "data.train has the learning curve");
        assertTrue(ReportPlan.charts(SmallRuns.load(SmallRuns.PENALTY), m).stream().anyMatch(c -> c.name().equals("setting-l1")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void aZeroPenaltyIsDrawnOneDecadeLeftOfTheSmallestAndLabelledZero(String language) {
        Messages m = SmallRuns.messages(language);
        LoadedRun run = SmallRuns.load(SmallRuns.PENALTY);
        XYChart chart = SettingCurveChart.build(run, run.axis("training.weight_decay").orElseThrow(), Optional.of(0.01), m);
        assertTrue(chart.getStyler().isXAxisLogarithmic(), "0.001 to 1 spans three decades");
        assertEquals(m.get("axis.settingLogZero", "training.weight_decay", "0.001"), chart.getXAxisTitle());
        for (String l1 : List.of("0", "0.001", "0.01")) {
            String label = "l1=" + l1;
            var line = series(chart, m.get("series.testIn", label));
            assertArrayEquals(new double[] {1e-4, 0.001, 0.1, 1}, line.getXData(), 1e-18, "0 stands one decade left of 0.001");
            double[] expected = new double[4];
            String[] wd = {"0", "0.001", "0.1", "1"};
            for (int i = 0; i < 4; i++) {
                String id = "weight_decay=" + wd[i] + ",l1=" + l1;
                expected[i] = run.cells().stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow().last().testLoss();
            }
            assertArrayEquals(expected, line.getYData(), 0, label + ": the final test loss of each cell");
        }
        var labels = chart.getStyler().getXAxisTickLabelsFormattingFunction();
        assertEquals("0", labels.apply(1e-4));
        assertEquals(LogTicks.BLANK, labels.apply(5e-4), "no number between the 0 and the first positive value");
        assertFalse(labels.apply(0.01).isBlank(), "the decades keep their labels");
        ChartAsserts.inLanguage(chart.getTitle() + chart.getXAxisTitle(), language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void aDivergedLearningRateIsAMarkedLineNotAPoint(String language) {
        Messages m = SmallRuns.messages(language);
        LoadedRun run = SmallRuns.load(SmallRuns.LEARNING_RATE);
        assertEquals("diverged", run.cells().get(2).summary().stopReason(), "the fixture: lr = 1000 diverges");
        XYChart chart = SettingCurveChart.build(run, run.axis("training.lr").orElseThrow(), Optional.of(0.01), m);
        assertTrue(chart.getStyler().isXAxisLogarithmic());
        assertEquals(m.get("axis.settingLog", "training.lr"), chart.getXAxisTitle());
        for (String s : List.of("series.train", "series.validation", "series.test")) {
            assertArrayEquals(new double[] {0.001, 0.1}, series(chart, m.get(s)).getXData(), s);
        }
        var diverged = series(chart, m.get("marker.settingDiverged", "lr=1000"));
        assertArrayEquals(new double[] {1000, 1000}, diverged.getXData());
        assertTrue(diverged.getYData()[0] <= 0.5 * run.cells().get(1).last().trainLoss() && diverged.getYData()[1] >= run.cells().get(0)
                .last().validationLoss(), "the marker spans every point's height");
        double best = Math.min(run.cells().get(0).last().validationLoss(), run.cells().get(1).last().validationLoss());
        assertTrue(chart.getTitle().contains(Messages.number(best)), chart.getTitle());
    }

    @Test
    void aZeroOnAGridOfDoublingsStandsHalfAStepLeftAndOnlyALongGridIsLog() {
        var copies = SettingCurveChart.Placement.of(new double[] {0, 1, 2, 4, 8, 16, 32});
        assertTrue(copies.log());
        assertEquals(0.5, copies.x(0), 0);
        assertEquals(4, copies.x(4), 0);
        var quick = SettingCurveChart.Placement.of(new double[] {0, 0.001, 1});
        assertEquals(1e-4, quick.x(0), 1e-18, "at most a decade left, not 10⁻⁶");
        var dropout = SettingCurveChart.Placement.of(new double[] {0, 0.1, 0.2, 0.3, 0.5});
        assertFalse(dropout.log(), "0.1 to 0.5 is less than a decade: a linear axis, 0 where it is");
        assertEquals(0, dropout.x(0), 0);
        var wide = SettingCurveChart.Placement.of(new double[] {0, 1e-4, 1e-3, 1e-2, 0.1, 1});
        assertEquals(1e-5, wide.x(0), 1e-20, "a decade on an axis labelled at its decades");
    }
}
