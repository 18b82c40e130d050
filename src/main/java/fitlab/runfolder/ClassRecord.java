package fitlab.runfolder;

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

    /** Where the record lives in a run folder, and how it is read. */
    public static final RecordFile.AtRoot<ClassRecord> STORE = new RecordFile.AtRoot<>(FILE, ClassRecord.class, "class record");

    public void write(RunFolder run) {
        STORE.write(run, this);
    }
}
