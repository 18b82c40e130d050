package fitlab.report;

import java.awt.Graphics2D;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;

/**
 * Text drawn as filled glyph outlines, as XChart draws its own: an SVG or PDF then shows the same letters on every
 * machine, Chinese included, without depending on the viewer's fonts (a PDF's standard fonts have no Chinese).
 */
final class Glyphs {
    private Glyphs() {}

    /** {@code text} in the graphics' current font and colour, its baseline starting at (x, y). */
    static void draw(Graphics2D g, String text, double x, double y) {
        if (text.isEmpty()) {
            return;
        }
        TextLayout layout = new TextLayout(text, g.getFont(), g.getFontRenderContext());
        g.fill(layout.getOutline(AffineTransform.getTranslateInstance(x, y)));
    }
}
