package fitlab.runfolder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code shard.json} of a shard folder: which shard of which experiment it holds, so {@code fitlab merge} can check
 * that shards belong together and {@code fitlab run --resume} trains only the shard's cells.
 *
 * @param experiment the experiment's {@code name}
 * @param configHash {@link ConfigHash} of the folder's {@code experiment.yaml} (the whole sweep, not just these cells)
 * @param shard      K of {@code K/N}
 * @param of         N of {@code K/N}
 * @param cells      the ids of this shard's cells, in the experiment's order
 */
public record ShardRecord(String experiment, String configHash, int shard, int of, List<String> cells) {
    public static final String FILE = "shard.json";
    public ShardRecord {
        cells = List.copyOf(cells);
    }

    public Shard asShard() {
        return new Shard(shard, of);
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

    public static ShardRecord read(RunFolder run) {
        return RecordFile.read(file(run), ShardRecord.class, "shard record");
    }
}
