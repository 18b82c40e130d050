package fitlab.report;

import java.nio.file.Path;
import java.util.List;

/** What {@link ReportService#render} drew: the charts (as objects, for tests), the diagnosis sentences and the HTML file. */
public record Report(String language, List<RenderedChart> charts, List<String> diagnosis, Path index) {
    public Report {
        charts = List.copyOf(charts);
        diagnosis = List.copyOf(diagnosis);
    }

    public RenderedChart chart(String name) {
        return charts.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no chart " + name + " in " + charts.stream().map(RenderedChart::name).toList()));
    }
}
