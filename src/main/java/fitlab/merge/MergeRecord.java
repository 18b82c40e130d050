package fitlab.merge;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fitlab.experiment.RunFolder;
import fitlab.experiment.ShardRecord;
import fitlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code merge.json} of a run folder assembled from shards: which experiment and config, and the shard folders it
 * was joined from (in shard order), so a merged run says where its cells were trained.
 */
record MergeRecord(String experiment, String configHash, int shards, List<String> from) {
    static final String FILE = "merge.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    static MergeRecord ofShards(ShardRecord any, List<Path> folders) {
        return new MergeRecord(any.experiment(), any.configHash(), any.of(),
                folders.stream().map(p -> p.toAbsolutePath().normalize().toString()).toList());
    }

    void write(RunFolder run) {
        try {
            AtomicFiles.write(run.root().resolve(FILE), JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise " + FILE, e);
        }
    }
}
