package fitlab.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * The main figure of a classification run: small multiples of decision regions, one row per dataset (or other swept
 * setting), and in each row an underfitting (the smallest), a good (the lowest validation loss) and the largest network,
 * each panel titled with its capacity and test accuracy.
 */
public final class BoundaryPanels {
    public static final String NAME = "boundaries";
    static final int PER_ROW = 3;

    private BoundaryPanels() {}

    public static RenderedChart build(LoadedRun run, Messages m) {
        List<List<CellRun>> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        for (AxisGroup g : SweepGroups.along(run, "model.hidden", c -> c.summary().parameters())) {
            rows.add(picks(g));
            labels.add(g.label());
        }
        int columns = rows.stream().mapToInt(List::size).max().orElse(1);
        int count = rows.size() * columns;
        int width = PanelStrip.panelWidth(columns), height = PanelStrip.panelHeight(count, columns);
        List<XYChart> panels = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            List<CellRun> row = rows.get(r);
            for (int i = 0; i < columns; i++) {
                // a shorter row repeats its last network, so every row's columns line up
                CellRun c = row.get(Math.min(i, row.size() - 1));
                String title = m.get("chart.boundaries.panel", labels.get(r).isEmpty() ? c.id() : labels.get(r),
                        "hidden=" + SweepGroups.plain(c.value("model.hidden")), Messages.number(c.last().testAccuracy()));
                panels.add(DecisionBoundaryChart.build(BoundaryDataLoader.load(run, c), title, width, height, m));
            }
        }
        return RenderedChart.main(NAME, m.get("caption.boundaries"),
                new PanelStrip(m.get("chart.boundaries.title"), panels, m.fontFamily(), columns));
    }

    /** A network is good when its validation accuracy is within this of the row's best. */
    static final double GOOD_ACCURACY_MARGIN = 0.01;

    /**
     * The smallest, a good and the largest network of a row, without repeats, by capacity. The good one is the smallest
     * network whose validation accuracy is within {@link #GOOD_ACCURACY_MARGIN} of the row's best: the largest network
     * is often as accurate, and showing it twice would hide where capacity becomes enough.
     */
    static List<CellRun> picks(AxisGroup g) {
        List<CellRun> cells = g.points().stream().map(p -> p.cells().get(0)).toList();
        CellRun smallest = cells.get(0), largest = cells.get(cells.size() - 1);
        double top = cells.stream().mapToDouble(c -> c.best().validationAccuracy()).max().orElse(0);
        List<CellRun> candidates = cells.size() > 2 ? cells.subList(1, cells.size() - 1) : cells;
        CellRun best = candidates.stream().filter(c -> c.best().validationAccuracy() >= top - GOOD_ACCURACY_MARGIN).findFirst()
                .orElseGet(() -> cells.stream().max(Comparator.comparingDouble(c -> c.best().validationAccuracy())).orElseThrow());
        List<CellRun> out = new ArrayList<>();
        for (CellRun c : List.of(smallest, best, largest)) {
            if (!out.contains(c)) {
                out.add(c);
            }
        }
        return out.subList(0, Math.min(PER_ROW, out.size()));
    }
}
