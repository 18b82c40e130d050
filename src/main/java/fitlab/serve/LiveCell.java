package fitlab.serve;

import fitlab.runfolder.CellSummary;
import fitlab.runfolder.MetricsRow;
import fitlab.train.stopping.Marker;
import java.util.ArrayList;
import java.util.List;

/**
 * What a live view knows of one cell: every epoch's metrics row in order (none is ever dropped, so a page that
 * reconnects redraws the whole curve), early stopping's best epoch and markers, and the summary once it finished.
 * Written by the cell's training thread, read by the event pump; every access holds the cell's lock.
 */
final class LiveCell {
    private final String id;
    private final List<MetricsRow> rows = new ArrayList<>();
    private int bestEpoch = -1;
    private List<Marker> markers = List.of();
    private CellSummary summary;

    LiveCell(String id) {
        this.id = id;
    }

    String id() {
        return id;
    }

    synchronized void epoch(MetricsRow row, int best, List<Marker> firedSoFar) {
        rows.add(row);
        bestEpoch = best;
        markers = firedSoFar;
    }

    synchronized void done(CellSummary s) {
        summary = s;
        bestEpoch = s.bestEpoch();
        markers = s.markers();
    }

    /** The rows from index {@code from} on (a copy), with the state that goes with them. */
    synchronized View since(int from) {
        return new View(List.copyOf(rows.subList(Math.min(from, rows.size()), rows.size())), rows.size(), bestEpoch, markers, summary);
    }

    /** The cell's summary once it has finished; empty while it trains. */
    synchronized java.util.Optional<CellSummary> summary() {
        return java.util.Optional.ofNullable(summary);
    }

    /** The newest logged epoch, -1 before any. */
    synchronized int lastEpoch() {
        return rows.isEmpty() ? -1 : rows.get(rows.size() - 1).epoch();
    }

    synchronized int epochs() {
        return rows.size();
    }

    /** @param total rows seen so far (the next call's {@code from}) */
    record View(List<MetricsRow> rows, int total, int bestEpoch, List<Marker> markers, CellSummary summary) {}
}
