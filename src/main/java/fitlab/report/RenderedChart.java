package fitlab.report;

import java.util.List;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * One figure of the report: saved as {@code charts/<name>.png} and {@code .svg} (plus {@code .gif} when it has
 * animation frames).
 *
 * @param section the HTML section it belongs to: {@code main} or {@code cells}
 */
public record RenderedChart(String name, String caption, IChart chart, List<IChart> gifFrames, String section) {
    public RenderedChart {
        gifFrames = List.copyOf(gifFrames);
    }

    static RenderedChart main(String name, String caption, IChart chart) {
        return new RenderedChart(name, caption, chart, List.of(), "main");
    }
}
