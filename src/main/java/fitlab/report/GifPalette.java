package fitlab.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.IndexColorModel;
import java.util.Arrays;

/**
 * A chart frame reduced to the 256 colours a GIF frame may have. A chart is a white canvas with a handful of series
 * colours, grey text and grid, and the anti-aliased edges between them, so its most frequent colours are exactly
 * those it is drawn in: they are kept as they are, and every rarer edge shade takes the nearest of them. The JDK's
 * GIF writer would instead build an octree over every pixel of every frame, which took most of a report's time.
 *
 * <p>Deterministic: the palette depends only on the frame's pixels (ties in frequency go to the smaller RGB value).
 */
final class GifPalette {
    static final int COLOURS = 256;

    private GifPalette() {}

    /** The frame as an 8-bit indexed image; {@code rgb} must be {@link BufferedImage#TYPE_INT_RGB}. */
    static BufferedImage indexed(BufferedImage rgb) {
        Reduced reduced = reduce(((DataBufferInt) rgb.getRaster().getDataBuffer()).getData());
        BufferedImage out = new BufferedImage(rgb.getWidth(), rgb.getHeight(), BufferedImage.TYPE_BYTE_INDEXED, model(reduced.palette()));
        byte[] indices = ((DataBufferByte) out.getRaster().getDataBuffer()).getData();
        System.arraycopy(reduced.indices(), 0, indices, 0, indices.length);
        return out;
    }

    /** A frame in its {@link #COLOURS} most frequent colours: the palette and each pixel's index into it. */
    record Reduced(int[] palette, byte[] indices) {}

    /** The pixels (the top byte ignored) in their most frequent colours, each rarer one as its nearest. */
    static Reduced reduce(int[] pixels) {
        ColourCounts counts = ColourCounts.of(pixels);
        int[] palette = counts.mostFrequent(COLOURS);
        ColourCounts.IndexOf lookup = counts.nearestIn(palette);
        byte[] indices = new byte[pixels.length];
        int previous = -1, index = 0;
        for (int i = 0; i < pixels.length; i++) {
            int rgbValue = pixels[i] & 0xFFFFFF;
            if (rgbValue != previous) {
                index = lookup.of(rgbValue);
                previous = rgbValue;
            }
            indices[i] = (byte) index;
        }
        return new Reduced(palette, indices);
    }

    private static IndexColorModel model(int[] palette) {
        byte[] r = new byte[palette.length], g = new byte[palette.length], b = new byte[palette.length];
        for (int i = 0; i < palette.length; i++) {
            r[i] = (byte) (palette[i] >> 16);
            g[i] = (byte) (palette[i] >> 8);
            b[i] = (byte) palette[i];
        }
        int bits = Math.max(1, 32 - Integer.numberOfLeadingZeros(Math.max(1, palette.length - 1)));
        return new IndexColorModel(bits, palette.length, r, g, b);
    }

    /** The distinct colours of a frame (or of a frame's changed pixels) with their pixel counts, in an open-addressing table keyed by RGB. */
    static final class ColourCounts {
        private static final int EMPTY = -1;
        private int[] keys;
        private int[] counts;
        private int size;

        private ColourCounts(int capacity) {
            keys = new int[capacity];
            counts = new int[capacity];
            Arrays.fill(keys, EMPTY);
        }

        /** No colours yet: {@link #add} counts them. */
        static ColourCounts empty() {
            return new ColourCounts(1 << 10);
        }

        static ColourCounts of(int[] pixels) {
            ColourCounts table = new ColourCounts(1 << 12);
            int previous = EMPTY, slot = -1;
            for (int p : pixels) {
                int rgb = p & 0xFFFFFF;
                if (rgb != previous) { // long runs of one colour (the white canvas) skip the hash
                    slot = table.insert(rgb);
                    previous = rgb;
                }
                table.counts[slot]++;
            }
            return table;
        }

        /** Counts one pixel of colour {@code rgb} (24 bits). */
        void add(int rgb) {
            int slot = insert(rgb); // first: inserting may grow the table, replacing the counts array
            counts[slot]++;
        }

        /** The slot of {@code rgb}, made when it is new (the table grown first when half full). */
        private int insert(int rgb) {
            int slot = slot(rgb);
            if (keys[slot] == EMPTY) {
                if (2 * (size + 1) > keys.length) {
                    grow();
                    slot = slot(rgb);
                }
                keys[slot] = rgb;
                size++;
            }
            return slot;
        }

        private int slot(int rgb) {
            return slotIn(keys, rgb);
        }

        private static int slotIn(int[] keys, int rgb) {
            int mask = keys.length - 1;
            int i = (rgb * 0x9E3779B1) >>> 7 & mask;
            while (keys[i] != EMPTY && keys[i] != rgb) {
                i = i + 1 & mask;
            }
            return i;
        }

        private void grow() {
            int[] oldKeys = keys, oldCounts = counts;
            keys = new int[oldKeys.length * 2];
            counts = new int[oldKeys.length * 2];
            Arrays.fill(keys, EMPTY);
            for (int i = 0; i < oldKeys.length; i++) {
                if (oldKeys[i] != EMPTY) {
                    int s = slot(oldKeys[i]);
                    keys[s] = oldKeys[i];
                    counts[s] = oldCounts[i];
                }
            }
        }

        /** Up to {@code n} colours, the most frequent first (ties: smaller RGB first). */
        int[] mostFrequent(int n) {
            long[] ranked = new long[size];
            int k = 0;
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != EMPTY) {
                    // descending count, then ascending colour, as one ascending long
                    ranked[k++] = (long) (Integer.MAX_VALUE - counts[i]) << 24 | keys[i];
                }
            }
            Arrays.sort(ranked);
            int[] out = new int[Math.min(n, size)];
            for (int i = 0; i < out.length; i++) {
                out[i] = (int) (ranked[i] & 0xFFFFFF);
            }
            return out;
        }

        /** For every colour of this frame, the index of the nearest palette colour (squared RGB distance). */
        IndexOf nearestIn(int[] palette) {
            int[] index = new int[keys.length];
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != EMPTY) {
                    index[i] = nearest(keys[i], palette);
                }
            }
            int[] frozenKeys = keys; // a lookup of exactly the colours counted so far
            return rgb -> index[slotIn(frozenKeys, rgb)];
        }

        private static int nearest(int rgb, int[] palette) {
            int best = 0;
            long bestDistance = Long.MAX_VALUE;
            for (int i = 0; i < palette.length; i++) {
                int dr = (rgb >> 16 & 0xFF) - (palette[i] >> 16 & 0xFF);
                int dg = (rgb >> 8 & 0xFF) - (palette[i] >> 8 & 0xFF);
                int db = (rgb & 0xFF) - (palette[i] & 0xFF);
                long d = (long) dr * dr + (long) dg * dg + (long) db * db;
                if (d < bestDistance) {
                    bestDistance = d;
                    best = i;
                }
            }
            return best;
        }

        /** A colour's palette index. */
        interface IndexOf {
            int of(int rgb);
        }
    }
}
