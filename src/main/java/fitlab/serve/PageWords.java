package fitlab.serve;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The page's words in English or Chinese: its own (fitlab/serve/messages) and, for everything a chart shows, the
 * report's words (fitlab/report/messages), so a curve is called the same on the page as on a slide.
 */
final class PageWords {
    /** The report's words the page's charts use. */
    private static final List<String> REPORT_KEYS = List.of("series.train", "series.validation", "series.test",
            "series.noiseFloor", "series.trainPoints", "series.class", "series.trueFunction", "series.fitAtEpoch", "axis.epoch", "axis.loss",
            "axis.lossGeneric", "axis.x", "axis.y", "axis.x1", "axis.x2", "axis.parameters", "axis.degree", "axis.settingLogZero", "marker.best", "marker.patience",
            "marker.other", "marker.settingDiverged", "marker.stop.patience", "marker.stop.criterion", "marker.stop.diverged", "marker.stop.interrupted",
            "region.underfit", "region.good", "region.overfit", "verdict.underfit", "verdict.good",
            "verdict.overfit", "verdict.none");

    private PageWords() {}

    static Map<String, String> of(String language) {
        Locale locale = "zh".equals(language) ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT;
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
        ResourceBundle page = ResourceBundle.getBundle("fitlab.serve.messages", locale, noFallback);
        ResourceBundle report = ResourceBundle.getBundle("fitlab.report.messages", locale, noFallback);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("lang", "zh".equals(language) ? "zh" : "en");
        for (String k : REPORT_KEYS) {
            if (report.containsKey(k)) {
                out.put(k, report.getString(k).replace("''", "'"));
            }
        }
        for (String k : page.keySet()) {
            out.put(k, page.getString(k));
        }
        return out;
    }
}
