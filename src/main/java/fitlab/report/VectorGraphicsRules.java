package fitlab.report;

import de.erichseifert.vectorgraphics2d.util.DataUtils;
import de.erichseifert.vectorgraphics2d.util.GraphicsUtils;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Rectangle2D;

/**
 * What VectorGraphics2D's writers compute, for {@link PdfPage} and {@link SvgPage}, which write the same bytes
 * faster: how a number is printed and where a clip is kept.
 */
final class VectorGraphicsRules {
    /** Tenths below this magnitude are printed here ({@code PdfPageTest} compares every one with the library). */
    static final double FAST_TENTHS = 1e6;

    private VectorGraphicsRules() {}

    /**
     * Appends {@code v} as {@code DataUtils.format(Double)} prints it: a {@code DecimalFormat} with up to 15 fraction
     * digits, one instance that every thread shares behind a lock, about a microsecond a number. A double that is
     * exactly a whole number of tenths ({@link CompactGraphics} rounds every coordinate so) prints as that decimal in
     * both; any other number is left to the library.
     */
    static StringBuilder number(StringBuilder out, double v) {
        if (!fastTenths(v)) {
            return out.append(DataUtils.format(v));
        }
        long t = sign(out, (long) (v * 10));
        out.append(t / 10);
        return t % 10 != 0 ? out.append('.').append((char) ('0' + t % 10)) : out;
    }

    /** Whether {@code v} is exactly a whole number of tenths below {@link #FAST_TENTHS} (and not -0.0). */
    private static boolean fastTenths(double v) {
        double tenths = v * 10;
        return Math.abs(tenths) < FAST_TENTHS && tenths == Math.rint(tenths) && Math.rint(tenths) / 10 == v
                && (v != 0 || Double.doubleToRawLongBits(v) == 0);
    }

    /** Appends a minus sign for a negative {@code tenths}; its magnitude. */
    private static long sign(StringBuilder out, long tenths) {
        if (tenths < 0) {
            out.append('-');
            return -tenths;
        }
        return tenths;
    }

    /** As {@code Double.toString} (what the SVG writer prints for a line's x), fast for the same tenths. */
    static StringBuilder javaNumber(StringBuilder out, double v) {
        if (!fastTenths(v)) {
            return out.append(v);
        }
        long t = sign(out, (long) (v * 10));
        return out.append(t / 10).append('.').append((char) ('0' + t % 10));
    }

    /** A clip as the library keeps it when set: in page space, through the transform of that moment. */
    static Shape clipKept(Shape s, AffineTransform t) {
        if (s == null) {
            return null;
        }
        if (t.isIdentity()) {
            return GraphicsUtils.clone(s);
        }
        boolean rectilinear = (t.getType() & (AffineTransform.TYPE_GENERAL_TRANSFORM | AffineTransform.TYPE_GENERAL_ROTATION)) == 0;
        if (s instanceof Rectangle2D r && rectilinear) {
            double[] corners = {r.getMinX(), r.getMinY(), r.getMaxX(), r.getMaxY()};
            t.transform(corners, 0, corners, 0, 2);
            Rectangle2D out = new Rectangle2D.Double();
            out.setFrameFromDiagonal(corners[0], corners[1], corners[2], corners[3]);
            return out;
        }
        return t.createTransformedShape(s);
    }

    /** A kept clip as the library writes it: taken back through the current transform. */
    static Shape clipWritten(Shape kept, AffineTransform t) {
        if (kept == null) {
            return null;
        }
        try {
            return clipKept(kept, t.createInverse());
        } catch (NoninvertibleTransformException e) {
            return null;
        }
    }
}
