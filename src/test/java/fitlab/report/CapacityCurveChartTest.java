package fitlab.report;

import static fitlab.report.ChartAsserts.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.diagnosis.Verdict;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.XYChart;

class CapacityCurveChartTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void plotsMeanAndSpreadOverSeedsShadesVerdictsAndMarksTheChosenDegree(String language) {
        Messages m = SmallRuns.messages(language);
        LoadedRun run = SmallRuns.load(SmallRuns.LSTSQ);
        List<AxisGroup> groups = SweepGroups.along(run, "model.degree", c -> Capacity.x("model.degree", c));
        assertEquals(1, groups.size());
        AxisGroup g = groups.get(0);
        assertArrayEquals(new double[] {1, 3, 9, 11, 20}, g.xs());
        assertEquals(3, g.points().get(0).cells().size());
        XYChart chart = CapacityCurveChart.build(g, "model.degree", Optional.of(0.01), m);

        double[] validation = g.points().stream().mapToDouble(p -> p.cells().stream()
                .mapToDouble(c -> c.last().validationLoss()).average().orElseThrow()).toArray();
        assertArrayEquals(validation, series(chart, m.get("series.validation")).getYData(), 1e-15);
        assertTrue(series(chart, m.get("series.train")).getExtraValues() != null, "error bars over seeds");
        int best = 0;
        for (int i = 1; i < validation.length; i++) {
            best = validation[i] < validation[best] ? i : best;
        }
        String where = Capacity.pointName("model.degree", g.xs()[best], m);
        assertEquals(m.get("chart.capacity.title", Messages.number(validation[best]), where), chart.getTitle());
        assertEquals(g.xs()[best], series(chart, m.get("marker.chosen", where)).getXData()[0]);
        assertEquals(m.get("axis.degree"), chart.getXAxisTitle());
        ChartAsserts.inLanguage(chart.getTitle() + chart.getXAxisTitle(), language);

        List<CapacityCurveChart.Region> regions = CapacityCurveChart.regions(g);
        assertEquals(Verdict.UNDERFIT, regions.get(0).verdict(), "degree 1 cannot follow cos(1.5πx)");
        assertEquals(Verdict.OVERFIT, regions.get(regions.size() - 1).verdict(), "degree 11 and 20 interpolate 12 points");
        assertEquals(1.0, regions.get(0).x0());
        assertEquals(20.0, regions.get(regions.size() - 1).x1());
        for (int i = 1; i < regions.size(); i++) {
            assertEquals(regions.get(i - 1).x1(), regions.get(i).x0(), "regions tile the axis");
        }
    }
}
