package fitlab.report;

import static fitlab.report.ChartAsserts.series;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.diagnosis.Verdict;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.knowm.xchart.XYChart;

class FitChartsTest {

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void galleryShowsPointsTrueFunctionAndTheUnderfitGoodAndOverfitCurves(String language) {
        Messages m = SmallRuns.messages(language);
        LoadedRun run = SmallRuns.load(SmallRuns.LSTSQ);
        List<CellRun> reps = FitSelection.representatives(run);
        assertEquals(List.of(Verdict.UNDERFIT, Verdict.GOOD, Verdict.OVERFIT), reps.stream().map(FitSelection::verdict).toList());
        assertEquals("degree=1,seed=0", reps.get(0).id());
        assertEquals("degree=20,seed=0", reps.get(2).id());
        FitData d = FitDataLoader.finalFits(run, reps);
        XYChart chart = FitGalleryChart.build(d, m);

        assertEquals(12, series(chart, m.get("series.trainPoints", 12)).getXData().length);
        double[] truth = series(chart, m.get("series.trueFunction", "cos(1.5πx)")).getYData();
        double[] grid = d.gridX();
        assertEquals(Math.cos(1.5 * Math.PI * grid[7]), truth[7], 1e-12);
        for (Fit f : d.fits()) {
            String name = m.get("series.fit", m.get("verdict." + f.verdict().orElseThrow().key()), f.cellId(), Messages.number(f.testLoss()));
            assertEquals(grid.length, series(chart, name).getYData().length);
        }
        // The straight line is a line: its second differences vanish.
        double[] line = d.fits().get(0).y();
        assertEquals(0, line[2] - 2 * line[1] + line[0], 1e-9);
        // The overfit curve passes through the training points it interpolates (min-norm, p > n).
        CellRun over = reps.get(2);
        assertTrue(over.last().trainLoss() < 1e-12, "train loss " + over.last().trainLoss());
        ChartAsserts.inLanguage(chart.getTitle() + ChartAsserts.names(chart), language);
    }

    @ParameterizedTest
    @ValueSource(strings = {"en", "zh"})
    void evolutionStripHasOnePanelPerChosenEpochWithItsFit(String language) {
        Messages m = SmallRuns.messages(language);
        LoadedRun run = SmallRuns.load(SmallRuns.ADAM);
        CellRun cell = FitSelection.evolving(run);
        List<Integer> epochs = FitEvolutionChart.chooseEpochs(FittedModels.checkpointEpochs(cell), FitEvolutionChart.PANELS);
        assertEquals(0, epochs.get(0));
        assertEquals(cell.last().epoch(), epochs.get(epochs.size() - 1));
        assertTrue(epochs.size() >= 3, epochs.toString());
        FitData d = FitDataLoader.evolution(run, cell, epochs);
        for (int i = 0; i < epochs.size(); i++) {
            XYChart panel = FitEvolutionChart.panel(d, i, 640, 500, m);
            int e = epochs.get(i);
            var row = cell.metrics().get(e);
            assertEquals(m.get("chart.evolution.panel", e, Messages.number(row.trainLoss()), Messages.number(row.testLoss())), panel.getTitle());
            assertEquals(d.gridX().length, series(panel, m.get("series.fitAtEpoch", e)).getYData().length);
            ChartAsserts.inLanguage(panel.getTitle(), language);
        }
        assertTrue(!java.util.Arrays.equals(d.fits().get(0).y(), d.fits().get(epochs.size() - 1).y()), "the fit moves");
    }

    @org.junit.jupiter.api.Test
    void chooseEpochsSpreadsOverWhatIsOnDiskAndKeepsBothEnds() {
        assertEquals(List.of(0, 25, 100, 225, 400, 625), FitEvolutionChart.chooseEpochs(
                java.util.stream.IntStream.rangeClosed(0, 25).map(i -> i * 25).boxed().toList(), 6));
        assertEquals(List.of(0, 1), FitEvolutionChart.chooseEpochs(List.of(0, 1), 6));
        assertArrayEquals(new double[0], new double[0]);
    }
}
