package fitlab.pth;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * PyTorch's zip container, read with {@link ZipFile} (which handles stored entries with data descriptors,
 * unlike {@code ZipInputStream}). Checks what PyTorch does not: entry names (no {@code ..}, one top folder),
 * declared sizes against the file before allocating, and every record's CRC-32.
 */
final class ZipArchive implements Closeable {
    private final ZipFile zip;
    private final String source;
    private final long fileSize;
    private final long maxInflatedBytes;
    private final String root;
    private final Map<String, ZipEntry> entries = new HashMap<>();
    /** The entries under {@link #root}, by their name inside it ({@code data.pkl}, {@code data/0}, ...). */
    private final Map<String, ZipEntry> records = new HashMap<>();
    /** The file's bytes when it was small enough to read whole, else null. */
    private final byte[] content;
    /** Record positions in {@link #content}, checked against ZipFile's directory; empty map when not usable. */
    private final Map<String, LocalOffsets.Slot> slots;

    /**
     * @param content the whole file, if the caller has read it (small files), else null: records are then read
     *     through ZipFile's streams
     */
    ZipArchive(Path file, String source, long fileSize, long maxInflatedBytes, byte[] content) {
        this.source = source;
        this.fileSize = fileSize;
        this.maxInflatedBytes = maxInflatedBytes;
        try {
            zip = new ZipFile(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new PthFormatException(source + ": damaged zip archive (" + e.getMessage()
                    + "); is the file truncated or not a .pth file?");
        }
        try {
            String first = null;
            Enumeration<? extends ZipEntry> all = zip.entries();
            while (all.hasMoreElements()) {
                ZipEntry e = all.nextElement();
                String name = e.getName();
                checkName(name);
                if (first == null) {
                    first = name;
                }
                entries.put(name, e);
            }
            if (first == null) {
                throw new PthFormatException(source + ": the zip archive is empty; expected <folder>/data.pkl");
            }
            checkDeclaredSizes();
            root = first.substring(0, first.indexOf('/') + 1);
            for (Map.Entry<String, ZipEntry> e : entries.entrySet()) {
                if (e.getKey().startsWith(root)) {
                    records.put(e.getKey().substring(root.length()), e.getValue());
                }
            }
            Map<String, LocalOffsets.Slot> found = content == null ? Map.of()
                    : LocalOffsets.of(content).filter(this::agreesWithZipFile).orElse(Map.of());
            slots = new HashMap<>();
            found.forEach((name, slot) -> {
                if (name.startsWith(root)) {
                    slots.put(name.substring(root.length()), slot);
                }
            });
            this.content = slots.isEmpty() ? null : content;
        } catch (RuntimeException e) {
            closeQuietly();
            throw e instanceof PthFormatException p ? p : new PthFormatException(source + ": damaged zip directory (" + e.getMessage() + ")");
        }
    }

    /**
     * DEFLATE cannot expand data more than 1032 times (a 258-byte match coded in about 2 bits), so a record claiming
     * more is lying; a small allowance covers the stream's own header bytes.
     */
    private static final long MAX_DEFLATE_RATIO = 1032;

    /**
     * Every record's declared size is checked before anything is allocated or inflated: stored records against the
     * file, deflated ones against what their compressed bytes can possibly hold and, all together, against the
     * inflate limit and a share of the heap. A zip bomb (many records that each inflate to hundreds of megabytes) is
     * refused here, with one line, instead of exhausting the heap record by record.
     */
    private void checkDeclaredSizes() {
        long heapShare = Runtime.getRuntime().maxMemory() / 4;
        long total = 0;
        long inflated = 0;
        for (ZipEntry e : entries.values()) {
            long size = e.getSize();
            long packed = e.getCompressedSize();
            if (size < 0 || packed < 0) {
                throw new PthFormatException(where(e) + ": its size is not in the zip directory");
            }
            if (e.getMethod() == ZipEntry.STORED) {
                if (size > fileSize) {
                    throw new PthFormatException(where(e) + ": declared size " + size + " bytes exceeds the file size " + fileSize);
                }
            } else {
                if (packed > fileSize) {
                    throw new PthFormatException(where(e) + ": compressed size " + packed + " bytes exceeds the file size " + fileSize);
                }
                if (size > packed * MAX_DEFLATE_RATIO + 1024) {
                    throw new PthFormatException(where(e) + ": declares " + size + " bytes from " + packed
                            + " compressed bytes, more than DEFLATE can expand to; the zip directory is damaged or forged");
                }
                inflated += size;
                if (inflated > maxInflatedBytes) {
                    throw new PthFormatException(where(e) + ": the compressed records inflate to " + inflated
                            + " bytes or more, which exceeds the inflate limit of " + maxInflatedBytes
                            + " bytes; refusing a possible zip bomb");
                }
            }
            total += size;
            if (total > heapShare) {
                throw new PthFormatException(where(e) + ": the records declare " + total + " bytes in all, more than a quarter of "
                        + "the " + Runtime.getRuntime().maxMemory() + "-byte heap; refusing to load a file this large");
            }
        }
    }

    private String where(ZipEntry e) {
        return source + ": " + e.getName();
    }

    /** Every record the in-memory directory lists is ZipFile's, stored, with the same size and CRC, and none is missing. */
    private boolean agreesWithZipFile(Map<String, LocalOffsets.Slot> found) {
        if (found.size() != entries.size()) {
            return false;
        }
        for (Map.Entry<String, LocalOffsets.Slot> e : found.entrySet()) {
            ZipEntry z = entries.get(e.getKey());
            LocalOffsets.Slot s = e.getValue();
            if (z == null || s.method() != ZipEntry.STORED || z.getMethod() != ZipEntry.STORED || z.getSize() != s.size()
                    || z.getCrc() != s.crc()) {
                return false;
            }
        }
        return true;
    }

    private void checkName(String name) {
        if (name.indexOf('/') <= 0) {
            throw new PthFormatException(source + ": entry '" + name + "' is not in a subdirectory (expected <folder>/data.pkl ...)");
        }
        for (String part : name.split("/", -1)) {
            if (part.equals("..") || part.equals(".")) {
                throw new PthFormatException(source + ": entry '" + name + "' has a '" + part + "' path segment");
            }
        }
        if (name.startsWith("/") || name.contains("\\") || name.indexOf('\0') >= 0 || name.contains(":")) {
            throw new PthFormatException(source + ": entry '" + name + "' is not a plain relative path");
        }
    }

    /** The top folder, with its trailing slash (e.g. {@code tiny_sd/}). */
    String root() {
        return root;
    }

    boolean has(String name) {
        return records.containsKey(name);
    }

    /** Describes an entry for messages: {@code file: root/name}. */
    String where(String name) {
        return source + ": " + root + name;
    }

    /** The record's bytes, checked against the file size (or the inflate limit) and its CRC-32. */
    byte[] read(String name) {
        ZipEntry e = records.get(name);
        if (e == null) {
            throw new PthFormatException(source + ": missing record " + root + name);
        }
        long size = e.getSize();
        long limit = e.getMethod() == ZipEntry.STORED ? fileSize : maxInflatedBytes;
        if (size < 0 || size > limit || size > Integer.MAX_VALUE - 8) {
            throw new PthFormatException(where(name) + ": declared size " + size + " bytes exceeds "
                    + (e.getMethod() == ZipEntry.STORED ? "the file size " + fileSize : "the inflate limit " + limit));
        }
        LocalOffsets.Slot slot = content == null ? null : slots.get(name);
        byte[] data = slot != null ? Arrays.copyOfRange(content, slot.dataStart(), slot.dataStart() + (int) size) : stream(e, name, size);
        CRC32 crc = new CRC32();
        crc.update(data);
        if (crc.getValue() != e.getCrc()) {
            throw new PthFormatException(where(name) + ": CRC-32 mismatch (directory 0x" + Long.toHexString(e.getCrc())
                    + ", data 0x" + Long.toHexString(crc.getValue()) + "): the file is damaged");
        }
        return data;
    }

    private byte[] stream(ZipEntry e, String name, long size) {
        try (InputStream in = zip.getInputStream(e)) {
            byte[] data = new byte[(int) size];
            int got = in.readNBytes(data, 0, data.length);
            if (got != size || in.read() != -1) {
                throw new PthFormatException(where(name) + ": holds " + (got < size ? got : "more than " + size)
                        + " bytes, its directory says " + size);
            }
            return data;
        } catch (IOException | RuntimeException ex) {
            if (ex instanceof PthFormatException p) {
                throw p;
            }
            throw new PthFormatException(where(name) + ": unreadable record (" + ex.getMessage() + ")");
        }
    }

    private void closeQuietly() {
        try {
            zip.close();
        } catch (IOException ignored) {
            // nothing more to report than the original failure
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
