package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.pdf.PDFProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/**
 * Fonts resolved once (ResolvedFontGraphics, under every SVG chart and slide) give the same PDF page, byte for byte, as VectorGraphics2D
 * resolving them itself at every font change: only the time it takes changes.
 */
class ResolvedFontGraphicsTest {

    @Test
    void aChartPageIsTheSameBytesAsWithTheLibrarysOwnFontResolution() throws Exception {
        for (String family : new String[] {Font.SANS_SERIF, Font.DIALOG}) {
            XYChart chart = HouseStyle.xyChart("Loss 损失 against epoch", "epoch", "loss", family);
            chart.addSeries("train 训练", new double[] {1, 2, 3, 4}, new double[] {0.4, 0.2, 0.15, 0.1});
            chart.addSeries("validation", new double[] {1, 2, 3, 4}, new double[] {0.5, 0.3, 0.28, 0.3});
            byte[] fast = page(new ResolvedFontGraphics(), chart);
            byte[] library = page(new VectorGraphics2D(), chart);
            assertNotEquals(0, fast.length);
            assertArrayEquals(library, fast, family);
        }
    }

    private static byte[] page(VectorGraphics2D g, XYChart slide) throws Exception {
        g.scale(SlideDeck.MM_PER_POINT, SlideDeck.MM_PER_POINT);
        slide.paint(g, slide.getWidth(), slide.getHeight());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PDFProcessor(true).getDocument(g.getCommands(), new PageSize(0, 0, slide.getWidth() * SlideDeck.MM_PER_POINT,
                slide.getHeight() * SlideDeck.MM_PER_POINT)).writeTo(out);
        return out.toByteArray();
    }
}
