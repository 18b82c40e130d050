package fitlab.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Puts a finished temporary file in place of its target in one atomic step: the only rename fitlab does.
 *
 * <p>On Linux and macOS a rename replaces the target even while some process has it open. Windows refuses
 * ({@link AccessDeniedException}) while another process holds the target open without delete sharing: a virus
 * scanner or the search indexer looking at the checkpoint written a moment ago, or a student's notebook reading
 * {@code best.pth}. Those holds last milliseconds to a few seconds, so the rename is retried for a few seconds
 * before the failure is reported; where renames cannot fail this way the first attempt is the only one.
 */
public final class AtomicRename {
    /** Total wait before giving up: longer than a scanner's look at a file, short enough to report a real lock. */
    private static final long GIVE_UP_AFTER_MILLIS = 5_000;

    private AtomicRename() {}

    public static void replace(Path tmp, Path target) throws IOException {
        long deadline = System.nanoTime() + GIVE_UP_AFTER_MILLIS * 1_000_000;
        long pause = 1;
        while (true) {
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                return;
            } catch (AccessDeniedException e) {
                if (System.nanoTime() + pause * 1_000_000 > deadline) {
                    throw e;
                }
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, 250);
            }
        }
    }
}
