package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.util.DataUtils;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.internal.chartpart.IChart;

/** {@link PdfPage} writes the bytes VectorGraphics2D's PDF writer writes, for every slide fitlab draws. */
class PdfPageTest {

    /** Every tenth the fast path formats prints as the library prints it. */
    @Test
    void everyTenthIsFormattedAsTheLibraryFormatsIt() {
        for (long t = -(long) VectorGraphicsRules.FAST_TENTHS + 1; t < VectorGraphicsRules.FAST_TENTHS; t++) {
            double v = t / 10.0;
            String ours = new PdfPage.Out().format(v).toString();
            if (!ours.equals(DataUtils.format(v))) {
                assertEquals(DataUtils.format(v), ours, "tenths " + t);
            }
            String java = VectorGraphicsRules.javaNumber(new StringBuilder(), v).toString();
            if (!java.equals(Double.toString(v))) {
                assertEquals(Double.toString(v), java, "tenths " + t);
            }
        }
    }

    /** Numbers that are not tenths go to the library: thirds, tiny and huge values, -0.0, the page transform. */
    @Test
    void otherNumbersAreFormattedByTheLibrary() {
        Random random = new Random(17);
        List<Double> values = new ArrayList<>(List.of(-0.0, 1.0 / 3, 2.834645669291339, 0.352777777777778, 1e-20, 1e20, 123456.7,
                0.1 + 0.2, 1920 * (25.4 / 72) * (72 / 25.4), Double.MIN_VALUE, -1e7));
        for (int i = 0; i < 200_000; i++) {
            values.add(random.nextGaussian() * Math.pow(10, random.nextInt(12) - 4));
        }
        for (double v : values) {
            assertEquals(DataUtils.format(v), new PdfPage.Out().format(v).toString(), "value " + v);
            assertEquals(Double.toString(v), VectorGraphicsRules.javaNumber(new StringBuilder(), v).toString(), "value " + v);
        }
    }

    /** The slides of three lessons' reports in both languages (lesson 13 has pictures: the library draws those pages). */
    @Test
    void everySlideOfThreeLessonsIsTheLibrarysPageByteForByte() throws Exception {
        int pages = 0, fallbacks = 0;
        for (String lesson : List.of("01-polynomial-degree", "06-state-dict-vs-whole-model", "13-classification-capacity")) {
            LoadedRun run = RunLoader.load(LessonQuickRuns.get(lesson));
            for (String language : List.of("en", "zh")) {
                Messages m = Messages.forLanguage(language, n -> {});
                List<IChart> slides = new ArrayList<>(SlideDeck.opening(run, List.of("a claim, with numbers 0.25 < 0.5"), m));
                slides.addAll(SlideDeck.chartSlides(ReportPlan.charts(run, m)));
                slides.addAll(SlideDeck.diagnosisSlides(List.of("underfit (train 0.31, validation 0.33)"), m));
                slides.add(SlideDeck.reloadSlide(new SlideDeck.ReloadCheck(12, 3, 0.0, List.of()), m));
                for (IChart slide : slides) {
                    VectorGraphics2D g = painted(slide);
                    double w = slide.getWidth() * SlideDeck.MM_PER_POINT, h = slide.getHeight() * SlideDeck.MM_PER_POINT;
                    Optional<byte[]> fast = PdfPage.write(g.getCommands(), w, h);
                    if (fast.isEmpty()) {
                        fallbacks++;
                        continue;
                    }
                    assertSamePage(SlideDeck.libraryPage(g.getCommands(), w, h), fast.get(), lesson + " " + language + " " + slide.getTitle());
                    pages++;
                }
            }
        }
        assertTrue(pages > 40, pages + " pages compared");
        assertTrue(fallbacks > 0, "lesson 13's decision boundaries are pictures, written by the library");
    }

    /**
     * A chart's slide written from the drawing its SVG was written from looks like the slide painted again on a scaled
     * canvas for the library's writer: rendered at one pixel a point, fewer than 0.2 % of the pixels differ by more
     * than a faint shade (the transforms differ in their last digits, a glyph's cubic control points by a twentieth
     * of a point).
     */
    @Test
    void aChartsSlideFromItsSvgDrawingLooksLikeTheSlidePaintedForTheLibrary() throws Exception {
        int compared = 0;
        for (String lesson : List.of("01-polynomial-degree", "11-bias-variance")) {
            LoadedRun run = RunLoader.load(LessonQuickRuns.get(lesson));
            Messages m = Messages.forLanguage("en", n -> {});
            for (IChart chart : SlideDeck.chartSlides(ReportPlan.charts(run, m))) {
                java.awt.image.BufferedImage shared = rendered(SlideDeck.page(chart, ChartFiles.vector(chart)));
                java.awt.image.BufferedImage painted = rendered(SlideDeck.page(chart));
                int differing = 0;
                for (int y = 0; y < painted.getHeight(); y++) {
                    for (int x = 0; x < painted.getWidth(); x++) {
                        int a = shared.getRGB(x, y), b = painted.getRGB(x, y);
                        int d = Math.max(Math.abs((a >> 16 & 0xFF) - (b >> 16 & 0xFF)),
                                Math.max(Math.abs((a >> 8 & 0xFF) - (b >> 8 & 0xFF)), Math.abs((a & 0xFF) - (b & 0xFF))));
                        differing += d > 15 ? 1 : 0;
                    }
                }
                int pixels = painted.getWidth() * painted.getHeight();
                assertTrue(differing < pixels / 500, lesson + " " + chart.getTitle() + ": " + differing + " of " + pixels + " pixels differ");
                compared++;
            }
        }
        assertTrue(compared >= 6, compared + " slides compared");
    }

    private static java.awt.image.BufferedImage rendered(byte[] pdf) throws java.io.IOException {
        try (org.apache.pdfbox.pdmodel.PDDocument doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            return new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImage(0, 1f);
        }
    }

    /** What fitlab's charts do not use but the writer handles: dashes, joins, caps, clips under transforms, alpha, fonts. */
    @Test
    void strokesClipsTransformsAndTransparencyAreWrittenAsTheLibraryWritesThem() throws Exception {
        VectorGraphics2D g = new CompactGraphics(true);
        g.scale(SlideDeck.MM_PER_POINT, SlideDeck.MM_PER_POINT);
        g.setColor(new Color(10, 20, 30, 128));
        g.setStroke(new BasicStroke(2.5f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_BEVEL, 10f, new float[] {4, 2.5f}, 1f));
        g.draw(new Rectangle2D.Double(10, 10, 100.25, 50));
        g.clip(new Rectangle2D.Double(5, 5, 300, 200));
        g.rotate(0.3);
        g.clip(new Ellipse2D.Double(0, 0, 80, 40));
        g.setFont(new Font(Font.SERIF, Font.BOLD, 30));
        g.setColor(new Color(200, 100, 50, 64));
        Path2D.Double p = new Path2D.Double();
        p.moveTo(1, 2);
        p.quadTo(10, 20, 30, 5);
        p.curveTo(40, 1, 50, 60, 70, 8);
        p.closePath();
        g.fill(p);
        java.awt.Graphics2D child = (java.awt.Graphics2D) g.create();
        child.translate(100, 50);
        child.setStroke(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 4f));
        child.draw(p);
        child.dispose();
        g.setColor(Color.BLACK);
        g.fill(new Rectangle2D.Double(0, 0, 3, 3));
        double w = 400 * SlideDeck.MM_PER_POINT, h = 300 * SlideDeck.MM_PER_POINT;
        assertSamePage(SlideDeck.libraryPage(g.getCommands(), w, h), PdfPage.write(g.getCommands(), w, h).orElseThrow(), "shapes");
    }

    /**
     * The library's page and fitlab's are the same bytes but for the content stream's compression (fitlab deflates
     * at {@link PdfPage#DEFLATE_LEVEL}): compared with every stream inflated and its length left out.
     */
    private static void assertSamePage(byte[] library, byte[] ours, String what) {
        assertEquals(inflated(library), inflated(ours), what);
    }

    /** The PDF as text, each FlateDecode stream replaced by its inflated bytes, its /Length and the byte offsets by "?". */
    private static String inflated(byte[] pdf) {
        String text = new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("/Length (\\d+)\n/Filter /FlateDecode\n>>\nstream\n").matcher(text);
        StringBuilder out = new StringBuilder();
        int at = 0, streams = 0;
        while (m.find(at)) {
            int length = Integer.parseInt(m.group(1));
            out.append(text, at, m.start()).append("/Length ?\n/Filter /FlateDecode\n>>\nstream\n");
            java.util.zip.Inflater inflater = new java.util.zip.Inflater();
            inflater.setInput(pdf, m.end(), length);
            java.io.ByteArrayOutputStream plain = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[1 << 16];
            try {
                while (!inflater.finished()) {
                    int n = inflater.inflate(buffer);
                    if (n == 0 && inflater.needsInput()) {
                        throw new AssertionError("a stream ends early at byte " + m.end());
                    }
                    plain.write(buffer, 0, n);
                }
            } catch (java.util.zip.DataFormatException e) {
                throw new AssertionError("a stream at byte " + m.end() + " does not inflate: " + e.getMessage());
            } finally {
                inflater.end();
            }
            out.append(plain.toString(java.nio.charset.StandardCharsets.ISO_8859_1));
            at = m.end() + length;
            streams++;
        }
        assertTrue(streams > 0, "a page has a content stream");
        // the cross-reference table's byte offsets follow from the streams' lengths
        return out.append(text.substring(at)).toString().replaceAll("\\d{10} 00000 n", "? 00000 n").replaceAll("startxref\n\\d+", "startxref\n?");
    }

    private static VectorGraphics2D painted(IChart slide) {
        VectorGraphics2D g = new CompactGraphics(true);
        g.scale(SlideDeck.MM_PER_POINT, SlideDeck.MM_PER_POINT);
        slide.paint(g, slide.getWidth(), slide.getHeight());
        return g;
    }
}
