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
    void everyGifFrameDecodesInItsOwnColours() throws Exception {
        List<BufferedImage> frames = List.of(chartLike(320, 180, 0), chartLike(320, 180, 1.5));
        byte[] gif = GifWriter.animate(frames, 400);
        ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
        reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(gif)));
        assertEquals(2, reader.getNumImages(true));
        for (int f = 0; f < 2; f++) {
            assertArrayEquals(rgb(GifPalette.indexed(frames.get(f))), rgb(reader.read(f)), "frame " + f);
        }
        assertArrayEquals(gif, GifWriter.animate(frames, 400), "same frames, same bytes");
    }

    /** The JDK's GIF writer, given the same frames, writes the same bytes: many colours, few, one, odd sizes. */
    @Test
    void theGifIsTheOneTheJdksWriterWrites() throws Exception {
        List<List<BufferedImage>> animations = List.of(
                List.of(chartLike(320, 180, 0), chartLike(320, 180, 1.5), chartLike(320, 180, 3)),
                List.of(fewColours(97, 31, 3), fewColours(97, 31, 17)),
                List.of(fewColours(8, 9, 1), fewColours(8, 9, 2), fewColours(8, 9, 5)),
                List.of(noise(640, 400, 1), noise(640, 400, 2)));
        for (List<BufferedImage> frames : animations) {
            byte[] ours = GifWriter.animate(frames, 400);
            assertArrayEquals(JdkGifWriter.animate(frames, 400), ours, frames.size() + " frames of " + frames.get(0).getWidth());
            ImageReader reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(ImageIO.createImageInputStream(new ByteArrayInputStream(ours)));
            for (int f = 0; f < frames.size(); f++) {
                assertArrayEquals(rgb(GifPalette.indexed(frames.get(f))), rgb(reader.read(f)), "frame " + f);
            }
        }
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
