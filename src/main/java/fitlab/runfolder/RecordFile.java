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
}
