package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import de.erichseifert.vectorgraphics2d.util.GraphicsUtils;
import java.awt.Font;
import org.junit.jupiter.api.Test;

/** The physical font found once per face is the one the library's own search finds at every size. */
class PhysicalFontsTest {
    @Test
    void everySizeOfEveryLogicalFamilyResolvesAsTheLibraryResolvesIt() {
        System.setProperty("java.awt.headless", "true");
        int compared = 0;
        for (String family : new String[] {Font.SANS_SERIF, Font.SERIF, Font.MONOSPACED, Font.DIALOG}) {
            for (int style : new int[] {Font.PLAIN, Font.BOLD, Font.ITALIC}) {
                // the first size finds the face, the later ones reuse it: titles shrunk to fit, odd fractions
                for (float size : new float[] {14f, 8f, 9.5f, 11f, 13.7f, 16f, 22.3f, 31f}) {
                    Font logical = new Font(family, style, 1).deriveFont(size);
                    assertEquals(GraphicsUtils.getPhysicalFont(logical), PhysicalFonts.of(logical), family + " " + style + " " + size);
                    compared++;
                }
            }
        }
        assertEquals(96, compared);
    }

    @Test
    void aPhysicalFontIsItself() {
        Font physical = GraphicsUtils.getPhysicalFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        assertEquals(physical, PhysicalFonts.of(physical));
    }
}
