package fitlab.experiment;

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
 */
public record RunRequest(Path experiment, Optional<Path> out, Path runsDir, int threads, List<String> sets, boolean quick,
                         Optional<String> language, String command) {
    public RunRequest {
        sets = List.copyOf(sets);
    }
}
