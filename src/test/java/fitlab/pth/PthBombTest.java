package fitlab.pth;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.testsupport.PyTorch;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code .pth} whose deflated records inflate far beyond the heap (a zip bomb) is refused with one line before
 * anything is inflated, whatever the compression; a record whose directory claims more than DEFLATE can produce is
 * refused as forged; complex tensors are named as an unsupported dtype.
 */
class PthBombTest {
    @TempDir
    Path dir;

    /** A state_dict of {@code tensors} one-element tensors whose storage records are {@code recordBytes} of zeros, deflated. */
    static void writeBomb(Path file, int tensors, int recordBytes) throws IOException {
        Map<String, Object> sd = new LinkedHashMap<>();
        for (int i = 0; i < tensors; i++) {
            sd.put("w" + i, Tensor.of(new double[] {i}, 1));
        }
        Pickler.Pickled p = Pickler.pickle(OrderedDict.stateDict(sd));
        byte[] zeros = new byte[1 << 20];
        try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
            zip.setLevel(Deflater.BEST_SPEED);
            zip.putNextEntry(new ZipEntry("bomb/data.pkl"));
            zip.write(p.pickle());
            zip.closeEntry();
            for (int i = 0; i < p.storages().size(); i++) {
                zip.putNextEntry(new ZipEntry("bomb/data/" + i));
                zip.write(p.storages().get(i).bytes());
                for (int left = recordBytes - p.storages().get(i).bytes().length; left > 0; left -= zeros.length) {
                    zip.write(zeros, 0, Math.min(left, zeros.length));
                }
                zip.closeEntry();
            }
            zip.putNextEntry(new ZipEntry("bomb/version"));
            zip.write("3\n".getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
    }

    @Test
    void deflatedRecordsAboveTheInflateLimitAreRefusedBeforeInflating() throws IOException {
        Path file = dir.resolve("small-bomb.pth");
        writeBomb(file, 4, 1 << 20); // 4 MiB once inflated
        PthFormatException e = assertThrows(PthFormatException.class,
                () -> PthReader.readFile(file, new ReadOptions(n -> false, 3L << 20)));
        assertTrue(e.getMessage().startsWith(file.toString() + ": bomb/data/"), e.getMessage());
        assertTrue(e.getMessage().contains("zip bomb"), e.getMessage());
        // the same file within the limit is an ordinary state_dict
        Object value = PthReader.readFile(file, new ReadOptions(n -> false, 8L << 20)).value();
        assertEquals(4, ((Map<?, ?>) value).size());
    }

    @Test
    void aDirectoryClaimingMoreThanDeflateCanProduceIsRefused() throws IOException {
        Path file = dir.resolve("liar.pth");
        writeBomb(file, 1, 4096);
        byte[] bytes = Files.readAllBytes(file);
        // patch the central directory's uncompressed size of bomb/data/0 to 900 MiB (the compressed record is tiny)
        int cd = lastIndexOf(bytes, new byte[] {'P', 'K', 1, 2});
        List<Integer> headers = new ArrayList<>();
        for (int i = 0; i <= cd; i++) {
            if (bytes[i] == 'P' && bytes[i + 1] == 'K' && bytes[i + 2] == 1 && bytes[i + 3] == 2) {
                headers.add(i);
            }
        }
        int patched = 0;
        for (int h : headers) {
            int nameLength = (bytes[h + 28] & 0xFF) | (bytes[h + 29] & 0xFF) << 8;
            String name = new String(bytes, h + 46, nameLength, StandardCharsets.UTF_8);
            if (name.equals("bomb/data/0")) {
                int size = 900 << 20;
                for (int k = 0; k < 4; k++) {
                    bytes[h + 24 + k] = (byte) (size >>> (8 * k));
                }
                patched++;
            }
        }
        assertEquals(1, patched);
        Files.write(file, bytes);
        PthFormatException e = assertThrows(PthFormatException.class, () -> PthReader.read(file));
        assertTrue(e.getMessage().contains("more than DEFLATE can expand to"), e.getMessage());
    }

    /**
     * The case on a small heap: three records of 400 MiB of zeros (1.2 GiB inflated, a file of about 5 MB), each
     * within the per-record inflate limit but larger than the 256 MiB heap of the JVM reading them. {@code inspect} and
     * {@code eval} used to die with OutOfMemoryError and a stack trace.
     */
    @Test
    void aZipBombLargerThanTheHeapGivesOneLineAndExitTwoInARealProcess() throws Exception {
        Path file = dir.resolve("bomb.pth");
        writeBomb(file, 3, 400 << 20);
        assertTrue(Files.size(file) < 8 << 20, "bomb file is " + Files.size(file) + " bytes");
        for (String[] args : new String[][] {{"inspect", file.toString()}, {"eval", file.toString(), "--data", file.toString()}}) {
            List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m", "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "fitlab.cli.Main"));
            cmd.addAll(List.of(args));
            Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            p.getErrorStream().transferTo(err);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "did not finish");
            String stderr = err.toString(StandardCharsets.UTF_8);
            assertEquals(2, p.exitValue(), args[0] + ": " + stderr);
            assertEquals(1, stderr.strip().lines().count(), stderr);
            assertTrue(stderr.contains(file.toString()) && stderr.contains("bomb/data/"), stderr);
            assertFalse(stderr.contains("OutOfMemoryError") || stderr.contains("\tat "), stderr);
        }
    }

    @Test
    void aComplexTensorIsAnUnsupportedDtype() throws IOException {
        PyTorch.require();
        PyTorch.runOk("""
                import torch
                torch.save({'z': torch.tensor([1 + 2j, 3 - 1j], dtype=torch.complex128)}, 'c128.pth')
                torch.save({'z': torch.tensor([1 + 2j], dtype=torch.complex64)}, 'c64.pth')
                """, dir);
        for (String[] c : new String[][] {{"c128.pth", "complex128"}, {"c64.pth", "complex64"}}) {
            Path file = dir.resolve(c[0]);
            for (ReadOptions options : new ReadOptions[] {ReadOptions.allowing(n -> false), ReadOptions.allowing(n -> true)}) {
                PthFormatException e = assertThrows(PthFormatException.class, () -> PthReader.readFile(file, options));
                assertTrue(e.getMessage().contains("unsupported dtype " + c[1]), e.getMessage());
                assertFalse(e.getMessage().contains("malformed"), e.getMessage());
            }
        }
    }

    private static int lastIndexOf(byte[] a, byte[] b) {
        for (int i = a.length - b.length; i >= 0; i--) {
            boolean match = true;
            for (int j = 0; j < b.length && match; j++) {
                match = a[i + j] == b[j];
            }
            if (match) {
                return i;
            }
        }
        return -1;
    }
}
