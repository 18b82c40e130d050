package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** The decision regions are painted in class colours, and lesson 13's main figure shows them as small multiples. */
class BoundaryImageTest {

    /** Every grid pixel is its predicted class's Okabe–Ito colour mixed into white, more strongly where the model is surer. */
    static void everyPixelIsAClassColour(BoundaryData d) {
        BufferedImage img = BoundaryImage.raster(d);
        int ny = d.gridY().length;
        for (int ix = 0; ix < d.gridX().length; ix++) {
            for (int iy = 0; iy < ny; iy++) {
                Color pixel = new Color(img.getRGB(ix, ny - 1 - iy));
                Color expected = BoundaryImage.tint(Palette.classColor(d.predicted()[ix][iy]),
                        (d.confidence()[ix][iy] - 1.0 / d.classes()) / (1 - 1.0 / d.classes()));
                assertEquals(expected, pixel, "pixel " + ix + "," + iy);
                assertTrue(isTintOf(pixel, Palette.classColor(d.predicted()[ix][iy])), "pixel " + ix + "," + iy + " is " + pixel);
            }
        }
    }

    /** {@code c} lies on the line from white to {@code hue} (every channel moved from 255 by the same share). */
    static boolean isTintOf(Color c, Color hue) {
        double share = -1;
        int[] got = {c.getRed(), c.getGreen(), c.getBlue()}, full = {hue.getRed(), hue.getGreen(), hue.getBlue()};
        for (int i = 0; i < 3; i++) {
            if (full[i] == 255) {
                if (got[i] != 255) {
                    return false;
                }
                continue;
            }
            double s = (255.0 - got[i]) / (255.0 - full[i]);
            if (share >= 0 && Math.abs(s - share) > 0.03) {
                return false;
            }
            share = s;
        }
        return share >= BoundaryImage.FAINTEST - 0.03 && share <= BoundaryImage.STRONGEST + 0.03;
    }

    @Test
    void aTintIsRecognisedAndAnotherHueIsNot() {
        Color blue = Palette.classColor(0), orange = Palette.classColor(1);
        assertTrue(isTintOf(BoundaryImage.tint(blue, 0.3), blue));
        assertTrue(!isTintOf(BoundaryImage.tint(blue, 0.3), orange));
        assertTrue(!isTintOf(new Color(128, 128, 128), blue));
    }

    @Test
    void theSmallMultiplesShowTheSmallestAGoodAndTheLargestNetworkOfEachDataset() {
        for (String language : List.of("en", "zh")) {
            Messages m = Messages.forLanguage(language, notice -> {});
            LoadedRun run = RunLoader.load(LessonQuickRuns.get("13-classification-capacity"));
            RenderedChart figure = ReportPlan.charts(run, m).stream().filter(c -> c.name().equals(BoundaryPanels.NAME)).findFirst()
                    .orElseThrow(() -> new AssertionError("lesson 13 has no boundaries figure"));
            assertEquals("main", figure.section());
            PanelStrip strip = (PanelStrip) figure.chart();
            List<AxisGroup> datasets = SweepGroups.along(run, "model.hidden", c -> c.summary().parameters());
            assertEquals(2, datasets.size(), "moons and spiral");
            int perRow = Math.min(BoundaryPanels.PER_ROW, datasets.get(0).points().size());
            assertEquals(2 * perRow, strip.panels().size());
            assertEquals(perRow, strip.columns());
            for (int r = 0; r < datasets.size(); r++) {
                AxisGroup g = datasets.get(r);
                List<CellRun> picked = BoundaryPanels.picks(g);
                assertEquals(g.points().get(0).cells().get(0), picked.get(0), "the smallest network first");
                assertEquals(g.points().get(g.points().size() - 1).cells().get(0), picked.get(picked.size() - 1), "the largest last");
                for (int i = 0; i < perRow; i++) {
                    CellRun c = picked.get(Math.min(i, picked.size() - 1));
                    XYChart panel = strip.panels().get(r * perRow + i);
                    assertEquals(m.get("chart.boundaries.panel", g.label(), "hidden=" + SweepGroups.plain(c.value("model.hidden")),
                            Messages.number(c.last().testAccuracy())), panel.getTitle());
                    BoundaryImage image = ChartLayout.annotations(panel).stream().filter(BoundaryImage.class::isInstance)
                            .map(BoundaryImage.class::cast).findFirst().orElseThrow();
                    assertEquals(BoundaryDataLoader.GRID, image.image().getWidth());
                    everyPixelIsAClassColour(BoundaryDataLoader.load(run, c));
                }
            }
            SlideLayoutTest.check(strip, "lesson 13 boundaries " + language, true);
        }
    }
}
