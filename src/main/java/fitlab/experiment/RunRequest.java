package fitlab.experiment;

import fitlab.runfolder.Shard;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * What {@code fitlab run} was asked to do.
 *
 * @param out       the run folder to create, or empty for {@code runs/<name>/<timestamp>}
 * @param runsDir   where timestamped run folders go
 * @param threads   cells trained in parallel
 * @param command   the command line, recorded in {@code command.txt}
 * @param shard     train only this shard of the sweep's cells (empty: all of them)
 */
public record RunRequest(Path experiment, Optional<Path> out, Path runsDir, int threads, List<String> sets, boolean quick,
                         Optional<String> language, String command, Optional<Shard> shard) {
    public RunRequest {
        sets = List.copyOf(sets);
    }

    /** A request for the whole sweep. */
    public RunRequest(Path experiment, Optional<Path> out, Path runsDir, int threads, List<String> sets, boolean quick,
                      Optional<String> language, String command) {
        this(experiment, out, runsDir, threads, sets, quick, language, command, Optional.empty());
    }
}
