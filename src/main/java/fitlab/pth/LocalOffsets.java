package fitlab.pth;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each stored record's data starts in an archive held in memory, read from its central directory and local
 * headers. {@link java.util.zip.ZipFile} stays the authority on the archive (it validates the directory first, and
 * {@link ZipArchive} checks every entry found here against it); this only spares one positioned read per local
 * header and per record, which for a checkpoint of two dozen small tensors cost more than everything else in
 * reading it. Anything unexpected gives {@link Optional#empty()}, and the caller reads through ZipFile instead.
 */
final class LocalOffsets {
    /** A record: where its data starts in the archive bytes, with the central directory's size and CRC. */
    record Slot(int dataStart, long size, long crc, int method) {}

    private static final int EOCD = 0x06054b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;
    private static final int CEN = 0x02014b50;
    private static final int LOC = 0x04034b50;

    private LocalOffsets() {}

    static Optional<Map<String, Slot>> of(byte[] zip) {
        try {
            return Optional.ofNullable(parse(zip));
        } catch (IndexOutOfBoundsException e) {
            return Optional.empty();
        }
    }

    private static Map<String, Slot> parse(byte[] b) {
        int eocd = -1;
        for (int i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xFFFF); i--) {
            if (u32(b, i) == EOCD) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            return null;
        }
        long count = u16(b, eocd + 10);
        long cenOffset = u32(b, eocd + 16);
        if (cenOffset == 0xFFFFFFFFL || count == 0xFFFF) {
            int locator = eocd - 20;
            if (locator < 0 || u32(b, locator) != ZIP64_LOCATOR) {
                return null;
            }
            long zip64 = u64(b, locator + 8);
            if (zip64 < 0 || zip64 > locator || u32(b, (int) zip64) != ZIP64_EOCD) {
                return null;
            }
            count = u64(b, (int) zip64 + 32);
            cenOffset = u64(b, (int) zip64 + 48);
        }
        if (cenOffset < 0 || cenOffset >= b.length || count < 0 || count > b.length / 46) {
            return null;
        }
        Map<String, Slot> slots = new HashMap<>();
        int p = (int) cenOffset;
        for (long e = 0; e < count; e++) {
            if (u32(b, p) != CEN) {
                return null;
            }
            int method = u16(b, p + 10);
            long crc = u32(b, p + 16);
            long size = u32(b, p + 24);
            if (u32(b, p + 20) != size) {
                return null; // a stored record's compressed and plain sizes are equal; ZipFile reads the compressed one
            }
            int nameLength = u16(b, p + 28);
            int extraLength = u16(b, p + 30);
            int commentLength = u16(b, p + 32);
            long local = u32(b, p + 42);
            if (size == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                return null; // sizes in a ZIP64 extra: fitlab's and torch's small archives never need them
            }
            String name = new String(b, p + 46, nameLength, java.nio.charset.StandardCharsets.UTF_8);
            int l = (int) local;
            if (local >= b.length || u32(b, l) != LOC || u16(b, l + 26) != nameLength
                    || !java.util.Arrays.equals(b, l + 30, l + 30 + nameLength, b, p + 46, p + 46 + nameLength)) {
                return null;
            }
            long dataStart = local + 30 + nameLength + u16(b, l + 28);
            if (dataStart + size > b.length) {
                return null;
            }
            slots.put(name, new Slot((int) dataStart, size, crc, method));
            p += 46 + nameLength + extraLength + commentLength;
        }
        return slots;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
    }

    private static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
