package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;

/** Looks up series of a built chart by their (translated) legend names. */
final class ChartAsserts {
    private ChartAsserts() {}

    static List<String> names(XYChart chart) {
        return chart.getSeriesCollection().stream().map(XYSeries::getName).toList();
    }

    static XYSeries series(XYChart chart, String name) {
        XYSeries s = (XYSeries) chart.getSeries(name);
        assertTrue(s != null, "no series '" + name + "' in " + names(chart));
        return s;
    }

    static boolean hasHan(String s) {
        return s.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    /** English text has no Chinese; Chinese text has some. */
    static void inLanguage(String text, String language) {
        assertTrue(hasHan(text) == language.equals("zh"), language + ": " + text);
    }
}
