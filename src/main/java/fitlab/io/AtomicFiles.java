package fitlab.io;

import fitlab.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a file so that it is either absent, the old version, or complete: the bytes go to a temporary file in
 * the same folder, which is then renamed over the target in one atomic step. A process killed at any moment
 * never leaves a half-written file under the final name. Files get the usual rw-r--r-- permissions (a temp
 * file would otherwise stay owner-only), so a run folder can be shared with students as it is.
 *
 * <p>No fsync: the guarantee is against the process dying (Ctrl-C, kill -9, a full disk), which is what a
 * laptop lesson meets; forcing every per-epoch checkpoint to the platters would cost more than training.
 */
public final class AtomicFiles {
    private AtomicFiles() {}

    public static void write(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
            Files.write(tmp, bytes);
            readable(tmp);
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException e) {
            throw new UserError("cannot write " + target + ": " + describe(e));
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the write failure is what gets reported; a stray temp file is the lesser problem
                }
            }
        }
    }

    public static void write(Path target, String text) {
        write(target, text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static void readable(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: its defaults apply
        }
    }

    /** "No space left on device" and friends, in one line. */
    public static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (m == null ? "" : ": " + m);
    }
}
