package fitlab.report;

import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import fitlab.UserError;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.knowm.xchart.internal.chartpart.IChart;

/** Saves charts as PNG and SVG side by side (and animations as GIF), each written atomically (temp file, then rename). */
public final class ChartFiles {
    /** Milliseconds each GIF frame shows. */
    public static final int GIF_FRAME_MS = 400;

    private ChartFiles() {}

    /**
     * Writes {@code base.png} and {@code base.svg}; {@code base} is a path without extension. Returns the chart's
     * vector drawing (what the SVG was written from), for its slide ({@link SlideDeck#page(IChart, CommandSequence)}):
     * painting a chart is most of writing either, so it is painted once for both.
     */
    public static CommandSequence save(IChart chart, Path base) {
        try {
            write(sibling(base, ".png"), png(chart));
            CommandSequence vector = vector(chart);
            write(sibling(base, ".svg"), svg(vector, chart.getWidth(), chart.getHeight()));
            return vector;
        } catch (IOException e) {
            throw new UserError("cannot write chart " + base + ": " + e.getMessage());
        }
    }

    /** The chart painted on {@link CompactGraphics}: the commands its SVG and its slide are written from. */
    static CommandSequence vector(IChart chart) {
        CompactGraphics g = new CompactGraphics();
        chart.paint(g, chart.getWidth(), chart.getHeight());
        return g.drawing();
    }

    /**
     * The chart as pixels. Java2D snaps every stroke to whole pixels by default (STROKE_NORMALIZE): a loss curve that
     * falls by a tenth of a pixel per column is drawn as a staircase of flat steps. Pure strokes draw the line where
     * it is, as the SVG and the slides do. Long data lines are stroked as polylines ({@link PolylineGraphics}).
     */
    static BufferedImage image(IChart chart) {
        BufferedImage image = new BufferedImage(chart.getWidth(), chart.getHeight(), BufferedImage.TYPE_INT_RGB);
        java.awt.Graphics2D g = new PolylineGraphics(image.createGraphics());
        g.setRenderingHint(java.awt.RenderingHints.KEY_STROKE_CONTROL, java.awt.RenderingHints.VALUE_STROKE_PURE);
        chart.paint(g, chart.getWidth(), chart.getHeight());
        g.dispose();
        return image;
    }

    /** The chart as PNG ({@link PngEncoder}). */
    static byte[] png(IChart chart) {
        return PngEncoder.encode(image(chart));
    }

    /**
     * The chart as SVG, painted on {@link CompactGraphics} (what XChart's VectorGraphicsEncoder does, shorter), its
     * paths relative; written by {@link SvgPage}, or by the library when the chart has a picture.
     */
    static byte[] svg(IChart chart) throws IOException {
        return svg(vector(chart), chart.getWidth(), chart.getHeight());
    }

    private static byte[] svg(CommandSequence vector, int width, int height) throws IOException {
        java.util.Optional<byte[]> fast = SvgPage.write(vector, width, height);
        return fast.isPresent() ? fast.get() : librarySvg(vector, width, height);
    }

    /** The SVG as VectorGraphics2D writes it, its paths made relative: the same bytes as {@link SvgPage}, slower. */
    static byte[] librarySvg(CommandSequence commands, double width, double height)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new SVGProcessor().getDocument(commands, new PageSize(0, 0, width, height)).writeTo(out);
        return SvgPathData.relative(out.toByteArray());
    }

    /** Writes {@code base.gif}: the frames in order, looping; each painted when its turn comes (two in memory at once). */
    public static void saveGif(List<? extends IChart> frames, Path base) {
        GifWriter.Animation animation = new GifWriter.Animation(GIF_FRAME_MS);
        frames.forEach(frame -> animation.add(image(frame)));
        write(sibling(base, ".gif"), animation.finish());
    }

    static Path sibling(Path base, String extension) {
        return base.resolveSibling(base.getFileName() + extension);
    }

    static void write(Path target, byte[] bytes) {
        fitlab.io.AtomicFiles.write(target, bytes);
    }
}
