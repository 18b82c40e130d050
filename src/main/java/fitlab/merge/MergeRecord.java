package fitlab.merge;

import fitlab.runfolder.RecordFile;
import fitlab.runfolder.RunFolder;
import fitlab.runfolder.ShardRecord;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code merge.json} of a run folder assembled from shards: which experiment and config, and the shard folders it
 * was joined from (in shard order), so a merged run says where its cells were trained.
 */
record MergeRecord(String experiment, String configHash, int shards, List<String> from) {
    static final String FILE = "merge.json";

    static MergeRecord ofShards(ShardRecord any, List<Path> folders) {
        return new MergeRecord(any.experiment(), any.configHash(), any.of(),
                folders.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
    }

    void write(RunFolder run) {
        RecordFile.write(run.root().resolve(FILE), this);
    }
}
