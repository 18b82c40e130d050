package fitlab.runfolder;

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

    /** Where the record lives in a run folder, and how it is read. */
    public static final RecordFile.AtRoot<ShardRecord> STORE = new RecordFile.AtRoot<>(FILE, ShardRecord.class, "shard record");

    public void write(RunFolder run) {
        STORE.write(run, this);
    }
}
