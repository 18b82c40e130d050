package fitlab.runfolder;

import fitlab.UserError;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One writer per run folder: an OS file lock on {@code RUN_DIR/.lock}, held while a run (new, or finished with
 * {@code run --resume}), a cell continued by {@code fitlab resume} or a report writes into the folder. The operating system releases it when the process dies, even by kill -9, so a crashed
 * run never blocks the next one.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = ".lock";
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    public static RunLock acquire(Path runDir) {
        Path file = runDir.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.READ);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw busy(runDir);
            }
            channel.truncate(0);
            channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)));
            return new RunLock(channel, lock);
        } catch (OverlappingFileLockException e) {
            closeQuietly(channel);
            throw busy(runDir);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new UserError("cannot lock " + file + ": " + e.getMessage());
        }
    }

    private static UserError busy(Path runDir) {
        String pid = "";
        try {
            pid = java.nio.file.Files.readString(runDir.resolve(FILE)).strip();
        } catch (IOException ignored) {
            // the message is still clear without the pid
        }
        return new UserError(runDir + ": another fitlab process" + (pid.isEmpty() ? "" : " (pid " + pid + ")")
                + " is writing this run folder; wait for it to finish or stop it first");
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel c) {
        if (c != null) {
            try {
                c.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
