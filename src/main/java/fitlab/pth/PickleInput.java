package fitlab.pth;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked cursor over pickle bytes. Every failure is a {@link PthFormatException} naming
 * {@code where} (file and entry) and the byte offset, so callers never see index or buffer exceptions.
 */
final class PickleInput {
    private final byte[] data;
    private final String where;
    private int pos;

    PickleInput(byte[] data, String where) {
        this.data = data;
        this.where = where;
    }

    int position() {
        return pos;
    }

    int remaining() {
        return data.length - pos;
    }

    PthFormatException error(int offset, String what) {
        return new PthFormatException(where + " byte " + offset + ": " + what);
    }

    private void need(long n, String what) {
        if (n < 0 || n > remaining()) {
            throw error(pos, "truncated: " + what + " needs " + n + " bytes, " + remaining() + " left");
        }
    }

    int u8() {
        need(1, "an opcode or argument");
        return data[pos++] & 0xff;
    }

    int u16() {
        need(2, "a 2-byte argument");
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8;
        pos += 2;
        return v;
    }

    int i32() {
        need(4, "a 4-byte argument");
        int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16 | (data[pos + 3] & 0xff) << 24;
        pos += 4;
        return v;
    }

    long u32() {
        return i32() & 0xffffffffL;
    }

    long i64() {
        need(8, "an 8-byte argument");
        long v = 0;
        for (int i = 7; i >= 0; i--) {
            v = v << 8 | (data[pos + i] & 0xff);
        }
        pos += 8;
        return v;
    }

    double f64BigEndian() {
        need(8, "a float");
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = v << 8 | (data[pos + i] & 0xff);
        }
        pos += 8;
        return Double.longBitsToDouble(v);
    }

    /** {@code n} bytes; {@code n} comes from the file, so it is checked against what is left before allocating. */
    byte[] bytes(long n) {
        need(n, "a length-prefixed value");
        byte[] out = new byte[(int) n];
        System.arraycopy(data, pos, out, 0, (int) n);
        pos += (int) n;
        return out;
    }

    void skip(long n) {
        need(n, "a frame");
    }

    String utf8(long n) {
        int start = pos;
        need(n, "a string");
        boolean ascii = true;
        for (int i = pos; i < pos + n && ascii; i++) {
            ascii = data[i] >= 0;
        }
        if (ascii) { // the common case, without a decoder
            String s = new String(data, pos, (int) n, StandardCharsets.ISO_8859_1);
            pos += (int) n;
            return s;
        }
        try {
            String s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(data, pos, (int) n))
                    .toString();
            pos += (int) n;
            return s;
        } catch (CharacterCodingException e) {
            throw error(start, "string is not valid UTF-8");
        }
    }

    String latin1(long n) {
        need(n, "a string");
        String s = new String(data, pos, (int) n, StandardCharsets.ISO_8859_1);
        pos += (int) n;
        return s;
    }

    /** A newline-terminated ASCII line (GLOBAL's arguments), without the newline. */
    String line() {
        int start = pos;
        for (int i = pos; i < data.length && i - start <= 1024; i++) {
            if (data[i] == '\n') {
                String s = new String(data, start, i - start, StandardCharsets.ISO_8859_1);
                pos = i + 1;
                if (!s.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
                    throw error(start, "GLOBAL name is not printable ASCII");
                }
                return s;
            }
        }
        throw error(start, "truncated: GLOBAL expects a newline-terminated name");
    }
}
