package fitlab.runfolder;

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
        RecordFile.write(file(run), this);
    }

    public static ClassRecord read(RunFolder run) {
        return RecordFile.read(file(run), ClassRecord.class, "class record");
    }
}
