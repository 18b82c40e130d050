package fitlab.pth;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes PyTorch's zip container byte for byte as miniz does under {@code torch.save}: stored entries,
 * zeroed times, a {@code FB} extra field padding every record's data to a multiple of 64, data descriptors
 * (none for empty records), a central directory, and always the ZIP64 end record and locator.
 * Archives of 4 GiB or more are refused (fitlab's checkpoints are far smaller; the layout for those would
 * need the per-entry ZIP64 extras).
 */
final class ZipWriter {
    private static final int ALIGNMENT = 64;
    private static final long LIMIT = 0xFFFFFFFFL;

    private record Entry(byte[] name, long crc, int size, long headerOffset) {}

    private final ByteSink out;
    private final List<Entry> entries = new ArrayList<>();

    ZipWriter(int capacityHint) {
        out = new ByteSink(capacityHint);
    }

    /**
     * The exact size of the archive of records with these names and data lengths, in this order: sized to it, the
     * writer's buffer is the result, with no copy at the end (a checkpoint is written every epoch).
     */
    static long exactSize(List<String> names, List<Integer> lengths) {
        long offset = 0;
        long directory = 0;
        for (int i = 0; i < names.size(); i++) {
            int nameLength = names.get(i).getBytes(StandardCharsets.UTF_8).length;
            long start = offset + 30 + nameLength + 4;
            long pad = (ALIGNMENT - start % ALIGNMENT) % ALIGNMENT;
            int length = lengths.get(i);
            offset = start + pad + length + (length > 0 ? 16 : 0);
            directory += 46 + nameLength;
        }
        return offset + directory + 56 + 20 + 22;
    }

    void add(String name, byte[] data) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        long offset = out.size();
        int flags = data.length == 0 ? 0x0800 : 0x0808;
        long start = offset + 30 + nameBytes.length + 4;
        int pad = (int) ((ALIGNMENT - start % ALIGNMENT) % ALIGNMENT);
        out.u32(0x04034b50);
        out.u16(0); // version needed
        out.u16(flags);
        out.u16(0); // stored
        out.u32(0); // time, date
        out.u32(0); // crc (in the descriptor)
        out.u32(0); // compressed size
        out.u32(0); // uncompressed size
        out.u16(nameBytes.length);
        out.u16(4 + pad);
        out.bytes(nameBytes);
        out.u16(0x4246); // 'F','B'
        out.u16(pad);
        out.repeat('Z', pad);
        out.bytes(data);
        CRC32 crc = new CRC32();
        crc.update(data);
        if (data.length > 0) {
            out.u32(0x08074b50);
            out.u32(crc.getValue());
            out.u32(data.length);
            out.u32(data.length);
        }
        entries.add(new Entry(nameBytes, crc.getValue(), data.length, offset));
        if (out.size() >= LIMIT) {
            throw new PthFormatException("archive would exceed 4 GiB, which fitlab's writer does not support");
        }
    }

    byte[] finish() {
        long cdOffset = out.size();
        for (Entry e : entries) {
            out.u32(0x02014b50);
            out.u16(0); // made by
            out.u16(0); // needed
            out.u16(e.size == 0 ? 0x0800 : 0x0808);
            out.u16(0); // stored
            out.u32(0); // time, date
            out.u32(e.crc);
            out.u32(e.size);
            out.u32(e.size);
            out.u16(e.name.length);
            out.u16(0); // extra
            out.u16(0); // comment
            out.u16(0); // disk
            out.u16(0); // internal attributes
            out.u32(0); // external attributes
            out.u32(e.headerOffset);
            out.bytes(e.name);
        }
        long cdSize = out.size() - cdOffset;
        long zip64Offset = out.size();
        out.u32(0x06064b50);
        out.u64(44);
        out.u16(0x031e);
        out.u16(0x002d);
        out.u32(0);
        out.u32(0);
        out.u64(entries.size());
        out.u64(entries.size());
        out.u64(cdSize);
        out.u64(cdOffset);
        out.u32(0x07064b50);
        out.u32(0);
        out.u64(zip64Offset);
        out.u32(1);
        out.u32(0x06054b50);
        out.u16(0);
        out.u16(0);
        out.u16(Math.min(entries.size(), 0xFFFF));
        out.u16(Math.min(entries.size(), 0xFFFF));
        out.u32(cdSize);
        out.u32(cdOffset);
        out.u16(0);
        return out.toByteArray();
    }
}
