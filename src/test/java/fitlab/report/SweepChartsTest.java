package fitlab.report;

import static fitlab.report.ChartAsserts.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.XYChart;

/** Learning curve, bias–variance, double descent and decision boundary, each built headless in both languages. */
class SweepChartsTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void learningCurvePlotsLossesAgainstTrainingSetSize(String language) {
        Messages m = SmallRuns.messages(language);
        LoadedRun run = SmallRuns.load(SmallRuns.LEARNING);
        AxisGroup g = SweepGroups.along(run, LearningCurveChart.AXIS, c -> c.cell().config().data().train()).get(0);
        XYChart chart = LearningCurveChart.build(g, Optional.of(0.01), m);
        assertArrayEquals(new double[] {8, 16, 48}, series(chart, m.get("series.train")).getXData());
        double[] train = series(chart, m.get("series.train")).getYData();
        assertArrayEquals(g.points().stream().mapToDouble(p -> p.mean(LossColumns.TRAIN)).toArray(), train);
        assertEquals(2, g.points().get(0).cells().size());
        assertEquals(m.get("axis.trainSize"), chart.getXAxisTitle());
        // 8 to 48 examples span less than 1.5 decades: a linear axis; wider sweeps get a log axis
        assertTrue(!chart.getStyler().isXAxisLogarithmic() && chart.getStyler().isYAxisLogarithmic());
        assertTrue(LearningCurveChart.build(new AxisGroup("", List.of(new AxisPoint(10, g.points().get(0).cells()),
                new AxisPoint(100, g.points().get(1).cells()), new AxisPoint(1000, g.points().get(2).cells()))), Optional.of(0.01), m)
                .getStyler().isXAxisLogarithmic(), "10 to 1000 examples: a log axis");
        assertTrue(chart.getTitle().contains(Messages.number(g.points().get(2).mean(LossColumns.VALIDATION))), chart.getTitle());
        series(chart, m.get("series.noiseFloor", "0.01"));
        ChartAsserts.inLanguage(chart.getTitle() + chart.getXAxisTitle(), language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void biasFallsVarianceRisesAndTheirSumTracksTheMeasuredTestError(String language) {
        Messages m = SmallRuns.messages(language);
        LoadedRun run = SmallRuns.load(SmallRuns.LSTSQ);
        assertEquals(Optional.of("model.degree"), ReportPlan.biasVarianceAxis(run));
        AxisGroup g = SweepGroups.along(run, "model.degree", c -> Capacity.x("model.degree", c)).get(0);
        BiasVarianceData d = BiasVarianceLoader.load(run, "model.degree", g);
        assertEquals(3, d.seeds());
        assertTrue(d.bias2()[0] > 10 * d.bias2()[1], "a line has far more bias than a cubic");
        assertTrue(d.variance()[3] > d.variance()[1], "degree 11 on 12 points varies more than a cubic");
        assertEquals(0.01, d.noise(), 1e-15);
        // For a cubic the decomposition predicts the measured test error (3 seeds, 200 test points: within a factor 2).
        assertTrue(Math.abs(Math.log(d.expected()[1] / d.testError()[1])) < Math.log(2), d.expected()[1] + " vs " + d.testError()[1]);
        XYChart chart = BiasVarianceChart.build(d, m);
        assertArrayEquals(d.bias2(), series(chart, m.get("series.bias2")).getYData());
        assertArrayEquals(d.variance(), series(chart, m.get("series.variance")).getYData());
        assertArrayEquals(d.expected(), series(chart, m.get("series.expected")).getYData());
        assertArrayEquals(d.testError(), series(chart, m.get("series.testMeasured", 3)).getYData());
        series(chart, m.get("series.noiseFloor", "0.01"));
        ChartAsserts.inLanguage(chart.getTitle() + ChartAsserts.names(chart), language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void doubleDescentUsesLogAxesAndMarksTheInterpolationThreshold(String language) {
        Messages m = SmallRuns.messages(language);
        LoadedRun run = SmallRuns.load(SmallRuns.LSTSQ);
        AxisGroup g = SweepGroups.along(run, "model.degree", c -> c.summary().parameters()).get(0);
        XYChart chart = DoubleDescentChart.build(g, 12, m);
        assertTrue(chart.getStyler().isXAxisLogarithmic() && chart.getStyler().isYAxisLogarithmic());
        assertArrayEquals(new double[] {2, 4, 10, 12, 21}, series(chart, m.get("series.test")).getXData());
        assertEquals(12, series(chart, m.get("marker.interpolation", 12)).getXData()[0]);
        double[] test = series(chart, m.get("series.test")).getYData();
        int peak = 0;
        for (int i = 1; i < test.length; i++) {
            peak = test[i] > test[peak] ? i : peak;
        }
        assertEquals(m.get("chart.doubleDescent.title", Messages.number(test[peak]), (long) g.xs()[peak], 12), chart.getTitle());
        assertEquals(m.get("axis.parameters"), chart.getXAxisTitle());
        ChartAsserts.inLanguage(chart.getTitle(), language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void decisionRegionsArePaintedInClassColoursWithTheTrainingPoints(String language) {
        Messages m = SmallRuns.messages(language);
        LoadedRun run = SmallRuns.load(SmallRuns.MOONS);
        assertEquals(Optional.of("model.hidden"), Capacity.axis(run));
        CellRun cell = run.cells().get(1);
        BoundaryData d = BoundaryDataLoader.load(run, cell);
        assertEquals(2, d.classes());
        assertEquals(60, d.pointX().length);
        XYChart chart = DecisionBoundaryChart.build(d, m);
        assertEquals(m.get("chart.boundary.title", cell.id(), Messages.number(cell.last().testAccuracy())), chart.getTitle());
        java.util.Set<Integer> predicted = new java.util.HashSet<>();
        for (int[] column : d.predicted()) {
            for (int k : column) {
                predicted.add(k);
            }
        }
        assertEquals(java.util.Set.of(0, 1), predicted, "both classes are predicted somewhere");
        for (int ix = 0; ix < d.gridX().length; ix++) {
            for (int iy = 0; iy < d.gridY().length; iy++) {
                assertTrue(d.confidence()[ix][iy] >= 0.5 && d.confidence()[ix][iy] <= 1, "a 2-class prediction is at least a coin toss");
                assertEquals(d.predicted()[ix][iy] == 1 ? d.probability()[ix][iy] : 1 - d.probability()[ix][iy], d.confidence()[ix][iy], 1e-12);
            }
        }
        BoundaryImageTest.everyPixelIsAClassColour(d);
        assertEquals(List.of(m.get("axis.x1"), m.get("axis.x2")), List.of(chart.getXAxisTitle(), chart.getYAxisTitle()));
        ChartAsserts.inLanguage(chart.getTitle(), language);
        ChartData data = ChartData.of("b", chart);
        assertEquals(List.of(m.get("series.class", 0), m.get("series.class", 1)), data.series().stream().map(ChartData.Series::name).toList());
        assertEquals(60, data.series().stream().mapToInt(s -> s.x().size()).sum(), "every training point, by class");
    }
}
