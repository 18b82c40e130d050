package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import org.junit.jupiter.api.Test;

/** fitlab's own PNG and GIF encoders: what a decoder reads back is what was drawn. */
class ChartEncodingTest {
    /** An anti-aliased drawing like a chart: white canvas, grid, two coloured curves, a shaded band, text. */
    private static BufferedImage chartLike(int width, int height, double phase) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(new Color(0xDDDDDD));
        for (int y = 20; y < height; y += 40) {
            g.drawLine(0, y, width, y);
        }
        g.setStroke(new BasicStroke(3f));
        for (Color c : List.of(new Color(0x0072B2), new Color(0xD55E00))) {
            Path2D.Double p = new Path2D.Double();
            for (int x = 0; x < width; x++) {
                double y = height / 2.0 + height / 3.0 * Math.sin(x / 37.0 + phase + c.getRed());
                if (x == 0) {
                    p.moveTo(x, y);
                } else {
                    p.lineTo(x, y);
                }
            }
            g.setColor(c);
            g.draw(p);
        }
        // a shaded band (as a region or decision boundary is): hundreds of colours more
        g.setPaint(new java.awt.GradientPaint(0, 0, new Color(0xF0E442), width, 30, new Color(0x56B4E9)));
        g.fillRect(0, height - 30, width, 30);
        g.setColor(Color.BLACK);
        g.drawString("epoch 950: train 0.005218", 10, 15);
        g.dispose();
        return image;
    }

    private static int[] rgb(BufferedImage image) {
        int[] out = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
        for (int i = 0; i < out.length; i++) {
            out[i] &= 0xFFFFFF;
        }
        return out;
    }

    @Test
    void aPngDecodesToTheDrawnPixels() throws Exception {
        BufferedImage image = chartLike(640, 360, 0);
        byte[] png = PngEncoder.encode(image);
        BufferedImage back = ImageIO.read(new ByteArrayInputStream(png));
        assertEquals(640, back.getWidth());
        assertEquals(360, back.getHeight());
        assertArrayEquals(rgb(image), rgb(back));
        assertArrayEquals(png, PngEncoder.encode(image), "same pixels, same bytes");
    }

    @Test
    void aFrameWithFewColoursKeepsThemExactly() {
        BufferedImage image = new BufferedImage(50, 40, BufferedImage.TYPE_INT_RGB);
        for (int i = 0; i < 50 * 40; i++) {
            image.setRGB(i % 50, i / 50, (i % 200) * 0x010203 & 0xFFFFFF);
        }
        BufferedImage indexed = GifPalette.indexed(image);
        assertArrayEquals(rgb(image), rgb(indexed));
    }

    @Test
    void aFrameWithManyColoursKeepsTheCommonOnesAndMapsEachRareOneToItsNearest() {
        BufferedImage image = chartLike(400, 300, 0);
        int[] before = rgb(image);
        GifPalette.ColourCounts counts = GifPalette.ColourCounts.of(before);
        int[] palette = counts.mostFrequent(GifPalette.COLOURS);
        assertEquals(GifPalette.COLOURS, palette.length, "the drawing has more than 256 colours");
        int[] after = rgb(GifPalette.indexed(image));
        java.util.Set<Integer> kept = new java.util.HashSet<>();
        for (int c : palette) {
            kept.add(c);
        }
        assertTrue(kept.contains(0xFFFFFF) && kept.contains(0x0072B2) && kept.contains(0xD55E00), "canvas and series colours kept");
        for (int i = 0; i < before.length; i++) {
            if (kept.contains(before[i])) {
                assertEquals(before[i], after[i], "a palette colour is kept exactly");
            } else {
                assertTrue(kept.contains(after[i]));
                assertTrue(distance(before[i], after[i]) <= nearestDistance(before[i], palette), "pixel " + i);
            }
        }
    }

    @Test
    void everyGifFrameDecodesToItsPixels() throws Exception {
        List<BufferedImage> frames = List.of(chartLike(320, 180, 0), chartLike(320, 180, 1.5));
        byte[] gif = GifWriter.animate(frames, 400);
        List<int[]> shown = shownFrames(gif, 320, 180);
        assertEquals(2, shown.size());
        assertArrayEquals(rgb(GifPalette.indexed(frames.get(0))), shown.get(0), "the first frame in its 256 most frequent colours");
        assertArrayEquals(gif, GifWriter.animate(frames, 400), "same frames, same bytes");
    }

    /**
     * What a viewer shows, frame by frame, read by the JDK's GIF decoder: the first frame in its 256 most frequent
     * colours; after it, every pixel that changed in its frame's own colours (exactly, when the changed pixels have
     * fewer than 256), every other as it was. Many colours, few, one, no change at all, odd sizes, noise that fills
     * and clears the LZW table again and again.
     */
    @Test
    void laterFramesShowExactlyThePixelsThatChanged() throws Exception {
        List<List<BufferedImage>> animations = List.of(
                List.of(chartLike(320, 180, 0), chartLike(320, 180, 1.5), chartLike(320, 180, 3)),
                List.of(fewColours(97, 31, 3), fewColours(97, 31, 17)),
                List.of(fewColours(8, 9, 1), fewColours(8, 9, 2), fewColours(8, 9, 2), fewColours(8, 9, 5)),
                List.of(noise(640, 400, 1), noise(640, 400, 2)),
                List.of(trueColourNoise(200, 100, 1), trueColourNoise(200, 100, 2)));
        for (List<BufferedImage> frames : animations) {
            int w = frames.get(0).getWidth(), h = frames.get(0).getHeight();
            String what = frames.size() + " frames of " + w + "x" + h;
            List<int[]> shown = shownFrames(GifWriter.animate(frames, 400), w, h);
            assertEquals(frames.size(), shown.size(), what);
            assertArrayEquals(rgb(GifPalette.indexed(frames.get(0))), shown.get(0), what + ": frame 0");
            for (int f = 1; f < frames.size(); f++) {
                int[] before = rgb(frames.get(f - 1)), now = rgb(frames.get(f));
                java.util.Set<Integer> changedColours = new java.util.HashSet<>();
                for (int i = 0; i < now.length; i++) {
                    if (now[i] != before[i]) {
                        changedColours.add(now[i]);
                    }
                }
                for (int i = 0; i < now.length; i++) {
                    if (now[i] == before[i]) {
                        assertEquals(shown.get(f - 1)[i], shown.get(f)[i], what + ": frame " + f + " pixel " + i + " unchanged");
                    } else if (changedColours.size() < 256) {
                        assertEquals(now[i], shown.get(f)[i], what + ": frame " + f + " pixel " + i + " in its exact colour");
                    } else {
                        // the frame's palette is drawn from the changed pixels' colours
                        assertTrue(changedColours.contains(shown.get(f)[i]), what + ": frame " + f + " pixel " + i + " in a colour of the change");
                    }
                }
            }
        }
    }

    @Test
    void aChartAnimationIsMostlyItsFirstFrame() {
        List<BufferedImage> frames = List.of(chartLike(640, 360, 0), chartLike(640, 360, 0.05), chartLike(640, 360, 0.1));
        byte[] gif = GifWriter.animate(frames, 400);
        byte[] first = GifWriter.animate(frames.subList(0, 1), 400);
        assertTrue(gif.length < 2 * first.length, "two small changes cost less than a frame: " + gif.length + " vs " + first.length);
    }

    /** Decodes {@code gif} with the JDK's reader and lays each frame over the last (its position, its transparent index). */
    private static List<int[]> shownFrames(byte[] gif, int width, int height) throws Exception {
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(gif)));
        int n = reader.getNumImages(true);
        List<int[]> out = new java.util.ArrayList<>();
        int[] canvas = new int[width * height];
        for (int f = 0; f < n; f++) {
            org.w3c.dom.Node root = reader.getImageMetadata(f).getAsTree("javax_imageio_gif_image_1.0");
            int x = 0, y = 0, transparent = -1;
            for (org.w3c.dom.Node c = root.getFirstChild(); c != null; c = c.getNextSibling()) {
                var attributes = (org.w3c.dom.Element) c;
                if (c.getNodeName().equals("ImageDescriptor")) {
                    x = Integer.parseInt(attributes.getAttribute("imageLeftPosition"));
                    y = Integer.parseInt(attributes.getAttribute("imageTopPosition"));
                    assertEquals("FALSE", attributes.getAttribute("interlaceFlag"));
                }
                if (c.getNodeName().equals("GraphicControlExtension")) {
                    assertEquals("doNotDispose", attributes.getAttribute("disposalMethod"));
                    assertEquals("40", attributes.getAttribute("delayTime"));
                    if (attributes.getAttribute("transparentColorFlag").equals("TRUE")) {
                        transparent = Integer.parseInt(attributes.getAttribute("transparentColorIndex"));
                    }
                }
            }
            BufferedImage part = reader.read(f);
            java.awt.image.Raster indices = part.getRaster();
            java.awt.image.IndexColorModel model = (java.awt.image.IndexColorModel) part.getColorModel();
            for (int py = 0; py < part.getHeight(); py++) {
                for (int px = 0; px < part.getWidth(); px++) {
                    int index = indices.getSample(px, py, 0);
                    if (index != transparent) {
                        canvas[(y + py) * width + x + px] = model.getRGB(index) & 0xFFFFFF;
                    }
                }
            }
            out.add(canvas.clone());
        }
        return out;
    }

    /** {@code colours} distinct colours in stripes. */
    private static BufferedImage fewColours(int w, int h, int colours) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, ((x + 3 * y) % colours) * 0x0F0A05 + 0x102030);
            }
        }
        return image;
    }

    /** Random pixels of 256 colours: no string repeats, so the LZW table fills and is cleared again and again. */
    private static BufferedImage noise(int w, int h, long seed) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(256) * 0x010101);
            }
        }
        return image;
    }

    /** Random 24-bit pixels: thousands of colours, so the colour tables grow. */
    private static BufferedImage trueColourNoise(int w, int h, long seed) {
        java.util.Random random = new java.util.Random(seed);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                image.setRGB(x, y, random.nextInt(1 << 24));
            }
        }
        return image;
    }

    private static long distance(int a, int b) {
        long dr = (a >> 16 & 0xFF) - (b >> 16 & 0xFF), dg = (a >> 8 & 0xFF) - (b >> 8 & 0xFF), db = (a & 0xFF) - (b & 0xFF);
        return dr * dr + dg * dg + db * db;
    }

    private static long nearestDistance(int colour, int[] palette) {
        long best = Long.MAX_VALUE;
        for (int p : palette) {
            best = Math.min(best, distance(colour, p));
        }
        return best;
    }
}
