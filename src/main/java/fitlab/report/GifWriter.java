package fitlab.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * An animated, looping GIF (GIF89a) written one frame at a time. The first frame is the whole picture in its 256
 * most frequent colours ({@link GifPalette}); every later frame holds only the rectangle around the pixels that
 * changed since the frame before, each unchanged pixel in it transparent, with a palette of the changed pixels'
 * colours alone, and is laid over what is shown ("do not dispose"). A chart's frames differ in their title and one
 * curve: on lesson 01's animation 1-4 % of the pixels change from frame to frame, so a frame's palette is usually
 * its exact colours, and reducing and encoding it costs a fraction of a whole frame (the whole-frame GIF, each
 * frame reduced and encoded entire as the JDK's writer does, was a quarter of {@code fitlab report}'s time and
 * 515 kB on lesson 01).
 *
 * <p>Deterministic: the bytes depend only on the frames' pixels. The LZW codes are the ones any GIF encoder gives;
 * its string table is one flat open-addressing array instead of the JDK's chained hash of short arrays.
 */
final class GifWriter {
    /** The largest LZW code a GIF may use (12 bits). */
    private static final int MAX_CODES = 1 << 12;

    private GifWriter() {}

    /** The frames as one looping animation, each shown {@code frameMillis}. */
    static byte[] animate(List<BufferedImage> frames, int frameMillis) {
        Animation animation = new Animation(frameMillis);
        frames.forEach(animation::add);
        return animation.finish();
    }

    /** An animation being written: {@link #add} each frame in order (only the previous one is kept), then {@link #finish}. */
    static final class Animation {
        private final int frameMillis;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 18);
        private final int[] strings = Lzw.table();
        private int generation;
        private int[] shown; // the previous frame's pixels, 24-bit RGB
        private int width, height;

        Animation(int frameMillis) {
            this.frameMillis = frameMillis;
        }

        void add(BufferedImage image) {
            int[] pixels = image.getType() == BufferedImage.TYPE_INT_RGB
                    ? ((java.awt.image.DataBufferInt) image.getRaster().getDataBuffer()).getData().clone()
                    : image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
            for (int i = 0; i < pixels.length; i++) {
                pixels[i] &= 0xFFFFFF;
            }
            if (shown == null) {
                first(image.getWidth(), image.getHeight(), pixels);
            } else {
                if (image.getWidth() != width || image.getHeight() != height) {
                    throw new IllegalArgumentException("frame of " + image.getWidth() + "x" + image.getHeight() + " in an animation of " + width + "x" + height);
                }
                change(pixels);
            }
            shown = pixels;
        }

        byte[] finish() {
            if (shown == null) {
                throw new IllegalStateException("an animation needs a frame");
            }
            out.write(0x3B);
            return out.toByteArray();
        }

        private void first(int w, int h, int[] pixels) {
            width = w;
            height = h;
            GifPalette.Reduced reduced = GifPalette.reduce(pixels);
            byte[] table = colourTable(reduced.palette(), reduced.palette().length);
            out.writeBytes(new byte[] {'G', 'I', 'F', '8', '9', 'a'});
            short16(w);
            short16(h);
            out.write(0x80 | 0x70 | (tableBits(table) - 1)); // global table, 8 bits of colour resolution, its size
            out.write(0); // background colour index
            out.write(0); // square pixels
            out.writeBytes(table);
            control(-1);
            out.writeBytes(new byte[] {0x21, (byte) 0xFF, 11, 'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0', 3, 1, 0, 0, 0});
            image(0, 0, w, h, null, reduced.indices());
        }

        /** A later frame: the rectangle around the pixels that differ from the frame shown, the rest of it transparent. */
        private void change(int[] pixels) {
            int top = -1, bottom = -1, left = width, right = -1;
            for (int y = 0; y < height; y++) {
                int row = y * width;
                int first = java.util.Arrays.mismatch(pixels, row, row + width, shown, row, row + width);
                if (first < 0) {
                    continue;
                }
                int last = width - 1;
                while (pixels[row + last] == shown[row + last]) {
                    last--;
                }
                if (top < 0) {
                    top = y;
                }
                bottom = y;
                left = Math.min(left, first);
                right = Math.max(right, last);
            }
            if (top < 0) { // nothing changed: one transparent pixel keeps the frame's time
                control(0);
                image(0, 0, 1, 1, new byte[6], new byte[] {0});
                return;
            }
            int w = right - left + 1, h = bottom - top + 1;
            GifPalette.ColourCounts counts = GifPalette.ColourCounts.empty();
            for (int y = top; y <= bottom; y++) {
                for (int i = y * width + left, end = i + w; i < end; i++) {
                    if (pixels[i] != shown[i]) {
                        counts.add(pixels[i]);
                    }
                }
            }
            int[] palette = counts.mostFrequent(GifPalette.COLOURS - 1); // one index is left for "unchanged"
            int transparent = palette.length;
            GifPalette.ColourCounts.IndexOf lookup = counts.nearestIn(palette);
            byte[] indices = new byte[w * h];
            int k = 0, previous = -1, index = 0;
            for (int y = top; y <= bottom; y++) {
                for (int i = y * width + left, end = i + w; i < end; i++) {
                    if (pixels[i] == shown[i]) {
                        indices[k++] = (byte) transparent;
                    } else {
                        if (pixels[i] != previous) {
                            index = lookup.of(pixels[i]);
                            previous = pixels[i];
                        }
                        indices[k++] = (byte) index;
                    }
                }
            }
            control(transparent);
            image(left, top, w, h, colourTable(palette, transparent + 1), indices);
        }

        /** The graphic control block: "do not dispose", the delay in hundredths, the transparent index (or none: -1). */
        private void control(int transparent) {
            out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, (byte) (0x04 | (transparent >= 0 ? 1 : 0))});
            short16(frameMillis / 10);
            out.write(Math.max(transparent, 0));
            out.write(0);
        }

        /** An image block at (x, y): its own colour table ({@code null}: the global one), not interlaced, 8-bit codes. */
        private void image(int x, int y, int w, int h, byte[] table, byte[] indices) {
            out.write(0x2C);
            short16(x);
            short16(y);
            short16(w);
            short16(h);
            out.write(table == null ? 0 : 0x80 | (tableBits(table) - 1));
            if (table != null) {
                out.writeBytes(table);
            }
            // the pixels are bytes: 8-bit codes whatever the palette's size, as the JDK's writer chooses
            out.write(Byte.SIZE);
            Lzw lzw = new Lzw(out, Byte.SIZE, strings, generation);
            lzw.compress(indices);
            generation = lzw.generation();
            out.write(0); // no more data blocks
        }

        private void short16(int v) {
            out.write(v & 0xFF);
            out.write(v >> 8 & 0xFF);
        }
    }

    /** The palette as RGB triples, room for {@code entries}, padded to the power of two (at least 2) a GIF table must have. */
    private static byte[] colourTable(int[] palette, int entries) {
        int size = 2;
        while (size < entries) {
            size *= 2;
        }
        byte[] table = new byte[3 * size];
        for (int i = 0; i < palette.length; i++) {
            table[3 * i] = (byte) (palette[i] >> 16);
            table[3 * i + 1] = (byte) (palette[i] >> 8);
            table[3 * i + 2] = (byte) palette[i];
        }
        return table;
    }

    private static int tableBits(byte[] table) {
        return Integer.numberOfTrailingZeros(table.length / 3);
    }

    /**
     * GIF's variable-length LZW: codes from {@code codeSize + 1} bits up to 12, a clear code when the table is full,
     * packed least significant bit first into sub-blocks of 255 bytes. A string is its prefix's code and one more
     * index; the table maps (prefix, index) to the string's code directly, one int per pair (4 MB, shared by the
     * frames of an animation), each entry stamped with the table's generation so that clearing the table is one
     * increment, not a fill.
     */
    private static final class Lzw {
        private final ByteArrayOutputStream out;
        private final int codeSize, clear, end;
        private final int[] table; // [prefix << 8 | index] = generation << 12 | code
        private int generation;
        private int next, bits, limit;
        private final byte[] block = new byte[255];
        private int blockLength, bitBuffer, bitCount;

        Lzw(ByteArrayOutputStream out, int codeSize, int[] table, int generation) {
            this.out = out;
            this.codeSize = codeSize;
            this.table = table;
            this.generation = generation;
            clear = 1 << codeSize;
            end = clear + 1;
            reset();
            write(clear);
        }

        /** A table of the size every frame's encoder uses. */
        static int[] table() {
            return new int[MAX_CODES << 8];
        }

        /** The generation after this encoder's last: the next frame's encoder starts there with the same table. */
        int generation() {
            return generation + 1;
        }

        private void reset() {
            generation++;
            if (generation == 1 << 20) { // the stamp's 20 bits are used up (a million table fills): clear once
                java.util.Arrays.fill(table, 0);
                generation = 1;
            }
            next = clear + 2;
            bits = codeSize + 1;
            limit = (1 << bits) - 1;
        }

        /** The indices in row order. */
        void compress(byte[] pixels) {
            int prefix = -1;
            for (byte pixel : pixels) {
                int c = pixel & 0xFF;
                if (prefix < 0) {
                    prefix = c;
                    continue;
                }
                int slot = prefix << 8 | c;
                int entry = table[slot];
                if (entry >>> 12 == generation) {
                    prefix = entry & (MAX_CODES - 1);
                    continue;
                }
                write(prefix);
                if (next < MAX_CODES) {
                    table[slot] = generation << 12 | next;
                    if (next++ > limit) {
                        bits++;
                        limit = (1 << bits) - 1;
                    }
                } else {
                    // the table is full: start again, as a decoder does on the clear code
                    write(clear);
                    reset();
                }
                prefix = c;
            }
            if (prefix >= 0) {
                write(prefix);
            }
            write(end);
            if (bitCount > 0) {
                byteOut(bitBuffer & 0xFF);
            }
            if (blockLength > 0) {
                flushBlock();
            }
        }

        private void write(int code) {
            bitBuffer |= code << bitCount;
            bitCount += bits;
            while (bitCount >= 8) {
                byteOut(bitBuffer & 0xFF);
                bitBuffer >>>= 8;
                bitCount -= 8;
            }
        }

        private void byteOut(int b) {
            block[blockLength++] = (byte) b;
            if (blockLength == block.length) {
                flushBlock();
            }
        }

        private void flushBlock() {
            out.write(blockLength);
            out.write(block, 0, blockLength);
            blockLength = 0;
        }
    }
}
