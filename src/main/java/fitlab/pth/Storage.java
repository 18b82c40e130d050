package fitlab.pth;

import java.util.Objects;

/**
 * The raw bytes behind one or more tensors, little-endian, exactly {@code numel × elementSize} long.
 * Identity matters: tensors that share one {@code Storage} object (views, tied weights) are written
 * as one {@code data/<key>} record, as PyTorch does.
 */
public final class Storage {
    private final DType dtype;
    private final byte[] bytes;

    public Storage(DType dtype, byte[] bytes) {
        this.dtype = Objects.requireNonNull(dtype);
        this.bytes = Objects.requireNonNull(bytes);
        if (bytes.length % dtype.elementSize() != 0) {
            throw new IllegalArgumentException(bytes.length + " bytes is not a whole number of " + dtype.torchName() + " elements");
        }
    }

    public DType dtype() {
        return dtype;
    }

    /** The backing array itself (not a copy): little-endian element bytes. */
    public byte[] bytes() {
        return bytes;
    }

    public long numel() {
        return bytes.length / dtype.elementSize();
    }

    /** A copy with every element's bytes reversed (for files written in big-endian order). */
    public Storage byteSwapped() {
        int size = dtype.elementSize();
        byte[] out = new byte[bytes.length];
        for (int at = 0; at < bytes.length; at += size) {
            for (int i = 0; i < size; i++) {
                out[at + i] = bytes[at + size - 1 - i];
            }
        }
        return new Storage(dtype, out);
    }
}
