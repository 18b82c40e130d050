package fitlab.io;

import fitlab.UserError;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that it is either absent, the old version, or complete: the bytes go to a temporary file in
 * the same folder, which is then renamed over the target in one atomic step. A process killed at any moment
 * never leaves a half-written file under the final name. Files get the usual rw-r--r-- permissions (less what the
 * umask removes; a temp file from createTempFile would stay owner-only), so a run folder can be shared with students
 * as it is.
 *
 * <p>No fsync: the guarantee is against the process dying (Ctrl-C, kill -9, a full disk), which is what a
 * laptop lesson meets; forcing every per-epoch checkpoint to the platters would cost more than training.
 */
public final class AtomicFiles {
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final FileAttribute<Set<PosixFilePermission>> READABLE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-r--r--"));
    private static final Set<StandardOpenOption> CREATE_WRITE = EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    private AtomicFiles() {}

    public static void write(Path target, byte[] bytes) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Temp temp = createTemp(dir, target.getFileName().toString());
            tmp = temp.path();
            try (FileChannel out = temp.channel()) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
            }
            SharedFiles.replace(tmp, target);
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

    /** A new temporary file, open for writing. */
    private record Temp(Path path, FileChannel channel) {}

    /**
     * Creates and opens {@code .<name>.<random>.tmp} in {@code dir} with rw-r--r-- (less what the umask removes, as
     * for any new file), creating {@code dir} first only when it is missing. One open call instead of {@code
     * createTempFile}, a chmod and a second open, and no {@code createDirectories} for a folder that exists (it
     * tries to make it and catches the exception with its stack trace: 1 850 of them in lesson 01's run): with a
     * checkpoint every epoch, file-system calls are a large part of what writing costs.
     */
    private static Temp createTemp(Path dir, String name) throws IOException {
        try {
            return createTempIn(dir, name);
        } catch (NoSuchFileException e) {
            Files.createDirectories(dir);
            return createTempIn(dir, name);
        }
    }

    private static Temp createTempIn(Path dir, String name) throws IOException {
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve("." + name + "." + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
            try {
                FileChannel channel = POSIX ? FileChannel.open(tmp, CREATE_WRITE, READABLE) : FileChannel.open(tmp, CREATE_WRITE);
                return new Temp(tmp, channel);
            } catch (FileAlreadyExistsException e) {
                if (attempt >= 100) {
                    throw e;
                }
            }
        }
    }

    /** "No space left on device" and friends, in one line. */
    public static String describe(IOException e) {
        String m = e.getMessage();
        return e.getClass().getSimpleName().replace("Exception", "") + (m == null ? "" : ": " + m);
    }
}
