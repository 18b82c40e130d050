package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.runfolder.RunFolder;
import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;

/** report/slides.pdf: one 16:9 page per slide, and every page renders (with poppler's pdftoppm, as a viewer would). */
class SlideDeckTest {

    /**
     * A Chinese text slide's PDF page shows the Chinese letters, as the same slide painted on screen does: the page's
     * text is drawn as glyph outlines of the logical font, whose Chinese comes from its CJK member (the physical font
     * the PDF writer resolves it to has none, and drew boxes).
     */
    @Test
    void aChineseTextSlideShowsItsLettersInThePdf() throws Exception {
        Messages m = Messages.forLanguage("zh", n -> {});
        if (!m.language().equals("zh")) {
            fitlab.testsupport.MissingTool.skipLocallyFailInCi("no CJK font (apt-get install fonts-noto-cjk)", "the Chinese slide check");
        }
        TextSlide slide = new TextSlide("诊断：欠拟合与过拟合", List.of("训练损失低于噪声下限，验证损失却上升：模型学到了噪声。", "重新加载检查"), m.fontFamily());
        BufferedImage screen = new BufferedImage(slide.getWidth(), slide.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = screen.createGraphics();
        slide.paint(g, slide.getWidth(), slide.getHeight());
        g.dispose();
        BufferedImage page;
        try (PDDocument doc = Loader.loadPDF(SlideDeck.page(slide))) {
            page = new org.apache.pdfbox.rendering.PDFRenderer(doc).renderImage(0, 1f);
        }
        int dark = 0, differing = 0;
        for (int y = 0; y < screen.getHeight(); y++) {
            for (int x = 0; x < screen.getWidth(); x++) {
                boolean a = (screen.getRGB(x, y) & 0xFF) < 100, b = (page.getRGB(x, y) & 0xFF) < 100;
                dark += a ? 1 : 0;
                differing += a != b ? 1 : 0;
            }
        }
        assertTrue(dark > 5000, "the slide has text: " + dark);
        assertTrue(differing < dark / 5, differing + " of " + dark + " text pixels differ between screen and PDF");
    }

    @Test
    void theDeckHasEverySlideAsA16To9PageAndEveryPageRenders() throws Exception {
        RunFolder run = LessonQuickRuns.get("03-epochs-and-early-stopping");
        Report report = ReportService.render(run, Optional.of("zh"), n -> {});
        Path pdf = run.reportDir().resolve(SlideDeck.FILE);
        LoadedRun loaded = RunLoader.load(run);
        SlideDeck.ReloadCheck reload = SlideDeck.ReloadCheck.of(run.root());
        assertTrue(reload.problems().isEmpty(), "every checkpoint reproduces its losses: " + reload.problems());
        assertTrue(reload.checkpoints() > loaded.cells().size(), "checked " + reload.checkpoints());
        Messages m = Messages.forLanguage(report.language(), n -> {});
        int slides = SlideDeck.slides(loaded, report.charts(), report.diagnosis(), List.of(), reload, m).size();
        assertEquals(1 + report.charts().size() + 2, slides, "question, every chart, diagnosis, reload check");
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(slides, doc.getNumberOfPages());
            for (int i = 0; i < doc.getNumberOfPages(); i++) {
                PDRectangle box = doc.getPage(i).getMediaBox();
                assertEquals(1920, box.getWidth(), 1, "page " + i);
                assertEquals(1080, box.getHeight(), 1, "page " + i);
            }
        }
        Path out = Files.createTempDirectory(SmallRuns.root(), "pages");
        Process p;
        try {
            p = new ProcessBuilder("pdftoppm", "-png", "-r", "20", pdf.toString(), out.resolve("page").toString())
                    .redirectErrorStream(true).start();
        } catch (IOException e) {
            String how = "pdftoppm not found (apt-get install poppler-utils)";
            fitlab.testsupport.MissingTool.skipLocallyFailInCi(how, "the slide rendering test");
            return;
        }
        String log = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), log);
        assertTrue(log.isBlank(), "pdftoppm complained: " + log);
        File[] pages = out.toFile().listFiles((d, n) -> n.endsWith(".png"));
        assertEquals(slides, pages.length);
        for (File f : pages) {
            BufferedImage img = ImageIO.read(f);
            assertEquals(16.0 / 9, img.getWidth() / (double) img.getHeight(), 0.02, f.getName());
            // a page that rendered shows ink: some pixels are not white (the page is not empty or broken)
            long ink = 0;
            for (int x = 0; x < img.getWidth(); x++) {
                for (int y = 0; y < img.getHeight(); y++) {
                    if ((img.getRGB(x, y) & 0xFFFFFF) != 0xFFFFFF) {
                        ink++;
                    }
                }
            }
            assertTrue(ink > 200, f.getName() + " has " + ink + " inked pixels");
        }
    }
}
