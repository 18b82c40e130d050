package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.internal.chartpart.IChart;

/** {@link SvgPage} writes the bytes of VectorGraphics2D's SVG writer with relative paths, for every chart fitlab draws. */
class SvgPageTest {

    /** Every chart of four lessons' reports in both languages (lesson 13's decision boundaries are pictures). */
    @Test
    void everyChartOfFourLessonsIsTheLibrarysSvgByteForByte() throws Exception {
        int charts = 0, fallbacks = 0;
        for (String lesson : List.of("01-polynomial-degree", "06-state-dict-vs-whole-model", "11-bias-variance", "13-classification-capacity")) {
            LoadedRun run = RunLoader.load(LessonQuickRuns.get(lesson));
            for (String language : List.of("en", "zh")) {
                for (RenderedChart c : ReportPlan.charts(run, Messages.forLanguage(language, n -> {}))) {
                    IChart chart = c.chart();
                    VectorGraphics2D g = new CompactGraphics();
                    chart.paint(g, chart.getWidth(), chart.getHeight());
                    Optional<byte[]> fast = SvgPage.write(g.getCommands(), chart.getWidth(), chart.getHeight());
                    if (fast.isEmpty()) {
                        fallbacks++;
                        continue;
                    }
                    byte[] library = ChartFiles.librarySvg(g.getCommands(), chart.getWidth(), chart.getHeight());
                    if (!java.util.Arrays.equals(library, fast.get())) {
                        assertEquals(new String(library, StandardCharsets.UTF_8), new String(fast.get(), StandardCharsets.UTF_8),
                                lesson + " " + language + " " + c.name());
                    }
                    charts++;
                }
            }
        }
        assertTrue(charts > 40, charts + " charts compared");
        assertEquals(0, fallbacks, "charts left to the library");
    }

    /** A clip under a rotation is a path, which the library names by its identity: named here by its data. */
    @Test
    void aRotatedClipHasTheSameNameAtEveryWrite() {
        VectorGraphics2D g = new CompactGraphics();
        g.rotate(0.3);
        g.clip(new Rectangle2D.Double(0, 0, 80, 40));
        g.fill(new Rectangle2D.Double(1, 1, 5, 5));
        String first = new String(SvgPage.write(g.getCommands(), 100, 100).orElseThrow(), StandardCharsets.UTF_8);
        VectorGraphics2D again = new CompactGraphics();
        again.rotate(0.3);
        again.clip(new Rectangle2D.Double(0, 0, 80, 40));
        again.fill(new Rectangle2D.Double(1, 1, 5, 5));
        assertEquals(first, new String(SvgPage.write(again.getCommands(), 100, 100).orElseThrow(), StandardCharsets.UTF_8));
        assertTrue(first.contains("<clipPath id=\"clip") && first.contains("<path d=\"M0,0 L"), first);
    }

    /** Shapes and states fitlab's charts rarely use: ellipses, rounded rectangles, dashes, joins, alpha, clips, matrices. */
    @Test
    void shapesStrokesClipsAndTransformsAreWrittenAsTheLibraryWritesThem() throws Exception {
        VectorGraphics2D g = new CompactGraphics();
        g.setColor(new Color(10, 20, 30, 128));
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL, 10f, new float[] {4, 2.5f}, 1f));
        g.draw(new Rectangle2D.Double(10, 10, 100.25, 50));
        g.draw(new Line2D.Double(1, 2, 3.33, 4));
        g.fill(new Ellipse2D.Double(5, 6, 7, 8));
        g.fill(new RoundRectangle2D.Double(5, 6, 70, 80, 4, 6));
        g.clip(new Rectangle2D.Double(5, 5, 300, 200));
        g.translate(12.5, 7);
        g.clip(new Rectangle2D.Double(0, 0, 80, 40));
        Path2D.Double p = new Path2D.Double();
        p.moveTo(1, 2);
        p.lineTo(4.04, 3);
        p.quadTo(10, 20, 30, 5);
        p.curveTo(40, 1, 50, 60, 70, 8);
        p.closePath();
        g.setColor(Color.RED);
        g.fill(p);
        java.awt.Graphics2D child = (java.awt.Graphics2D) g.create();
        child.scale(1.5, 0.5);
        child.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4f));
        child.draw(p);
        child.dispose();
        g.setColor(new Color(0, 0, 0, 1));
        g.draw(new Rectangle2D.Double(0, 0, 3, 3));
        assertEquals(new String(ChartFiles.librarySvg(g.getCommands(), 400, 300), StandardCharsets.UTF_8),
                new String(SvgPage.write(g.getCommands(), 400, 300).orElseThrow(), StandardCharsets.UTF_8));
    }
}
