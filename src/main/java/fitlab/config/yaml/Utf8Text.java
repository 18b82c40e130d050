package fitlab.config.yaml;

import fitlab.UserError;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes an experiment file as strict UTF-8. The JDK's own error ("Input length = 1") names no place, so a
 * malformed byte is reported with its line, column and byte offset, and a UTF-16 file (what some Windows editors
 * save) is recognised by its byte-order mark or its zero bytes and named as such.
 */
final class Utf8Text {
    private Utf8Text() {}

    static String decode(byte[] bytes, String source) {
        if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE)
                || (bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF))) {
            throw new UserError(source + ":1:1: byte offset 0: the file is UTF-16 (it starts with a UTF-16 byte-order mark); "
                    + "save it as UTF-8");
        }
        int start = bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length);
        CoderResult result = decoder.decode(in, out, true);
        if (result.isError()) {
            throw badByte(bytes, in.position(), source);
        }
        if (decoder.flush(out).isError()) {
            throw badByte(bytes, in.position(), source);
        }
        out.flip();
        String text = out.toString();
        for (int i = start; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                throw new UserError(position(bytes, i, source) + ": byte offset " + i
                        + ": a zero byte; the file looks like UTF-16 or binary, expected UTF-8 text");
            }
        }
        return text;
    }

    private static UserError badByte(byte[] bytes, int offset, String source) {
        return new UserError(position(bytes, offset, source) + ": byte offset " + offset + ": byte 0x"
                + String.format("%02X", bytes[offset] & 0xFF) + " is not valid UTF-8; save the file as UTF-8");
    }

    /** file:line:column of a byte offset, counting columns in characters of the valid text before it. */
    private static String position(byte[] bytes, int offset, String source) {
        int lineStart = 0;
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        int column = 1;
        try {
            column = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, lineStart, offset - lineStart))
                    .length() + 1;
        } catch (CharacterCodingException e) {
            column = offset - lineStart + 1; // cannot happen: the bytes before the first bad one decode
        }
        return source + ":" + line + ":" + column;
    }
}
