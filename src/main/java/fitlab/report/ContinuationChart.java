package fitlab.report;

import fitlab.runfolder.CellFolder;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.knowm.xchart.XYChart;

/**
 * Lesson 14's main figure: a cell that early stopping stopped and its continuation without early stopping
 * ({@code cells/<id>@resume-from-<E>/}, from {@code continue_after_stop} or {@code fitlab resume}) on one set of axes.
 * The continuation's metrics.csv already holds the original epochs up to E, so one curve per loss tells the whole
 * story; the original cell's best epoch, markers and stop line stay where they were.
 */
final class ContinuationChart {
    static final String INFIX = "@resume-from-";

    private ContinuationChart() {}

    static List<RenderedChart> charts(LoadedRun run, Messages m) {
        List<RenderedChart> out = new ArrayList<>();
        for (CellRun cell : run.cells()) {
            for (Path folder : continuations(run, cell.id())) {
                List<MetricsRow> rows = MetricsLog.read(new CellFolder(folder).metrics());
                String name = folder.getFileName().toString();
                int from = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
                out.add(RenderedChart.main("continued-" + ReportPlan.fileName(cell.id()), m.get("caption.continued", cell.id(), String.valueOf(from)),
                        build(cell, rows, from, m)));
            }
        }
        return out;
    }

    static XYChart build(CellRun cell, List<MetricsRow> continued, int from, Messages m) {
        CellRun whole = new CellRun(cell.cell(), cell.folder(), cell.summary(), continued, cell.diagnosis());
        XYChart chart = LossCurveChart.build(whole, m);
        MetricsRow best = cell.best();
        MetricsRow last = continued.get(continued.size() - 1);
        chart.setTitle(m.get("chart.continued.title", cell.id(), String.valueOf(from), Messages.number(best.validationLoss()),
                Messages.number(last.validationLoss()), String.valueOf(last.epoch())));
        HouseStyle.fitTitle(chart);
        return chart;
    }

    /** The continuation folders of a cell, oldest starting epoch first (usually one). */
    private static List<Path> continuations(LoadedRun run, String id) {
        Path cells = run.folder().root().resolve("cells");
        if (!Files.isDirectory(cells)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(cells)) {
            return list.filter(p -> p.getFileName().toString().startsWith(id + INFIX))
                    .filter(p -> p.getFileName().toString().substring((id + INFIX).length()).matches("\\d+"))
                    .filter(p -> Files.isRegularFile(p.resolve("metrics.csv")))
                    .sorted(java.util.Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString().substring((id + INFIX).length()))))
                    .toList();
        } catch (IOException e) {
            throw new fitlab.UserError("cannot list " + cells + ": " + e.getMessage());
        }
    }
}
