package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every way a file can be wrong gives a one-line {@link PthFormatException} saying where and what. */
class PthReaderErrorTest {
    static byte[] tinyFile() {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("weight", Tensor.of(new double[] {1, 2, 3, 4, 5, 6}, 2, 3));
        e.put("bias", Tensor.of(new double[] {0.5, -1}, 2));
        return PthWriter.toBytes(OrderedDict.stateDict(e), "tiny");
    }

    /** A container holding {@code pickle} as data.pkl (plus version), so only the pickle is wrong. */
    static byte[] withPickle(byte[] pickle) {
        ZipWriter zip = new ZipWriter(1024);
        zip.add("archive/data.pkl", pickle);
        zip.add("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        return zip.finish();
    }

    static byte[] pickle(String latin1) {
        return ("\u0080\u0002" + latin1).getBytes(StandardCharsets.ISO_8859_1);
    }

    static PthFormatException fails(byte[] file, String... expectedParts) {
        PthFormatException e = assertThrows(PthFormatException.class, () -> PthBytes.read(file, "bad.pth"));
        String m = e.getMessage();
        assertTrue(m.startsWith("bad.pth"), m);
        assertTrue(!m.contains("\n"), "one line: " + m);
        for (String part : expectedParts) {
            assertTrue(m.contains(part), "'" + part + "' missing from: " + m);
        }
        return e;
    }

    @Test
    void notAZip() {
        fails("hello, this is not a checkpoint".getBytes(StandardCharsets.UTF_8), "not a .pth file");
        fails(new byte[0], "not a .pth file");
    }

    @Test
    void truncatedAtEveryByte() {
        byte[] file = tinyFile();
        PthBytes.read(file, "bad.pth"); // the whole file is fine
        for (int n = 0; n < file.length; n++) {
            fails(Arrays.copyOf(file, n));
        }
    }

    @Test
    void missingDataPklOrVersion() {
        ZipWriter noPkl = new ZipWriter(256);
        noPkl.add("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        fails(noPkl.finish(), "missing record archive/data.pkl");
        ZipWriter noVersion = new ZipWriter(256);
        noVersion.add("archive/data.pkl", pickle("N."));
        fails(noVersion.finish(), "missing record archive/version");
    }

    @Test
    void storageRecordShorterThanTheTensorNeeds() {
        Pickler.Pickled p = Pickler.pickle(Tensor.of(new double[] {1, 2, 3}, 3));
        ZipWriter zip = new ZipWriter(1024);
        zip.add("archive/data.pkl", p.pickle());
        zip.add("archive/data/0", new byte[20]);
        zip.add("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        fails(zip.finish(), "archive/data/0", "holds 20 bytes, expected 3 × 8");
    }

    @Test
    void crcMismatch() {
        byte[] file = tinyFile();
        byte[] one = new byte[8];
        java.nio.ByteBuffer.wrap(one).order(java.nio.ByteOrder.LITTLE_ENDIAN).putDouble(6.0);
        int at = indexOf(file, one);
        file[at] ^= 0x01;
        fails(file, "tiny/data/0", "CRC-32 mismatch");
    }

    @ParameterizedTest
    @ValueSource(strings = {"os\nsystem", "builtins\neval", "posix\nsystem", "__builtin__\nexec", "subprocess\nPopen"})
    void hostileGlobalsAreRefusedWithTheirNameAndOffsetEvenWhenClassesAreAllowed(String global) {
        byte[] file = withPickle(pickle("c" + global + "\nX\u0002\u0000\u0000\u0000ls\u0085R."));
        String name = global.replace('\n', '.');
        fails(file, "archive/data.pkl byte 2", "'" + name + "'", "not allowed");
        PthFormatException e = assertThrows(PthFormatException.class,
                () -> PthBytes.readFile(file, "bad.pth", ReadOptions.allowing(n -> true)));
        assertTrue(e.getMessage().contains(name), e.getMessage());
    }

    @Test
    void allowedClassStillCannotBeCalledWithReduce() {
        byte[] file = withPickle(pickle("cmymodels\nNet\n)R."));
        PthFormatException e = assertThrows(PthFormatException.class,
                () -> PthBytes.readFile(file, "bad.pth", ReadOptions.allowing(n -> true)));
        assertTrue(e.getMessage().contains("REDUCE on 'mymodels.Net' is not allowed"), e.getMessage());
    }

    @Test
    void unsupportedOpcode() {
        fails(withPickle(pickle("I1\n.")), "byte 2", "unsupported pickle opcode INT");
        fails(withPickle(pickle("\u0082\u0001.")), "unsupported pickle opcode EXT1");
    }

    @Test
    void memoIndexOutOfRange() {
        fails(withPickle(pickle("h\u0005.")), "byte 2", "memo index 5 out of range");
    }

    @Test
    void hugeDeclaredLengthsFailFast() {
        fails(withPickle(pickle("X\u00f0\u00ff\u00ff\u00ff.")), "truncated");
        fails(withPickle(pickle("\u008d\u0000\u0000\u0000\u0000\u0000\u0001\u0000\u0000.")), "truncated");
        // a 10^12-element shape over a 3-element storage
        Tensor small = Tensor.of(new double[] {1, 2, 3}, 3);
        Tensor huge = new Tensor(small.storage(), 0, new long[] {1_000_000, 1_000_000}, new long[] {1_000_000, 1}, false);
        fails(PthWriter.toBytes(huge, "archive"), "too large");
        Tensor wide = new Tensor(small.storage(), 0, new long[] {1000}, new long[] {1}, false);
        fails(PthWriter.toBytes(wide, "archive"), "reaches element 999 of a storage of 3");
        // a persistent id claiming 10^12 elements in a 24-byte record
        byte[] pkl = Pickler.pickle(Tensor.of(new double[] {1, 2, 3}, 3)).pickle();
        byte[] patched = replace(pkl, new byte[] {'K', 3, 't'}, ("\u008a\u0006\u0000\u0010\u00a5\u00d4\u00e8\u0000t").getBytes(StandardCharsets.ISO_8859_1));
        ZipWriter zip = new ZipWriter(1024);
        zip.add("archive/data.pkl", patched);
        zip.add("archive/data/0", new byte[24]);
        zip.add("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        fails(zip.finish(), "expected 1000000000000 × 8");
    }

    @Test
    void zipBombIsBoundedByTheInflateLimit() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(bytes)) {
            z.putNextEntry(new ZipEntry("archive/data.pkl"));
            z.write(new byte[4 << 20]);
            z.closeEntry();
            z.putNextEntry(new ZipEntry("archive/version"));
            z.write("3\n".getBytes(StandardCharsets.US_ASCII));
            z.closeEntry();
        }
        PthFormatException e = assertThrows(PthFormatException.class,
                () -> PthBytes.readFile(bytes.toByteArray(), "bomb.pth", new ReadOptions(n -> false, 1 << 20)));
        assertTrue(e.getMessage().contains("exceeds the inflate limit"), e.getMessage());
    }

    @Test
    void storedSizeLargerThanTheFile() {
        byte[] file = tinyFile();
        // patch the central directory's sizes of the first entry (data.pkl) to 2^31
        int cd = indexOf(file, new byte[] {'P', 'K', 1, 2});
        file[cd + 23] = 0x70;
        file[cd + 27] = 0x70;
        fails(file);
    }

    @Test
    void entryNamesWithDotDot() {
        ZipWriter zip = new ZipWriter(256);
        zip.add("archive/../evil/data.pkl", pickle("N."));
        zip.add("archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
        fails(zip.finish(), "'..' path segment");
        ZipWriter flat = new ZipWriter(256);
        flat.add("data.pkl", pickle("N."));
        fails(flat.finish(), "not in a subdirectory");
    }

    @Test
    void deeplyNestedPicklesAreBoundedWithoutStackOverflow() {
        int n = 200_000;
        fails(withPickle(pickle("]".repeat(n) + "a".repeat(n - 1) + ".")), "nested deeper than");
        fails(withPickle(pickle("N" + "\u0085".repeat(n) + ".")), "nested deeper than");
        fails(withPickle(pickle("(".repeat(n) + "N.")), "nested MARKs");
        fails(withPickle(pickle("]q\u0000h\u0000a.")), "contains itself");
        // deep tuples as dict keys are rejected before Java hashes them recursively
        fails(withPickle(pickle("}" + "N" + "\u0085".repeat(n) + "Ns.")), "dict key nested deeper");
    }

    static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("pattern not found");
    }

    static byte[] replace(byte[] hay, byte[] from, byte[] to) {
        int at = indexOf(hay, from);
        byte[] out = new byte[hay.length - from.length + to.length];
        System.arraycopy(hay, 0, out, 0, at);
        System.arraycopy(to, 0, out, at, to.length);
        System.arraycopy(hay, at + from.length, out, at + to.length, hay.length - at - from.length);
        return out;
    }
}
