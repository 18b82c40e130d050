package fitlab.experiment;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fitlab.UserError;
import fitlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code class.json} of a class run (runs of one lesson that differ only in {@code seed}, one per student, joined by
 * {@code fitlab merge}): who contributed which seed, and the diagnosis each student's own run gave each cell (relative
 * to that student's sweep, as the student saw it), so the report can count how many students saw each regime.
 *
 * @param experiment the lesson's {@code name}
 * @param students   in seed order
 */
public record ClassRecord(String experiment, List<Student> students) {
    public static final String FILE = "class.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    /**
     * @param folder     the student's run folder, as given to the merge
     * @param configHash {@link ConfigHash} of that run's {@code experiment.yaml}
     * @param diagnoses  the student's own verdict (underfit | good | overfit | diverged) by class-run cell id
     */
    public record Student(long seed, String folder, String configHash, Map<String, String> diagnoses) {
        public Student {
            diagnoses = Map.copyOf(diagnoses);
        }
    }

    public ClassRecord {
        students = List.copyOf(students);
    }

    public static Path file(RunFolder run) {
        return run.root().resolve(FILE);
    }

    public static boolean exists(RunFolder run) {
        return Files.isRegularFile(file(run));
    }

    public void write(RunFolder run) {
        try {
            AtomicFiles.write(file(run), JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + FILE, e);
        }
    }

    public static ClassRecord read(RunFolder run) {
        Path f = file(run);
        try {
            return JSON.readValue(f.toFile(), ClassRecord.class);
        } catch (IOException e) {
            throw new UserError(f + ": cannot read class record: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
