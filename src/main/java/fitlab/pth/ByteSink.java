package fitlab.pth;

import java.util.Arrays;

/** A growable byte array with little- and big-endian writers (faster than a DataOutputStream chain). */
final class ByteSink {
    private byte[] buf;
    private int size;

    ByteSink(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    int size() {
        return size;
    }

    /** The bytes written; the buffer itself when it was sized exactly. */
    byte[] toByteArray() {
        return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            long want = Math.max((long) buf.length * 2, (long) size + more);
            if (want > Integer.MAX_VALUE - 8) {
                throw new PthFormatException("value too large to write: more than 2 GiB in one buffer");
            }
            buf = Arrays.copyOf(buf, (int) want);
        }
    }

    void u8(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    void u16(int v) {
        ensure(2);
        buf[size++] = (byte) v;
        buf[size++] = (byte) (v >>> 8);
    }

    void u32(long v) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
    }

    void u64(long v) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
    }

    void f64BigEndian(double d) {
        long v = Double.doubleToRawLongBits(d);
        ensure(8);
        for (int i = 7; i >= 0; i--) {
            buf[size++] = (byte) (v >>> (8 * i));
        }
    }

    void bytes(byte[] b) {
        bytes(b, 0, b.length);
    }

    void bytes(byte[] b, int off, int len) {
        ensure(len);
        System.arraycopy(b, off, buf, size, len);
        size += len;
    }

    void repeat(int b, int count) {
        ensure(count);
        Arrays.fill(buf, size, size + count, (byte) b);
        size += count;
    }
}
