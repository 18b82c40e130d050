package fitlab.report;

import de.erichseifert.vectorgraphics2d.util.GraphicsUtils;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The physical font VectorGraphics2D's writers name for a logical one ({@link GraphicsUtils#getPhysicalFont(Font)}),
 * found once per family and style rather than once per size. The library's search lays out a test text in every
 * installed font and keeps the first (by name) whose metrics equal the logical font's; with a CJK family installed
 * that is dozens of faces read through FreeType, and the report sets a font of a new size for nearly every title it
 * shrinks to fit: the searches were about a quarter of {@code fitlab report}'s native samples on lesson 01. The face
 * found at the first size is tried at each later size with the library's own test (the same text, render context
 * and six metrics); only when it fails there does the full search run for that size.
 */
final class PhysicalFonts {
    /** The library's test text and render context ({@code GraphicsUtils}: no anti-aliasing, fractional metrics). */
    private static final String TEST_TEXT = "Falsches Üben von Xylophonmusik quält jeden größeren Zwerg";
    private static final FontRenderContext CONTEXT = new FontRenderContext(null, false, true);
    private static final Map<Font, Font> BY_FONT = new ConcurrentHashMap<>();
    private static final Map<Font, Font> BY_FACE = new ConcurrentHashMap<>();

    private PhysicalFonts() {}

    /**
     * Finds the faces of {@code family} (plain and bold, the charts' two) and of the writers' default font ahead of
     * the first drawing: {@code fitlab report} calls this on a core that is idle while it reads the run.
     */
    static void prefetch(String family) {
        of(new Font(family, Font.PLAIN, 12));
        of(new Font(family, Font.BOLD, 12));
        of(Font.decode(null));
    }

    /** What {@code GraphicsUtils.getPhysicalFont(logical)} returns. */
    static Font of(Font logical) {
        return BY_FONT.computeIfAbsent(logical, PhysicalFonts::resolve);
    }

    private static Font resolve(Font logical) {
        Font face = logical.deriveFont(1f); // the family and style, any size
        Font known = BY_FACE.get(face);
        if (known != null) {
            Font candidate = known.deriveFont(logical.getStyle(), logical.getSize2D());
            if (sameMetrics(candidate, logical)) {
                return candidate;
            }
        }
        Font found = GraphicsUtils.getPhysicalFont(logical);
        if (found != logical) {
            BY_FACE.putIfAbsent(face, found);
        }
        return found;
    }

    /** The library's match: the test text's bounds, ascent, descent, leading, advance and visible advance. */
    private static boolean sameMetrics(Font physical, Font logical) {
        TextLayout p = new TextLayout(TEST_TEXT, physical, CONTEXT), l = new TextLayout(TEST_TEXT, logical, CONTEXT);
        return p.getBounds().equals(l.getBounds()) && p.getAscent() == l.getAscent() && p.getDescent() == l.getDescent()
                && p.getLeading() == l.getLeading() && p.getAdvance() == l.getAdvance() && p.getVisibleAdvance() == l.getVisibleAdvance();
    }
}
