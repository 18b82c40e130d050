package fitlab.report;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * An animated, looping GIF (GIF89a), each frame reduced to its own palette by {@link GifPalette}. The file is laid
 * out as the JDK's GIF writer lays it out (the first frame's palette as the global table, every later frame with its
 * own, rows interlaced, the NETSCAPE loop block after the first frame's control block, 8-bit codes), and its LZW
 * codes are the ones any GIF encoder gives, so the bytes are the JDK's ({@code ChartEncodingTest} compares them);
 * but its string table is one flat open-addressing array instead of the JDK's chained hash of short arrays, whose
 * encoder took most of an animation's time.
 */
final class GifWriter {
    /** The largest LZW code a GIF may use (12 bits). */
    private static final int MAX_CODES = 1 << 12;

    private GifWriter() {}

    static byte[] animate(List<BufferedImage> frames, int frameMillis) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 20);
        int[] strings = Lzw.table();
        int generation = 0;
        for (int i = 0; i < frames.size(); i++) {
            BufferedImage frame = GifPalette.indexed(toRgb(frames.get(i)));
            IndexColorModel model = (IndexColorModel) frame.getColorModel();
            byte[] table = colourTable(model);
            int tableBits = Integer.numberOfTrailingZeros(table.length / 3);
            int w = frame.getWidth(), h = frame.getHeight();
            if (i == 0) {
                out.writeBytes(new byte[] {'G', 'I', 'F', '8', '9', 'a'});
                short16(out, w);
                short16(out, h);
                out.write(0x80 | 0x70 | (tableBits - 1)); // global table, 8 bits of colour resolution, its size
                out.write(0); // background colour index
                out.write(0); // square pixels
                out.writeBytes(table);
            }
            // graphic control: no disposal, no user input, no transparency, the delay in hundredths
            out.writeBytes(new byte[] {0x21, (byte) 0xF9, 4, 0});
            short16(out, frameMillis / 10);
            out.writeBytes(new byte[] {0, 0});
            if (i == 0) {
                out.writeBytes(new byte[] {0x21, (byte) 0xFF, 11, 'N', 'E', 'T', 'S', 'C', 'A', 'P', 'E', '2', '.', '0', 3, 1, 0, 0, 0});
            }
            out.write(0x2C);
            short16(out, 0);
            short16(out, 0);
            short16(out, w);
            short16(out, h);
            out.write((i == 0 ? 0 : 0x80) | 0x40 | (tableBits - 1)); // own table after the first frame, interlaced
            if (i > 0) {
                out.writeBytes(table);
            }
            // the pixels are bytes: 8-bit codes whatever the palette's size, as the JDK's writer chooses
            out.write(Byte.SIZE);
            byte[] pixels = ((DataBufferByte) frame.getRaster().getDataBuffer()).getData();
            Lzw lzw = new Lzw(out, Byte.SIZE, strings, generation);
            lzw.compress(pixels, w, h);
            generation = lzw.generation();
            out.write(0); // no more data blocks
        }
        out.write(0x3B);
        return out.toByteArray();
    }

    private static BufferedImage toRgb(BufferedImage in) {
        if (in.getType() == BufferedImage.TYPE_INT_RGB) {
            return in;
        }
        BufferedImage out = new BufferedImage(in.getWidth(), in.getHeight(), BufferedImage.TYPE_INT_RGB);
        out.getGraphics().drawImage(in, 0, 0, null);
        return out;
    }

    /** The frame's palette as RGB triples, padded to the power of two (at least 2) a GIF colour table must have. */
    private static byte[] colourTable(IndexColorModel palette) {
        int size = 2;
        while (size < palette.getMapSize()) {
            size *= 2;
        }
        byte[] table = new byte[3 * size];
        for (int i = 0; i < palette.getMapSize(); i++) {
            int rgb = palette.getRGB(i);
            table[3 * i] = (byte) (rgb >> 16);
            table[3 * i + 1] = (byte) (rgb >> 8);
            table[3 * i + 2] = (byte) rgb;
        }
        return table;
    }

    private static void short16(ByteArrayOutputStream out, int v) {
        out.write(v & 0xFF);
        out.write(v >> 8 & 0xFF);
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

        /** The rows in GIF's interlaced order: every 8th from 0, every 8th from 4, every 4th from 2, every 2nd from 1. */
        void compress(byte[] pixels, int width, int height) {
            int prefix = -1;
            int[][] passes = {{0, 8}, {4, 8}, {2, 4}, {1, 2}};
            for (int[] pass : passes) {
                for (int y = pass[0]; y < height; y += pass[1]) {
                    for (int i = y * width, rowEnd = i + width; i < rowEnd; i++) {
                        int c = pixels[i] & 0xFF;
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
                }
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
