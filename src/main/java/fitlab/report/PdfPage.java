package fitlab.report;

import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import org.knowm.xchart.internal.chartpart.IChart;
import de.erichseifert.vectorgraphics2d.intermediate.commands.AffineTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Group;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetClipCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetFontCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.StateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.filters.AbsoluteToRelativeTransformsFilter;
import de.erichseifert.vectorgraphics2d.intermediate.filters.FillPaintedShapeAsImageFilter;
import de.erichseifert.vectorgraphics2d.intermediate.filters.StateChangeGroupingFilter;
import de.erichseifert.vectorgraphics2d.util.DataUtils;
import de.erichseifert.vectorgraphics2d.util.GraphicsUtils;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Shape;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.DeflaterOutputStream;

/**
 * A slide as a one-page PDF with exactly the bytes VectorGraphics2D's PDF writer gives it, in a fraction of the time.
 * The library formats every coordinate with one {@link java.text.DecimalFormat} shared by all threads (a lock and
 * about a microsecond per number: most of a slide deck's time). {@link CompactGraphics} has rounded every
 * coordinate to tenths, and a tenth is written here from its integer; any other number goes through the library's
 * own formatting, so the text is the same. The page's structure (objects, resources, cross-reference table) is
 * the library's too; {@code PdfPageTest} compares both writers' bytes.
 *
 * <p>A chart's slide is written from the drawing its SVG was written from ({@link SlideDeck#page(IChart, CommandSequence)}),
 * whose glyphs keep their quadratic segments: PDF has none, and each is written as the same curve in cubic form,
 * rounded to tenths as {@link CompactGraphics} rounds (the library would write thirds). A slide painted for the
 * library's writer has no quadratic segment left, so its bytes are the library's.
 *
 * <p>Slides that use what this writer leaves out (images, text as text, non-solid paints, other strokes than
 * {@link BasicStroke}, CMYK colours) return empty, and the caller uses the library.
 */
final class PdfPage {
    private static final double MM_IN_UNITS = 72.0 / 25.4;
    /** VectorGraphics2D's defaults ({@code GraphicsState}): what a group's state is compared with. */
    private static final Color DEFAULT_COLOR = Color.WHITE;
    private static final Font DEFAULT_FONT = Font.decode(null);
    private static final BasicStroke DEFAULT_STROKE = new BasicStroke();
    /** zlib's level for the content stream ({@link #deflated}). */
    static final int DEFLATE_LEVEL = 3;

    private final Out content = new Out();
    private final Deque<State> states = new ArrayDeque<>();
    private final Map<Font, String> fontIds = new HashMap<>();
    private final Map<String, String> fontNames = new HashMap<>(); // the library keeps these in a HashMap: its order
    private final Map<Double, String> alphaIds = new LinkedHashMap<>();
    private boolean transformed;

    private PdfPage() {
        states.push(new State());
    }

    /** The page's bytes, or empty when the slide uses something this writer does not write. */
    static Optional<byte[]> write(CommandSequence commands, double widthMm, double heightMm) {
        return write(commands, widthMm, heightMm, new AffineTransform());
    }

    /**
     * As above, for commands painted in other units than the page's millimetres: {@code toPage} maps them there, as
     * a scale applied to the canvas before painting would.
     */
    static Optional<byte[]> write(CommandSequence commands, double widthMm, double heightMm, AffineTransform toPage) {
        PdfPage page = new PdfPage();
        page.states.peek().transform.setTransform(toPage);
        CommandSequence filtered = new StateChangeGroupingFilter(new FillPaintedShapeAsImageFilter(
                new AbsoluteToRelativeTransformsFilter(commands)));
        page.begin(heightMm);
        if (!toPage.isIdentity()) {
            // what comes before the drawing's first change of state is drawn in page units too
            page.groupState(true);
            page.content.text("\n");
            page.transformed = true;
        }
        for (Command<?> c : filtered) {
            if (!page.command(c)) {
                return Optional.empty();
            }
            page.content.text("\n");
        }
        page.content.text(page.transformed ? "Q\nQ" : "Q");
        return Optional.of(page.document(widthMm, heightMm));
    }

    private void begin(double heightMm) {
        content.text("q\n");
        colour(DEFAULT_COLOR);
        content.text("\n");
        content.format(MM_IN_UNITS).text(" 0 0 ").format(-MM_IN_UNITS).text(" 0 ").format(heightMm * MM_IN_UNITS).text(" cm\n");
        content.text("/").text(fontId(DEFAULT_FONT)).text(" ").format(DEFAULT_FONT.getSize2D()).text(" Tf\n");
    }

    /** False for a command this writer leaves to the library. */
    private boolean command(Command<?> command) {
        if (command instanceof Group g) {
            if (!apply(g.getValue())) {
                return false;
            }
            groupState(!transformed);
            transformed = true;
            return true;
        }
        if (command instanceof DrawShapeCommand d) {
            path(d.getValue());
            content.text("/ S"); // the library writes its operators as names: "/ S", "/ f"
            return true;
        }
        if (command instanceof FillShapeCommand f) {
            path(f.getValue());
            content.text("/ f");
            return true;
        }
        // an image or a text drawn as text: the library's writer does these
        return !(command instanceof de.erichseifert.vectorgraphics2d.intermediate.commands.DrawImageCommand
                || command instanceof de.erichseifert.vectorgraphics2d.intermediate.commands.DrawStringCommand);
    }

    private boolean apply(List<Command<?>> group) {
        for (Command<?> c : group) {
            State s = states.peek();
            if (c instanceof SetColorCommand col) {
                if (col.getValue().getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
                    return false;
                }
                s.colour = col.getValue();
            } else if (c instanceof SetStrokeCommand st) {
                if (!(st.getValue() instanceof BasicStroke b)) {
                    return false;
                }
                s.stroke = b;
            } else if (c instanceof SetFontCommand f) {
                s.font = f.getValue();
            } else if (c instanceof SetTransformCommand) {
                return false; // made relative by the filter; the library refuses it too
            } else if (c instanceof AffineTransformCommand t) {
                s.transform.concatenate(t.getValue());
            } else if (c instanceof SetClipCommand clip) {
                s.clip = VectorGraphicsRules.clipKept(clip.getValue(), s.transform);
            } else if (c instanceof CreateCommand) {
                states.push(s.copy());
            } else if (c instanceof DisposeCommand) {
                states.pop();
            } else if (!(c instanceof StateCommand)) {
                return false;
            }
            // hints, background, paint, composite and XOR mode: the library's PDF writer writes none of them
        }
        return true;
    }

    private void groupState(boolean first) {
        State s = states.peek();
        if (!first) {
            content.text("Q\n");
        }
        content.text("q\n");
        if (!s.colour.equals(DEFAULT_COLOR)) {
            if (s.colour.getAlpha() != DEFAULT_COLOR.getAlpha()) {
                content.text("/").text(alphaId(s.colour.getAlpha() / 255.0)).text(" gs\n");
            }
            colour(s.colour);
            content.text("\n");
        }
        if (!s.transform.isIdentity()) {
            double[] m = new double[6];
            s.transform.getMatrix(m);
            for (int i = 0; i < 6; i++) {
                if (i > 0) {
                    content.text(" ");
                }
                content.format(m[i]);
            }
            content.text(" cm\n");
        }
        if (!s.stroke.equals(DEFAULT_STROKE)) {
            stroke(s.stroke);
            content.text("\n");
        }
        if (s.clip != null) {
            path(VectorGraphicsRules.clipWritten(s.clip, s.transform));
            content.text(" W n\n");
        }
        if (!s.font.equals(DEFAULT_FONT)) {
            content.text("/").text(fontId(s.font)).text(" ").format(s.font.getSize2D()).text(" Tf\n");
        }
    }

    private void stroke(BasicStroke s) {
        if (s.getLineWidth() != DEFAULT_STROKE.getLineWidth()) {
            content.format(s.getLineWidth()).text(" w\n");
        }
        if (s.getLineJoin() == BasicStroke.JOIN_MITER && s.getMiterLimit() != DEFAULT_STROKE.getMiterLimit()) {
            content.format(s.getMiterLimit()).text(" M\n");
        }
        if (s.getLineJoin() != DEFAULT_STROKE.getLineJoin()) {
            content.number(switch (s.getLineJoin()) {
                case BasicStroke.JOIN_ROUND -> 1;
                case BasicStroke.JOIN_BEVEL -> 2;
                default -> 0;
            }).text(" j\n");
        }
        if (s.getEndCap() != DEFAULT_STROKE.getEndCap()) {
            content.number(switch (s.getEndCap()) {
                case BasicStroke.CAP_ROUND -> 1;
                case BasicStroke.CAP_SQUARE -> 2;
                default -> 0;
            }).text(" J\n");
        }
        float[] dash = s.getDashArray();
        if (dash != null) {
            content.text("[");
            for (int i = 0; i < dash.length; i++) {
                if (i > 0) {
                    content.text(" ");
                }
                content.format(dash[i]);
            }
            content.text("] ").format(s.getDashPhase()).text(" d\n");
        }
    }

    private void colour(Color c) {
        Out rgb = new Out().format(c.getRed() / 255.0).text(" ").format(c.getGreen() / 255.0).text(" ").format(c.getBlue() / 255.0);
        String t = rgb.toString();
        content.text(t).text(" rg ").text(t).text(" RG");
    }

    private void path(Shape s) {
        PathIterator it = s.getPathIterator(null);
        double[] c = new double[6];
        double px = 0, py = 0;
        for (int i = 0; !it.isDone(); i++, it.next()) {
            if (i > 0) {
                content.text(" ");
            }
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> {
                    content.coordinates(c, 2).text(" m");
                    px = c[0];
                    py = c[1];
                }
                case PathIterator.SEG_LINETO -> {
                    content.coordinates(c, 2).text(" l");
                    px = c[0];
                    py = c[1];
                }
                case PathIterator.SEG_CUBICTO -> {
                    content.coordinates(c, 6).text(" c");
                    px = c[4];
                    py = c[5];
                }
                case PathIterator.SEG_QUADTO -> {
                    // PDF has no quadratic segment: the same curve as a cubic, its control points rounded to tenths
                    // as CompactGraphics rounds them (the library would write thirds: 197.33333333333334)
                    double[] cubic = {CompactGraphics.round(px + 2.0 / 3.0 * (c[0] - px)), CompactGraphics.round(py + 2.0 / 3.0 * (c[1] - py)),
                        CompactGraphics.round(c[2] + 2.0 / 3.0 * (c[0] - c[2])), CompactGraphics.round(c[3] + 2.0 / 3.0 * (c[1] - c[3])),
                        c[2], c[3]};
                    content.coordinates(cubic, 6).text(" c");
                    px = c[2];
                    py = c[3];
                }
                case PathIterator.SEG_CLOSE -> content.text("h");
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
    }

    private String fontId(Font font) {
        Font physical = PhysicalFonts.of(font);
        String id = fontIds.computeIfAbsent(physical, f -> "Fnt" + fontIds.size());
        fontNames.put(id, physical.getPSName());
        return id;
    }

    private String alphaId(double alpha) {
        return alphaIds.computeIfAbsent(alpha, a -> "Trp" + alphaIds.size());
    }

    /** The objects as the library writes them: catalog, page tree, page, contents, resources; then the table. */
    private byte[] document(double widthMm, double heightMm) {
        byte[] stream = deflated(content.bytes());
        List<byte[]> objects = new ArrayList<>();
        objects.add(ascii("1 0 obj\n<<\n/Type /Catalog\n/Pages 2 0 R\n>>\nendobj"));
        objects.add(ascii("2 0 obj\n<<\n/Type /Pages\n/Kids [3 0 R]\n/Count 1\n>>\nendobj"));
        objects.add(ascii(new Out().text("3 0 obj\n<<\n/Type /Page\n/Parent 2 0 R\n/MediaBox [").format(0.0).text(" ").format(0.0)
                .text(" ").format(widthMm * MM_IN_UNITS).text(" ").format(heightMm * MM_IN_UNITS)
                .text("]\n/Contents 4 0 R\n/Resources 5 0 R\n>>\nendobj").toString()));
        ByteArrayOutputStream contents = new ByteArrayOutputStream();
        contents.writeBytes(ascii("4 0 obj\n<<\n/Length " + stream.length + "\n/Filter /FlateDecode\n>>\nstream\n"));
        contents.writeBytes(stream);
        contents.writeBytes(ascii("\nendstream\nendobj"));
        objects.add(contents.toByteArray());
        Out resources = new Out().text("5 0 obj\n<<\n/ProcSet [/PDF /Text /ImageB /ImageC /ImageI]\n");
        if (!fontNames.isEmpty()) {
            resources.text("/Font <<\n");
            fontNames.forEach((id, name) -> resources.text("/").text(id).text(" <<\n/Type /Font\n/Subtype /TrueType\n/Encoding /WinAnsiEncoding\n/BaseFont /")
                    .text(name).text("\n>>\n"));
            resources.text(">>\n");
        }
        if (!alphaIds.isEmpty()) {
            resources.text("/ExtGState <<\n");
            alphaIds.forEach((alpha, id) -> resources.text("/").text(id).text(" <<\n/Type /ExtGState\n/ca ").format(alpha).text("\n/CA ")
                    .format(alpha).text("\n>>\n"));
            resources.text(">>\n");
        }
        resources.text(">>\nendobj");
        objects.add(resources.bytes());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ascii("%PDF-1.4\n"));
        List<Integer> offsets = new ArrayList<>();
        for (byte[] o : objects) {
            offsets.add(out.size());
            out.writeBytes(o);
            out.writeBytes(ascii("\n"));
        }
        int xref = out.size();
        StringBuilder table = new StringBuilder("xref\n0 ").append(objects.size() + 1).append("\n");
        table.append(String.format(java.util.Locale.ROOT, "%010d %05d f \n", 0, 65535));
        offsets.forEach(o -> table.append(String.format(java.util.Locale.ROOT, "%010d %05d n \n", o, 0)));
        table.append("trailer\n<<\n/Size ").append(objects.size() + 1).append("\n/Root 1 0 R\n>>\nstartxref\n").append(xref).append("\n%%EOF\n");
        out.writeBytes(ascii(table.toString()));
        return out.toByteArray();
    }

    /**
     * The content stream deflated at zlib's level 3, where the library deflates at the default level 6: lesson 01's
     * 28 pages (5.7 MB of drawing commands) took 297 ms at level 6 and 88 ms at 3, for 1.57 against 1.72 MB. The
     * only difference from the library's page: the same commands inflate from both ({@code PdfPageTest}).
     */
    private static byte[] deflated(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        java.util.zip.Deflater level = new java.util.zip.Deflater(DEFLATE_LEVEL);
        try (DeflaterOutputStream deflater = new DeflaterOutputStream(out, level)) {
            deflater.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            level.end();
        }
        return out.toByteArray();
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** A group's drawing state, as the library tracks it for its PDF output. */
    private static final class State {
        Color colour = DEFAULT_COLOR;
        BasicStroke stroke = DEFAULT_STROKE;
        Font font = DEFAULT_FONT;
        AffineTransform transform = new AffineTransform();
        Shape clip;

        State copy() {
            State s = new State();
            s.colour = colour;
            s.stroke = stroke;
            s.font = font;
            s.transform = new AffineTransform(transform);
            s.clip = clip == null ? null : GraphicsUtils.clone(clip);
            return s;
        }
    }

    /** The text of the page, with numbers formatted as the library formats them. */
    static final class Out {
        private final StringBuilder text = new StringBuilder(1 << 12);

        Out text(String s) {
            text.append(s);
            return this;
        }

        Out number(int n) {
            text.append(n);
            return this;
        }

        Out coordinates(double[] c, int n) {
            for (int i = 0; i < n; i++) {
                if (i > 0) {
                    text.append(' ');
                }
                format(c[i]);
            }
            return this;
        }

        /** As {@code DataUtils.format(Double)} ({@link VectorGraphicsRules#number}). */
        Out format(double v) {
            VectorGraphicsRules.number(text, v);
            return this;
        }

        /** As {@code DataUtils.format(Float)}: the library's own (strokes and font sizes, a few per page). */
        Out format(float v) {
            text.append(DataUtils.format(v));
            return this;
        }

        byte[] bytes() {
            return ascii(text.toString());
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
