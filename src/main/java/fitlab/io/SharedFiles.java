package fitlab.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Replacing and deleting files that another process may have open: the only renames fitlab does, and the deletes of
 * old checkpoints while training runs.
 *
 * <p>On Linux and macOS a rename replaces a file, and a delete removes it, even while some process has it open.
 * Windows refuses both ({@link AccessDeniedException}) while another process holds the file open without delete
 * sharing: a virus scanner or the search indexer looking at the checkpoint written a moment ago, or a student's
 * notebook reading {@code best.pth}. Those holds last milliseconds to a few seconds, so the operation is retried for
 * a few seconds before the failure is reported; where it cannot fail this way the first attempt is the only one.
 */
public final class SharedFiles {
    /** Total wait before giving up: longer than a scanner's look at a file, short enough to report a real lock. */
    private static final long GIVE_UP_AFTER_MILLIS = 5_000;

    private SharedFiles() {}

    interface Operation {
        void run() throws IOException;
    }

    /** Renames {@code tmp} over {@code target} in one atomic step. */
    public static void replace(Path tmp, Path target) throws IOException {
        retry(() -> Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING));
    }

    /** Deletes {@code file} if it exists. */
    public static void deleteIfExists(Path file) throws IOException {
        retry(() -> Files.deleteIfExists(file));
    }

    private static void retry(Operation operation) throws IOException {
        retry(operation, GIVE_UP_AFTER_MILLIS);
    }

    static void retry(Operation operation, long giveUpAfterMillis) throws IOException {
        long deadline = System.nanoTime() + giveUpAfterMillis * 1_000_000;
        long pause = 1;
        while (true) {
            try {
                operation.run();
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
