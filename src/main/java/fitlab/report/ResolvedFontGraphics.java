package fitlab.report;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import java.awt.Font;

/**
 * The VectorGraphics2D that paints a slide: every font set on it is first resolved to the physical font the PDF
 * writer would name for it, once per font and process. VectorGraphics2D's PDF writer resolves a logical family
 * (SansSerif, Dialog) itself, but at every font change of every page, and each resolution lays out a test text
 * in every installed font: with a CJK font family installed that search was most of the slide deck's time. The
 * resolution is the writer's own ({@link PhysicalFonts}), so the PDF names the same fonts as before.
 */
class ResolvedFontGraphics extends VectorGraphics2D {
    /** The font the painter asked for, as it asked. */
    private Font requested;

    @Override
    public void setFont(Font font) {
        requested = font;
        super.setFont(font == null ? null : PhysicalFonts.of(font));
    }

    /**
     * The font as set, not its physical resolution: text is drawn as glyph outlines ({@link Glyphs}) of this font,
     * and a logical family is a composite (SansSerif is DejaVu Sans for Latin and Noto Sans CJK for Chinese), while
     * the physical font the writer names has no Chinese glyphs: a Chinese text slide came out as boxes.
     */
    @Override
    public Font getFont() {
        return requested != null ? requested : super.getFont();
    }
}
