package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * Every chart of every bundled lesson's --quick run, in English and in Chinese, laid out by XChart and measured with the
 * fonts' metrics (never from pixels): the plot gets the slide, no text leaves the canvas or is shortened, no two labels
 * overlap, every log axis has at least three labelled ticks, and every tick label is a number written for people.
 */
@Tag("slow")
class SlideLayoutTest {
    static final double MIN_PLOT_WIDTH = 0.70;
    static final double MIN_PLOT_HEIGHT = 0.65;
    /** XChart shortens a legend entry wider than this share of the chart's width (with an ellipsis). */
    static final double LEGEND_TRUNCATION = 0.45;
    private static final FontRenderContext FRC = new FontRenderContext(null, true, false);

    @TestFactory
    Stream<DynamicTest> everyChartOfEveryLessonFitsItsSlide() {
        List<DynamicTest> tests = new ArrayList<>();
        for (String language : List.of("en", "zh")) {
            for (String lesson : LessonQuickRuns.lessons()) {
                tests.add(DynamicTest.dynamicTest(lesson + " " + language, () -> checkLesson(lesson, language)));
            }
        }
        return tests.stream();
    }

    /**
     * The legend check catches a legend over a curve, and {@link HouseStyle#finish} gives the legend room instead: a
     * line rising through every corner (here: through both top corners and along the bottom) is covered by a legend
     * forced into the top right, and no longer once finish() has placed it.
     */
    @Test
    void aLegendOverACurveIsCaughtAndFinishMakesRoomForIt() {
        double[] x = new double[50], y = new double[50];
        for (int i = 0; i < x.length; i++) {
            x[i] = i / 49.0;
            y[i] = Math.abs(2 * x[i] - 1); // high at both ends, low in the middle: both top corners hold data
        }
        XYChart forced = chartWith(x, y);
        forced.getStyler().setLegendPosition(org.knowm.xchart.style.Styler.LegendPosition.InsideNE);
        paint(forced);
        assertThrows(org.opentest4j.AssertionFailedError.class,
                () -> coversNoData(forced, ChartLayout.legend(forced), "forced top-right legend"));

        XYChart placed = chartWith(x, y);
        HouseStyle.finish(placed, null);
        paint(placed);
        coversNoData(placed, ChartLayout.legend(placed), "legend placed by finish()");
        assertTrue(placed.getStyler().getYAxisMax() > 1 || placed.getStyler().getYAxisMin() < 0,
                "the y range grew to make room: " + placed.getStyler().getYAxisMin() + " .. " + placed.getStyler().getYAxisMax());
    }

    private static XYChart chartWith(double[] x, double[] y) {
        XYChart chart = HouseStyle.xyChart("a V-shaped line", "x", "y", java.awt.Font.SANS_SERIF);
        chart.getStyler().setYAxisMin(0.0).setYAxisMax(1.0);
        Lines.line(chart, "a line from corner to corner", x, y, Palette.TRAIN, HouseStyle.SOLID);
        Lines.line(chart, "its mirror image", x, java.util.Arrays.stream(y).map(v -> 1 - v).toArray(), Palette.TEST, HouseStyle.SOLID);
        return chart;
    }

    private static void paint(XYChart chart) {
        var g = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB).createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
    }

    /** A missing font skips the zh charts on a developer's machine; in CI (CI=true) they must be checked. */
    private static void skipLocallyFailInCi(String how) {
        fitlab.testsupport.MissingTool.skipLocallyFailInCi(how, "the Chinese charts' checks");
    }

    private static void checkLesson(String lesson, String language) {
        Messages m = Messages.forLanguage(language, SlideLayoutTest::skipLocallyFailInCi);
        if (language.equals("zh") && !m.language().equals("zh")) {
            skipLocallyFailInCi("no CJK font (apt-get install fonts-noto-cjk)");
        }
        LoadedRun run = RunLoader.load(LessonQuickRuns.get(lesson));
        List<RenderedChart> charts = ReportPlan.charts(run, m);
        assertFalse(charts.isEmpty());
        for (RenderedChart c : charts) {
            String where = lesson + " " + language + " " + c.name();
            check(c.chart(), where, true);
        }
    }

    /** Paints {@code chart} (XChart lays out while painting) and checks its layout; {@code slide}: a full 1920×1080 chart. */
    static void check(IChart chart, String where, boolean slide) {
        BufferedImage canvas = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        var g = canvas.createGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        if (chart instanceof PanelStrip strip) {
            Font f = strip.titleFont();
            double w = new TextLayout(strip.getTitle(), f, FRC).getBounds().getWidth();
            assertTrue(w <= strip.getWidth() - 20, where + ": strip title " + w + " px wide");
            assertTrue(f.getSize() == HouseStyle.TITLE_SIZE || new TextLayout(strip.getTitle(), f.deriveFont(f.getSize() + 1f), FRC)
                    .getBounds().getWidth() > strip.getWidth() - 60, where + ": strip title shrunk though it fits: " + strip.getTitle());
            assertEquals(1, strip.panels().stream().map(p -> p.getStyler().getChartTitleFont().getSize()).distinct().count(),
                    where + ": one title size for every panel");
            for (XYChart p : strip.panels()) {
                checkXY(p, where + " / " + p.getTitle(), false);
            }
            return;
        }
        if (chart instanceof RefactorSlide words) {
            checkWords(words, where);
            return;
        }
        checkXY((XYChart) chart, where, slide);
    }

    /** A slide of words (lesson 06's refactor check): every line on the canvas, none over another, none shortened. */
    static void checkWords(RefactorSlide slide, String where) {
        Rectangle2D canvas = new Rectangle2D.Double(0, 0, slide.getWidth(), slide.getHeight());
        List<Rectangle2D> lines = slide.placed();
        assertTrue(lines.size() >= 10, where + ": the slide drew its lines: " + lines.size());
        // the first line is the title, centred on the canvas like every chart's (to the pixel: it is placed in whole pixels)
        assertEquals(slide.getWidth() / 2.0, lines.get(0).getCenterX(), 1, where + ": title centred on the canvas");
        for (int i = 0; i < lines.size(); i++) {
            inside(canvas, lines.get(i), where + ": line " + i);
            for (int j = i + 1; j < lines.size(); j++) {
                Rectangle2D overlap = lines.get(i).createIntersection(lines.get(j));
                assertFalse(overlap.getWidth() > 1 && overlap.getHeight() > 1, where + ": lines overlap: " + lines.get(i) + " and " + lines.get(j));
            }
        }
    }

    static void checkXY(XYChart chart, String where, boolean slide) {
        Rectangle2D canvas = new Rectangle2D.Double(0, 0, chart.getWidth(), chart.getHeight());
        Rectangle2D plot = ChartLayout.plot(chart);
        if (slide) {
            assertEquals(HouseStyle.WIDTH, chart.getWidth(), where);
            assertTrue(plot.getWidth() >= MIN_PLOT_WIDTH * chart.getWidth(), where + ": plot width " + plot.getWidth());
            assertTrue(plot.getHeight() >= MIN_PLOT_HEIGHT * chart.getHeight(), where + ": plot height " + plot.getHeight());
        }
        List<Rectangle2D> texts = new ArrayList<>();
        assertTrue(chart instanceof SlideChart, where + ": every chart is a SlideChart (title centred on the canvas)");
        Rectangle2D title = ((SlideChart) chart).titleBounds(FRC);
        inside(canvas, title, where + ": title '" + chart.getTitle() + "'");
        assertEquals(chart.getWidth() / 2.0, title.getCenterX(), 0.5, where + ": title centred on the canvas");
        assertTrue(title.getMaxY() <= ChartLayout.title(chart).getMaxY() + 1, where + ": the title sits in the band XChart keeps for it");
        double titleWidth = new TextLayout(chart.getTitle(), chart.getStyler().getChartTitleFont(), FRC).getBounds().getWidth();
        assertTrue(titleWidth <= plot.getWidth() + 2 * plot.getX(), where + ": title wider than the canvas allows");
        texts.add(title);
        noExponent(chart.getTitle(), where + ": title");
        for (XYSeries s : chart.getSeriesCollection()) {
            if (s.isShowInLegend()) {
                noExponent(s.getLabel(), where + ": legend entry");
            }
        }
        Rectangle2D legend = ChartLayout.legend(chart);
        if (legend != null) {
            inside(plot, legend, where + ": legend inside the plot");
            for (XYSeries s : chart.getSeriesCollection()) {
                if (s.isShowInLegend()) {
                    assertEquals(s.getName().replaceAll("\\s", ""), s.getLabel().replaceAll("\\s", ""),
                            where + ": the legend shows the whole name");
                    for (String line : s.getLabel().split("\n")) {
                        double w = new TextLayout(line, chart.getStyler().getLegendFont(), FRC).getBounds().getWidth();
                        assertTrue(w < LEGEND_TRUNCATION * chart.getWidth(), where + ": legend entry shortened by XChart: " + line);
                    }
                }
            }
            texts.add(legend);
            coversNoData(chart, legend, where + ": legend");
        }
        inside(canvas, ChartLayout.xAxis(chart), where + ": x axis");
        inside(canvas, ChartLayout.yAxis(chart), where + ": y axis");
        for (Object a : ChartLayout.annotations(chart)) {
            if (a instanceof TopLabels top) {
                for (Rectangle2D r : top.placed()) {
                    inside(plot, r, where + ": top label");
                    texts.add(r);
                }
            } else if (a instanceof AxisNotes notes) {
                assertTrue(notes.placed().size() >= notes.notes().size(), where + ": every axis note drawn");
                for (Rectangle2D r : notes.placed()) {
                    inside(plot, r, where + ": axis note");
                    texts.add(r);
                }
            } else if (a instanceof PointsOverlay points && points.legendBox() != null) {
                inside(plot, points.legendBox(), where + ": class legend");
                texts.add(points.legendBox());
            }
        }
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                Rectangle2D a = texts.get(i), b = texts.get(j);
                Rectangle2D overlap = a.createIntersection(b);
                assertFalse(overlap.getWidth() > 1 && overlap.getHeight() > 1, where + ": labels overlap: " + a + " and " + b);
            }
        }
        checkTicks(ChartLayout.xTicks(chart), chart.getStyler().isXAxisLogarithmic(), where + ": x axis");
        checkTicks(ChartLayout.yTicks(chart), chart.getStyler().isYAxisLogarithmic(), where + ": y axis");
        // labelled y ticks at least a line of their font apart: forty decades once stacked into one black column
        java.awt.Font tickFont = chart.getStyler().getAxisTickLabelsFont();
        double lineHeight = tickFont.getLineMetrics("0", FRC).getAscent();
        List<Double> labelled = ChartLayout.yTicks(chart).stream().filter(t -> t.label() != null && !t.label().isBlank())
                .map(ChartLayout.Tick::position).sorted().toList();
        for (int i = 1; i < labelled.size(); i++) {
            assertTrue(labelled.get(i) - labelled.get(i - 1) >= lineHeight, where + ": y tick labels " + (labelled.get(i) - labelled.get(i - 1))
                    + " px apart, under a line of their " + tickFont.getSize() + " px font");
        }
    }

    /** Samples per drawn segment: a line crossing the box between two of its points counts too. */
    private static final int SEGMENT_SAMPLES = 16;

    /**
     * No drawn point of any series, and no stretch of a line between two points, lies under {@code box} (a legend
     * hides what it covers). Points outside the plot are not drawn, so they do not count.
     */
    static void coversNoData(XYChart chart, Rectangle2D box, String where) {
        Rectangle2D plot = ChartLayout.plot(chart);
        Rectangle2D inner = new Rectangle2D.Double(box.getX() + 1, box.getY() + 1, box.getWidth() - 2, box.getHeight() - 2);
        for (XYSeries s : chart.getSeriesCollection()) {
            double[] x = s.getXData(), y = s.getYData();
            boolean line = s.getXYSeriesRenderStyle().orElse(null) != XYSeries.XYSeriesRenderStyle.Scatter
                    && !(s.getLineStyle() != null && s.getLineStyle().getLineWidth() == 0);
            for (int i = 0; i < x.length; i++) {
                int samples = line && i + 1 < x.length ? SEGMENT_SAMPLES : 1;
                for (int k = 0; k < samples; k++) {
                    double t = (double) k / samples;
                    double sx = ChartLayout.screenX(chart, x[i]), sy = ChartLayout.screenY(chart, y[i]);
                    if (samples > 1) {
                        sx += t * (ChartLayout.screenX(chart, x[i + 1]) - sx);
                        sy += t * (ChartLayout.screenY(chart, y[i + 1]) - sy);
                    }
                    if (Double.isFinite(sx) && Double.isFinite(sy) && plot.contains(sx, sy) && inner.contains(sx, sy)) {
                        fail(where + " " + box + " covers series '" + s.getName() + "' at (" + x[i] + ", " + y[i] + ")");
                    }
                }
            }
        }
    }

    /** A number in a text is written for people: no {@code 1.234e-05} (HumanNumber writes 1.234×10⁻⁵). */
    static void noExponent(String text, String where) {
        assertFalse(java.util.regex.Pattern.compile("\\d[eE][+-]?\\d").matcher(text).find(), where + " with an E exponent: " + text);
    }

    static void checkTicks(List<ChartLayout.Tick> ticks, boolean log, String where) {
        List<String> labels = ticks.stream().map(ChartLayout.Tick::label).filter(l -> l != null && !l.isBlank()).toList();
        if (log) {
            assertTrue(labels.size() >= LogTicks.MIN_LABELS, where + ": a log axis with labels " + labels);
        }
        for (String l : labels) {
            assertFalse(l.contains("E") || l.contains("e"), where + ": exponent in tick label " + l);
            assertTrue(HumanNumber.significantDigits(l) <= HumanNumber.SIGNIFICANT, where + ": tick label " + l);
        }
    }

    static void inside(Rectangle2D outer, Rectangle2D r, String what) {
        if (r == null) {
            fail(what + ": not laid out");
        }
        assertTrue(r.getMinX() >= outer.getMinX() - 1 && r.getMaxX() <= outer.getMaxX() + 1 && r.getMinY() >= outer.getMinY() - 1
                && r.getMaxY() <= outer.getMaxY() + 1, what + " " + r + " not inside " + outer);
    }
}
