package fitlab.pth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The reader's tests build {@code .pth} files in memory; the reader reads files (its zip directory is ZipFile's), so
 * the bytes go through a temp file, with {@code sourceName} standing for it in messages. The one copy of that step.
 */
final class PthBytes {
    private PthBytes() {}

    static Object read(byte[] bytes, String sourceName) {
        return readFile(bytes, sourceName, ReadOptions.weightsOnly()).value();
    }

    static PthFile readFile(byte[] bytes, String sourceName, ReadOptions options) {
        return withFile(bytes, file -> PthReader.readFile(file, sourceName, options));
    }

    /** The bytes of {@code <root>/data.pkl}, found through the reader's own zip handling. */
    static byte[] dataPkl(byte[] pth) {
        return withFile(pth, file -> {
            try (ZipArchive zip = new ZipArchive(file, "pth", pth.length, 1L << 30, pth)) {
                return zip.read("data.pkl");
            }
        });
    }

    private static <T> T withFile(byte[] bytes, java.util.function.Function<Path, T> read) {
        Path tmp = null;
        try {
            tmp = Files.createTempFile("fitlab-pth-", ".pth");
            Files.write(tmp, bytes);
            return read.apply(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // a stray temp file is not worth hiding the test's result
                }
            }
        }
    }
}
