package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Numbers on slides: the forms a title, a legend, an HTML table and a log axis give the same values. */
class HumanNumberTest {
    @Test
    void titlesAndTablesWriteNumbersAsTheAxesDo() {
        assertEquals("8.33×10⁸", Messages.number(8.33e8));
        assertEquals("1.234×10⁻⁵", Messages.number(1.2341e-5));
        assertEquals("0.01516", Messages.number(0.015157));
        assertEquals("0.3333", Messages.number(1.0 / 3));
        assertEquals("16900", Messages.number(16897));
    }

    @Test
    void aLogAxisOverManyDecadesLabelsPowersOfTenOnly() {
        LogTicks wide = new LogTicks(1e-5, 1e4);
        assertEquals("10³", wide.apply(1e3));
        assertEquals("10⁻⁴", wide.apply(1e-4));
        assertEquals("10⁰", wide.apply(1.0));
        assertEquals(LogTicks.BLANK, wide.apply(2e3));
        assertTrue(wide.decadesOnly(), "9 decades: ticks at the decades only");
        // 16 decades: every second one labelled; 39 (a training loss at 10⁻³⁰): every fifth
        LogTicks sixteen = new LogTicks(1e-7, 1e9);
        assertEquals("10⁴", sixteen.apply(1e4));
        assertEquals(LogTicks.BLANK, sixteen.apply(1e5));
        assertEquals("10⁻⁴", sixteen.apply(1e-4));
        LogTicks forty = new LogTicks(1e-30, 1e9);
        assertEquals("10⁻³⁰", forty.apply(1e-30));
        assertEquals("10⁻²⁵", forty.apply(1e-25));
        assertEquals(LogTicks.BLANK, forty.apply(1e-29));
        assertEquals("10⁵", forty.apply(1e5));
        assertEquals(5, LogTicks.decadeStep(39));
        assertEquals(1, LogTicks.decadeStep(10));
        LogTicks narrow = new LogTicks(0.004, 0.6);
        assertEquals("0.01", narrow.apply(0.01));
        assertEquals("0.2", narrow.apply(0.2));
    }

    @Test
    void anEpochAxisLabelsWholeEpochsOnly() {
        assertEquals("0", HumanNumber.wholeOnly(0));
        assertEquals("3", HumanNumber.wholeOnly(3.0));
        assertEquals("1000", HumanNumber.wholeOnly(1000));
        assertEquals(LogTicks.BLANK, HumanNumber.wholeOnly(2.5));
        assertEquals(LogTicks.BLANK, HumanNumber.wholeOnly(0.5));
    }

    @Test
    void aChartWhoseXValuesAreCountsLabelsOnlyWholeTicks() {
        org.knowm.xchart.XYChart epochs = HouseStyle.xyChart("t", "epoch", "loss", java.awt.Font.SANS_SERIF);
        epochs.addSeries("train", new double[] {0, 1, 2, 3, 4, 5}, new double[] {5, 4, 3, 2, 1, 1});
        HouseStyle.finish(epochs, null);
        assertEquals(LogTicks.BLANK, epochs.getStyler().getXAxisTickLabelsFormattingFunction().apply(2.5));
        assertEquals("2", epochs.getStyler().getXAxisTickLabelsFormattingFunction().apply(2.0));
        org.knowm.xchart.XYChart x = HouseStyle.xyChart("t", "x", "y", java.awt.Font.SANS_SERIF);
        x.addSeries("fit", new double[] {0, 0.25, 0.5}, new double[] {1, 2, 3});
        HouseStyle.finish(x, null);
        assertEquals("0.25", x.getStyler().getXAxisTickLabelsFormattingFunction().apply(0.25));
    }

    @Test
    void aLossCurveOfAFewEpochsIsLabelledAtWholeEpochs() {
        Messages m = SmallRuns.messages("en");
        LoadedRun run = SmallRuns.load(SmallRuns.ADAM);
        org.knowm.xchart.XYChart chart = LossCurveChart.build(run.cells().get(0), m);
        assertEquals(LogTicks.BLANK, chart.getStyler().getXAxisTickLabelsFormattingFunction().apply(2.5));
        assertEquals("3", chart.getStyler().getXAxisTickLabelsFormattingFunction().apply(3.0));
    }
}
