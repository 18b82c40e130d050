package fitlab.report;

import fitlab.config.Cell;
import fitlab.diagnosis.Diagnosis;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.MetricsRow;
import java.util.List;
import java.util.Optional;

/**
 * One cell as the reporter sees it: its config, its files, its summary, its logged losses and its diagnosis
 * (empty when its final losses are not finite, i.e. it diverged).
 */
public record CellRun(Cell cell, CellFolder folder, CellSummary summary, List<MetricsRow> metrics, Optional<Diagnosis> diagnosis) {
    public CellRun {
        metrics = List.copyOf(metrics);
    }

    public String id() {
        return cell.id();
    }

    /** The last logged epoch: what training produced (the epoch the diagnosis looks at). */
    public MetricsRow last() {
        return metrics.get(metrics.size() - 1);
    }

    /** The row of the best epoch (the monitored value's best), or the last row if it was not logged. */
    public MetricsRow best() {
        return metrics.stream().filter(r -> r.epoch() == summary.bestEpoch()).findFirst().orElse(last());
    }

    /** The swept value at {@code path}, e.g. {@code model.degree}; null when that axis is not swept. */
    public Object value(String path) {
        return cell.values().get(path);
    }
}
