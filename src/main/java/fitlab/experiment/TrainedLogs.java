package fitlab.experiment;

import fitlab.runfolder.MetricsRow;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The metrics rows of the cells a run trained from epoch 0 in this process, kept for {@code summary.csv} so that it
 * does not parse every cell's metrics.csv again (lesson 01: 45 000 lines, a tenth of a CPU-second). They are the rows
 * the file holds: each number was written by {@code Double.toString}, which reads back to the same double. Up to
 * {@link #MAX_ROWS} rows in all (a few tens of MB); the cells beyond are read from their files.
 */
final class TrainedLogs {
    static final long MAX_ROWS = 500_000;
    private final Map<String, List<MetricsRow>> byCell = new ConcurrentHashMap<>();
    private long rows;

    void keep(String cellId, List<MetricsRow> logged) {
        synchronized (this) {
            if (rows + logged.size() > MAX_ROWS) {
                return;
            }
            rows += logged.size();
        }
        byCell.put(cellId, List.copyOf(logged));
    }

    Optional<List<MetricsRow>> of(String cellId) {
        return Optional.ofNullable(byCell.get(cellId));
    }
}
