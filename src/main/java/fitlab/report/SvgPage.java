package fitlab.report;

import de.erichseifert.vectorgraphics2d.intermediate.CommandSequence;
import de.erichseifert.vectorgraphics2d.intermediate.commands.AffineTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Command;
import de.erichseifert.vectorgraphics2d.intermediate.commands.CreateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DisposeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawImageCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.DrawShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.FillShapeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.Group;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetClipCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetColorCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetStrokeCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.SetTransformCommand;
import de.erichseifert.vectorgraphics2d.intermediate.commands.StateCommand;
import de.erichseifert.vectorgraphics2d.intermediate.filters.FillPaintedShapeAsImageFilter;
import de.erichseifert.vectorgraphics2d.intermediate.filters.StateChangeGroupingFilter;
import de.erichseifert.vectorgraphics2d.util.DataUtils;
import de.erichseifert.vectorgraphics2d.util.GraphicsUtils;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.Stroke;
import java.awt.color.ColorSpace;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A chart as SVG with exactly the bytes of VectorGraphics2D's SVG writer followed by {@link SvgPathData#relative},
 * without either's cost: the library builds a DOM, prints it through the JDK's XSLT serializer and formats every
 * coordinate with one {@code DecimalFormat} shared by all threads ({@link VectorGraphicsRules#number}); the path
 * data was then parsed again to make it relative. Here each element is printed once, as that serializer prints it
 * (attributes in name order, two spaces of indent a level, empty elements closed with {@code />}). {@code
 * SvgPageTest} compares both ways' bytes.
 *
 * <p>Charts that use what this writer leaves out (text as text, CMYK colours) return empty, and the caller uses the
 * library.
 */
final class SvgPage {
    private static final AffineTransform IDENTITY = new AffineTransform();
    private static final Color DEFAULT_COLOR = Color.WHITE;
    private static final Stroke DEFAULT_STROKE = new BasicStroke();

    private final List<Object> rootChildren = new ArrayList<>(); // printed elements and groups, in order
    private final List<String> clipPaths = new ArrayList<>();
    private final Map<Integer, String> clipIds = new HashMap<>();
    private final Deque<State> states = new ArrayDeque<>();
    private ElementGroup group; // null: the root

    private SvgPage() {
        states.push(new State());
    }

    /** The chart's SVG bytes, or empty when it uses something this writer does not write. */
    static Optional<byte[]> write(CommandSequence commands, double width, double height) {
        SvgPage page = new SvgPage();
        for (Command<?> c : new StateChangeGroupingFilter(new FillPaintedShapeAsImageFilter(commands))) {
            if (!page.command(c)) {
                return Optional.empty();
            }
        }
        return Optional.of(page.document(width, height));
    }

    private boolean command(Command<?> command) {
        if (command instanceof Group g) {
            boolean regroup = false;
            for (Command<?> c : g.getValue()) {
                if (!apply(c)) {
                    return false;
                }
                regroup |= c instanceof SetClipCommand || c instanceof SetTransformCommand || c instanceof AffineTransformCommand;
            }
            if (regroup) {
                newGroup();
            }
            return true;
        }
        if (command instanceof DrawShapeCommand d) {
            add(element(d.getValue(), style(false)));
            return true;
        }
        if (command instanceof FillShapeCommand f) {
            add(element(f.getValue(), style(true)));
            return true;
        }
        if (command instanceof DrawImageCommand d) {
            add(image(d));
            return true;
        }
        // a text drawn as text: the library's writer does it
        return !(command instanceof de.erichseifert.vectorgraphics2d.intermediate.commands.DrawStringCommand);
    }

    /**
     * A picture (a decision boundary's shaded regions) as the library embeds it: the PNG that ImageIO writes, in
     * base64, or the JPEG when the painter asked for the smallest file and it is smaller.
     */
    private String image(DrawImageCommand d) {
        java.awt.image.BufferedImage picture = GraphicsUtils.toBufferedImage(d.getValue());
        String encoded = encoded(picture, "png");
        if (!GraphicsUtils.usesAlpha(picture) && states.peek().exportForSize) {
            String lossy = encoded(picture, "jpeg");
            if (!lossy.isEmpty() && lossy.length() < encoded.length()) {
                encoded = lossy;
            }
        }
        StringBuilder e = new StringBuilder(encoded.length() + 128).append("<image");
        number(e, "height", d.getHeight());
        attribute(e, "preserveAspectRatio", "none");
        number(e, "width", d.getWidth());
        number(e, "x", d.getX());
        attribute(e, "xlink:href", encoded);
        number(e, "y", d.getY());
        return e.append("/>").toString();
    }

    private static String encoded(java.awt.image.BufferedImage picture, String format) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (var base64 = new de.erichseifert.vectorgraphics2d.util.Base64EncodeStream(bytes)) {
            javax.imageio.ImageIO.write(picture, format, base64);
        } catch (java.io.IOException e) {
            return "";
        }
        return "data:image/" + format + ";base64," + bytes.toString(StandardCharsets.ISO_8859_1);
    }

    private boolean apply(Command<?> c) {
        State s = states.peek();
        if (c instanceof SetColorCommand col) {
            if (col.getValue().getColorSpace().getType() == ColorSpace.TYPE_CMYK) {
                return false;
            }
            s.colour = col.getValue();
        } else if (c instanceof SetStrokeCommand st) {
            s.stroke = st.getValue();
        } else if (c instanceof SetTransformCommand t) {
            s.transform.setTransform(t.getValue());
        } else if (c instanceof AffineTransformCommand t) {
            s.transform.concatenate(t.getValue());
        } else if (c instanceof SetClipCommand clip) {
            s.clip = VectorGraphicsRules.clipKept(clip.getValue(), s.transform);
        } else if (c instanceof de.erichseifert.vectorgraphics2d.intermediate.commands.SetHintCommand h) {
            if (h.getKey() == de.erichseifert.vectorgraphics2d.VectorHints.KEY_EXPORT) {
                s.exportForSize = h.getValue() == de.erichseifert.vectorgraphics2d.VectorHints.VALUE_EXPORT_SIZE;
            }
        } else if (c instanceof CreateCommand) {
            states.push(s.copy());
        } else if (c instanceof DisposeCommand) {
            states.pop();
        } else if (!(c instanceof StateCommand)) {
            return false;
        }
        // fonts, the other hints, background, paint and composite: nothing the library's SVG writer prints
        return true;
    }

    private void newGroup() {
        State s = states.peek();
        StringBuilder attributes = new StringBuilder();
        Shape clip = VectorGraphicsRules.clipWritten(s.clip, s.transform);
        if (clip != null) {
            attribute(attributes, "clip-path", "url(#" + clipId(clip) + ")");
        }
        if (!IDENTITY.equals(s.transform)) {
            attribute(attributes, "transform", transform(s.transform));
        }
        group = new ElementGroup(attributes.toString());
    }

    /**
     * The library names a clip path by the clip's {@code hashCode}: a rectangle's depends on its corners, but a
     * path's (a clip under a rotation) is its identity, a different name at every run. Such a clip is named here by
     * the hash of its path data, so the file is the same at every run.
     */
    private String clipId(Shape clip) {
        int key = clip instanceof Rectangle2D ? clip.hashCode() : pathData(clip).hashCode();
        String id = clipIds.get(key);
        if (id == null) {
            id = "clip" + key;
            clipPaths.add("    <clipPath id=\"" + id + "\">\n      " + element(clip, null) + "\n    </clipPath>\n");
            clipIds.put(key, id);
        }
        return id;
    }

    private void add(String element) {
        if (group == null) {
            rootChildren.add(element);
            return;
        }
        group.children.add(element);
        if (!group.added) {
            rootChildren.add(group);
            group.added = true;
        }
    }

    private static String transform(AffineTransform t) {
        StringBuilder out = new StringBuilder();
        if (AffineTransform.getTranslateInstance(t.getTranslateX(), t.getTranslateY()).equals(t)) {
            out.append("translate(");
            VectorGraphicsRules.number(out, t.getTranslateX()).append(' ');
            return VectorGraphicsRules.number(out, t.getTranslateY()).append(')').toString();
        }
        double[] m = new double[6];
        t.getMatrix(m);
        out.append("matrix(");
        for (int i = 0; i < 6; i++) {
            if (i > 0) {
                out.append(' ');
            }
            VectorGraphicsRules.number(out, m[i]);
        }
        return out.append(')').toString();
    }

    private String style(boolean filled) {
        State s = states.peek();
        StringBuilder style = new StringBuilder(96);
        String colour = "rgb(" + s.colour.getRed() + "," + s.colour.getGreen() + "," + s.colour.getBlue() + ")";
        boolean translucent = s.colour.getAlpha() < 255;
        if (filled) {
            style.append("fill:").append(colour).append(';');
            if (translucent) {
                VectorGraphicsRules.number(style.append("fill-opacity:"), s.colour.getAlpha() / 255.0).append(';');
            }
            return style.append("stroke:none;").toString();
        }
        style.append("fill:none;stroke:").append(colour).append(';');
        if (translucent) {
            VectorGraphicsRules.number(style.append("stroke-opacity:"), s.colour.getAlpha() / 255.0).append(';');
        }
        if (s.stroke instanceof BasicStroke b) {
            if (b.getLineWidth() != 1f) {
                style.append("stroke-width:").append(DataUtils.format(b.getLineWidth())).append(';');
            }
            if (b.getMiterLimit() != 4f) {
                style.append("stroke-miterlimit:").append(DataUtils.format(b.getMiterLimit())).append(';');
            }
            if (b.getEndCap() != BasicStroke.CAP_BUTT) {
                style.append("stroke-linecap:").append(b.getEndCap() == BasicStroke.CAP_ROUND ? "round" : "square").append(';');
            }
            if (b.getLineJoin() != BasicStroke.JOIN_MITER) {
                style.append("stroke-linejoin:").append(b.getLineJoin() == BasicStroke.JOIN_ROUND ? "round" : "bevel").append(';');
            }
            if (b.getDashArray() != null) {
                style.append("stroke-dasharray:").append(DataUtils.join(",", b.getDashArray())).append(';');
                if (b.getDashPhase() != 0f) {
                    style.append("stroke-dashoffset:").append(DataUtils.format(b.getDashPhase())).append(';');
                }
            }
        }
        return style.toString();
    }

    /** One shape as its element, attributes in name order; {@code style} null for a clip path's shape. */
    private static String element(Shape shape, String style) {
        StringBuilder e = new StringBuilder(64);
        if (shape instanceof Line2D l) {
            e.append("<line");
            attribute(e, "style", style);
            number(e, "x1", l.getX1());
            number(e, "x2", l.getX2());
            number(e, "y1", l.getY1());
            number(e, "y2", l.getY2());
        } else if (shape instanceof Rectangle2D r) {
            e.append("<rect");
            number(e, "height", r.getHeight());
            attribute(e, "style", style);
            number(e, "width", r.getWidth());
            number(e, "x", r.getX());
            number(e, "y", r.getY());
        } else if (shape instanceof RoundRectangle2D r) {
            e.append("<rect");
            number(e, "height", r.getHeight());
            number(e, "rx", r.getArcWidth() / 2.0);
            number(e, "ry", r.getArcHeight() / 2.0);
            attribute(e, "style", style);
            number(e, "width", r.getWidth());
            number(e, "x", r.getX());
            number(e, "y", r.getY());
        } else if (shape instanceof Ellipse2D o) {
            e.append("<ellipse");
            number(e, "cx", o.getCenterX());
            number(e, "cy", o.getCenterY());
            number(e, "rx", o.getWidth() / 2.0);
            number(e, "ry", o.getHeight() / 2.0);
            attribute(e, "style", style);
        } else {
            e.append("<path");
            attribute(e, "d", SvgPathData.relative(pathData(shape)));
            attribute(e, "style", style);
        }
        return e.append("/>").toString();
    }

    /** The path's data as the library prints it (absolute; a line's x as Java prints a double). */
    private static String pathData(Shape shape) {
        StringBuilder out = new StringBuilder(256);
        double[] c = new double[6];
        PathIterator it = shape.getPathIterator(null);
        for (int i = 0; !it.isDone(); i++, it.next()) {
            if (i > 0) {
                out.append(' ');
            }
            switch (it.currentSegment(c)) {
                case PathIterator.SEG_MOVETO -> pairs(out.append('M'), c, 1);
                case PathIterator.SEG_LINETO -> VectorGraphicsRules.number(VectorGraphicsRules.javaNumber(out.append('L'), c[0]).append(','), c[1]);
                case PathIterator.SEG_CUBICTO -> pairs(out.append('C'), c, 3);
                case PathIterator.SEG_QUADTO -> pairs(out.append('Q'), c, 2);
                case PathIterator.SEG_CLOSE -> out.append('Z');
                default -> throw new IllegalStateException("unknown path segment");
            }
        }
        return out.toString();
    }

    private static void pairs(StringBuilder out, double[] c, int pairs) {
        for (int p = 0; p < pairs; p++) {
            if (p > 0) {
                out.append(' ');
            }
            VectorGraphicsRules.number(out, c[2 * p]).append(',');
            VectorGraphicsRules.number(out, c[2 * p + 1]);
        }
    }

    private static void number(StringBuilder e, String name, double v) {
        e.append(' ').append(name).append("=\"");
        VectorGraphicsRules.number(e, v).append('"');
    }

    private static void attribute(StringBuilder e, String name, String value) {
        if (value == null) {
            return;
        }
        e.append(' ').append(name).append("=\"");
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            switch (ch) {
                case '&' -> e.append("&amp;");
                case '<' -> e.append("&lt;");
                case '>' -> e.append("&gt;");
                case '"' -> e.append("&quot;");
                default -> e.append(ch);
            }
        }
        e.append('"');
    }

    private byte[] document(double width, double height) {
        StringBuilder out = new StringBuilder(1 << 16);
        out.append("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"no\"?>\n")
                .append("<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" \"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n")
                .append("<svg xmlns:xlink=\"http://www.w3.org/1999/xlink\"");
        VectorGraphicsRules.number(out.append(" height=\""), height).append("px\" version=\"1.1\" viewBox=\"0 0 ");
        VectorGraphicsRules.number(out, width).append(' ');
        VectorGraphicsRules.number(out, height).append("\" width=\"");
        VectorGraphicsRules.number(out, width).append("px\" x=\"0px\" y=\"0px\" xmlns=\"http://www.w3.org/2000/svg\"");
        if (clipPaths.isEmpty() && rootChildren.isEmpty()) {
            return out.append("/>\n").toString().getBytes(StandardCharsets.UTF_8);
        }
        out.append(">\n");
        if (!clipPaths.isEmpty()) {
            out.append("  <defs>\n");
            clipPaths.forEach(out::append);
            out.append("  </defs>\n");
        }
        for (Object child : rootChildren) {
            if (child instanceof ElementGroup g) {
                out.append("  <g").append(g.attributes).append(">\n");
                g.children.forEach(e -> out.append("    ").append(e).append('\n'));
                out.append("  </g>\n");
            } else {
                out.append("  ").append(child).append('\n');
            }
        }
        return out.append("</svg>\n").toString().getBytes(StandardCharsets.UTF_8);
    }

    /** A {@code <g>} with its printed attributes and elements; on the page once it holds its first element. */
    private static final class ElementGroup {
        final String attributes;
        final List<String> children = new ArrayList<>();
        boolean added;

        ElementGroup(String attributes) {
            this.attributes = attributes;
        }
    }

    /** A group's drawing state, as the library's SVG writer tracks it. */
    private static final class State {
        Color colour = DEFAULT_COLOR;
        Stroke stroke = DEFAULT_STROKE;
        AffineTransform transform = new AffineTransform();
        Shape clip;
        boolean exportForSize; // VectorHints.KEY_EXPORT is VALUE_EXPORT_SIZE: a picture may be a JPEG

        State copy() {
            State s = new State();
            s.colour = colour;
            s.stroke = stroke;
            s.exportForSize = exportForSize;
            s.transform = new AffineTransform(transform);
            s.clip = clip == null ? null : GraphicsUtils.clone(clip);
            return s;
        }
    }
}
