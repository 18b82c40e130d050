package fitlab.runfolder;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fitlab.UserError;
import fitlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A small JSON record beside a run's files ({@code shard.json}, {@code class.json}, {@code merge.json}, a cell's
 * {@code summary.json}): written atomically, indented,
 * map keys sorted so the bytes depend only on the content; a file that does not read back is a user error naming it.
 */
public final class RecordFile {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private RecordFile() {}

    public static void write(Path file, Object record) {
        AtomicFiles.write(file, bytes(record, file.getFileName().toString()));
    }

    /** @param what the record's name if it cannot be serialised (a bug, never the user's input) */
    public static byte[] bytes(Object record, String what) {
        try {
            return JSON.writeValueAsBytes(record);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + what, e);
        }
    }

    /** @param what the record's name in the error, e.g. {@code shard record} */
    public static <T> T read(Path file, Class<T> type, String what) {
        try {
            return JSON.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read " + what + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A record kept in one file at the run folder's root: where it lives, whether it is there, reading and writing it. */
    public record AtRoot<T>(String fileName, Class<T> type, String what) {
        public Path file(RunFolder run) {
            return run.root().resolve(fileName);
        }

        public boolean exists(RunFolder run) {
            return java.nio.file.Files.isRegularFile(file(run));
        }

        public void write(RunFolder run, T record) {
            RecordFile.write(file(run), record);
        }

        public T read(RunFolder run) {
            return RecordFile.read(file(run), type, what);
        }
    }
}
