package fitlab.report;

import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import fitlab.experiment.VerifyService;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * {@code report/slides.pdf}: the run as 16:9 vector slides in the report's language: the question (and, when given,
 * what this run shows), the main figure, the other charts, the diagnosis in words and the reload check. Each slide is
 * painted on VectorGraphics2D and written as one page ({@link PdfPage}; on the report's threads, {@link ReportWork}); PDFBox
 * joins the pages.
 */
public final class SlideDeck {
    public static final String FILE = "slides.pdf";
    /** Reload-check failures listed by name on the slide; the rest are counted. */
    static final int LISTED_PROBLEMS = 8;

    static final double MM_PER_POINT = 25.4 / 72;

    private SlideDeck() {}

    /** What reloading every checkpoint of the run gave. */
    public record ReloadCheck(int checkpoints, int cells, double largestDifference, List<String> problems) {
        public ReloadCheck {
            problems = List.copyOf(problems);
        }

        /** Reloads every checkpoint of the run folder and compares its losses with metrics.csv. */
        static ReloadCheck of(Path runDir) {
            List<VerifyService.Check> checks = VerifyService.verify(runDir, Optional.empty(), "all");
            double largest = 0;
            List<String> problems = new ArrayList<>();
            for (VerifyService.Check c : checks) {
                if (c.ok()) {
                    largest = Math.max(largest, c.maxDifference());
                } else {
                    problems.add(c.cell() + " epoch " + c.epoch() + ": " + c.problem());
                }
            }
            return new ReloadCheck(checks.size(), (int) checks.stream().map(VerifyService.Check::cell).distinct().count(), largest, problems);
        }
    }

    /**
     * The slides in order. {@code shows}: sentences saying what this run shows (a lesson's claims), empty when it has
     * none; they go on the slides after the title slide.
     */
    static List<IChart> slides(LoadedRun run, List<RenderedChart> charts, List<String> diagnosis, List<String> shows, ReloadCheck reload,
                               Messages m) {
        List<IChart> out = new ArrayList<>(opening(run, shows, m));
        out.addAll(chartSlides(charts));
        out.addAll(diagnosisSlides(diagnosis, m));
        out.add(reloadSlide(reload, m));
        return out;
    }

    /** The title slide, then the claims on slides of their own: one line each, with the numbers behind them. */
    static List<IChart> opening(LoadedRun run, List<String> shows, Messages m) {
        List<IChart> out = new ArrayList<>();
        out.add(new TextSlide(m.get("html.title", run.base().name()), List.of(run.base().question().in(m.language())), m.fontFamily()));
        out.addAll(shows.isEmpty() ? List.of() : TextSlide.paginate(m.get("slides.shows"), shows, m.fontFamily()));
        return out;
    }

    /** The sections whose charts get a slide, in the deck's order: the main figures, the decision boundaries, the cells. */
    static final List<String> SLIDE_SECTIONS = List.of("main", "boundaries", "cells");

    /** The charts that get a slide, in the deck's order ({@link #SLIDE_SECTIONS}). */
    static List<IChart> chartSlides(List<RenderedChart> charts) {
        List<IChart> out = new ArrayList<>();
        for (String section : SLIDE_SECTIONS) {
            charts.stream().filter(c -> c.section().equals(section)).forEach(c -> out.add(c.chart()));
        }
        return out;
    }

    static List<IChart> diagnosisSlides(List<String> diagnosis, Messages m) {
        return new ArrayList<>(TextSlide.paginate(m.get("html.diagnosis"), diagnosis, m.fontFamily()));
    }

    static IChart reloadSlide(ReloadCheck reload, Messages m) {
        return new TextSlide(m.get("slides.reload.title"), reloadText(reload, m), m.fontFamily());
    }

    static List<String> reloadText(ReloadCheck r, Messages m) {
        if (r.problems().isEmpty()) {
            return List.of(m.get("slides.reload.ok", r.checkpoints(), r.cells(), HumanNumber.format(r.largestDifference())));
        }
        List<String> out = new ArrayList<>();
        out.add(m.get("slides.reload.failed", r.problems().size(), r.checkpoints()));
        out.addAll(r.problems().subList(0, Math.min(LISTED_PROBLEMS, r.problems().size())));
        if (r.problems().size() > LISTED_PROBLEMS) {
            out.add(m.get("slides.more", r.problems().size() - LISTED_PROBLEMS));
        }
        return out;
    }

    /**
     * The deck as one PDF: the pages ({@link #page}, one per slide, in order) joined. Its file identifier (the
     * trailer's {@code /ID}) is the MD5 of the pages, where PDFBox would hash the clock: the same run gives the same
     * bytes at every drawing, as every other file of the report does.
     */
    static byte[] merge(List<byte[]> pages) {
        List<PDDocument> sources = new ArrayList<>();
        try (PDDocument deck = new PDDocument(IOUtils.createMemoryOnlyStreamCache())) {
            PDFMergerUtility merger = new PDFMergerUtility();
            java.security.MessageDigest md5 = java.security.MessageDigest.getInstance("MD5");
            for (byte[] page : pages) {
                PDDocument source = Loader.loadPDF(page); // kept open until the deck is saved: it refers to its objects
                sources.add(source);
                merger.appendDocument(deck, source);
                md5.update(page);
            }
            COSString id = new COSString(md5.digest());
            COSArray ids = new COSArray();
            ids.add(id);
            ids.add(id);
            deck.getDocument().getTrailer().setItem(COSName.ID, ids);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            deck.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        } finally {
            for (PDDocument source : sources) {
                try {
                    source.close();
                } catch (IOException e) {
                    // an in-memory document: closing frees memory only
                }
            }
        }
    }

    /**
     * A chart's slide from the vector drawing its SVG was written from ({@link ChartFiles#save}): the page maps one
     * pixel of the chart to one point, as {@link #page(IChart)} does by painting the chart again on a scaled canvas
     * (its transforms then differ in the last digits, which no reader can see). A chart with a picture is painted
     * again for the library's writer.
     */
    static byte[] page(IChart chart, de.erichseifert.vectorgraphics2d.intermediate.CommandSequence vector) throws IOException {
        double width = chart.getWidth() * MM_PER_POINT, height = chart.getHeight() * MM_PER_POINT;
        Optional<byte[]> fast = PdfPage.write(vector, width, height, java.awt.geom.AffineTransform.getScaleInstance(MM_PER_POINT, MM_PER_POINT));
        return fast.isPresent() ? fast.get() : page(chart);
    }

    /** One slide as a one-page PDF, a vector page of 1920 × 1080 points (16:9); its bytes depend on the slide alone. */
    static byte[] page(IChart slide) throws IOException {
        CompactGraphics g = new CompactGraphics(true);
        // VectorGraphics2D measures the page in millimetres and maps drawing units to millimetres too: scaled so
        // that one pixel of the slide is one point of the page
        g.scale(MM_PER_POINT, MM_PER_POINT);
        slide.paint(g, slide.getWidth(), slide.getHeight());
        double width = slide.getWidth() * MM_PER_POINT, height = slide.getHeight() * MM_PER_POINT;
        var drawing = g.drawing();
        Optional<byte[]> fast = PdfPage.write(drawing, width, height);
        return fast.isPresent() ? fast.get() : libraryPage(drawing, width, height);
    }

    /** The page as VectorGraphics2D's PDF writer writes it: the same bytes as {@link PdfPage}, slower. */
    static byte[] libraryPage(de.erichseifert.vectorgraphics2d.intermediate.CommandSequence commands, double widthMm, double heightMm)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PDFProcessor(true).getDocument(commands, new PageSize(0, 0, widthMm, heightMm)).writeTo(out);
        return out.toByteArray();
    }
}
