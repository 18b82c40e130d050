package fitlab.merge;

import fitlab.UserError;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.RunLock;
import fitlab.runfolder.ShardRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * {@code fitlab merge DIR... --out RUN_DIR}: shard folders (each with a {@code shard.json}) are joined into the run
 * folder of the whole sweep; finished run folders of one lesson that differ only in {@code seed} are joined into a
 * class run. Every check runs before anything is written.
 */
public final class MergeService {
    /** What was merged: a sweep from its shards, or a class from its students' runs. */
    public enum Kind { SHARDS, CLASS }

    /** @param diagnoses for a class run, one line per point of the sweep: how many students saw each regime there */
    public record Result(Kind kind, RunFolder folder, int inputs, List<String> diagnoses) {
        public Result {
            diagnoses = List.copyOf(diagnoses);
        }
    }

    private MergeService() {}

    /**
     * Checks the inputs, writes the merged folder and hands it to {@code whileLocked} (the report) before the merged
     * folder's lock is released, so no {@code run --resume} or second report can step in between the merge and its
     * report.
     */
    public static <T> T merge(List<Path> inputs, Path out, String command, Function<Result, T> whileLocked) {
        if (inputs.isEmpty()) {
            throw new UserError("fitlab merge: give the shard or run folders to merge");
        }
        List<RunFolder> folders = new ArrayList<>();
        for (Path p : inputs) {
            if (!Files.isDirectory(p)) {
                throw new UserError(p + ": no such folder");
            }
            if (same(p, out)) {
                throw new UserError("--out " + out + ": is one of the folders to merge; merge into a new folder");
            }
            folders.add(RunFolder.existing(p));
        }
        checkOut(out);
        long sharded = folders.stream().filter(ShardRecord.STORE::exists).count();
        if (sharded == folders.size()) {
            List<ShardMerge.Input> shards = folders.stream().map(f -> new ShardMerge.Input(f, ShardRecord.STORE.read(f)))
                    .sorted(Comparator.comparingInt(s -> s.record().shard())).toList();
            var cells = ShardMerge.check(shards);
            RunFolder folder = RunFolder.createAt(out);
            try (RunLock lock = RunLock.acquire(folder.root())) {
                return whileLocked.apply(new Result(Kind.SHARDS, ShardMerge.write(shards, cells, folder, command), folders.size(), List.of()));
            }
        }
        if (sharded > 0) {
            RunFolder shard = folders.stream().filter(ShardRecord.STORE::exists).findFirst().orElseThrow();
            RunFolder whole = folders.stream().filter(f -> !ShardRecord.STORE.exists(f)).findFirst().orElseThrow();
            throw new UserError(shard.root() + " is a shard folder but " + whole.root() + " is not (no " + ShardRecord.FILE
                    + "); merge the shards of a sweep first, then merge whole runs into a class run");
        }
        var students = ClassMerge.check(folders);
        RunFolder folder = RunFolder.createAt(out);
        try (RunLock lock = RunLock.acquire(folder.root())) {
            List<String> diagnoses = ClassMerge.write(students, folder, command);
            return whileLocked.apply(new Result(Kind.CLASS, folder, folders.size(), diagnoses));
        }
    }

    /** The same rule as a run's {@code --out}, checked before any work: a new or empty folder. */
    private static void checkOut(Path out) {
        if (!Files.exists(out)) {
            return;
        }
        if (!Files.isDirectory(out)) {
            throw new UserError("--out " + out + ": exists and is not a folder");
        }
        try (Stream<Path> s = Files.list(out)) {
            if (s.findAny().isPresent()) {
                throw new UserError("--out " + out + ": folder is not empty; a run folder is never overwritten");
            }
        } catch (java.io.IOException e) {
            throw new UserError("--out " + out + ": cannot read: " + e.getMessage());
        }
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
