package fitlab.serve;

import fitlab.config.Experiment;
import fitlab.config.ExperimentConfig;
import fitlab.config.SweepAxis;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One experiment file the page offers: its id (the file name without {@code .yaml}), question, swept settings and
 * the current value of every page setting, as the page's form shows them.
 */
record Lesson(String id, Path file, Map<String, String> question, String task, String model, int cells,
              List<Map<String, Object>> sweep, List<Map<String, Object>> quickSweep, Map<String, Object> settings) {

    /** @param quick the same file loaded with {@code --quick}: its sweep is what a quick run trains */
    static Lesson of(String id, Path file, Experiment e, Experiment quick) {
        ExperimentConfig c = e.base();
        List<Map<String, Object>> sweep = e.sweep().stream().map(a -> axis(a, e)).toList();
        List<Map<String, Object>> quickSweep = quick.sweep().stream().map(a -> axis(a, quick)).toList();
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("data.noise", c.data().noise());
        settings.put("data.train", c.data().train());
        boolean mlp = c.model().kind() == fitlab.config.ModelKind.MLP;
        if (!mlp) {
            settings.put("model.degree", c.model().degree());
        } else {
            settings.put("model.hidden", c.model().hidden());
            settings.put("model.dropout", c.model().dropout());
        }
        if (c.training().optimizer() != fitlab.config.OptimizerKind.LSTSQ) {
            settings.put("training.lr", c.training().lr());
            settings.put("training.weight_decay", c.training().weightDecay());
            settings.put("training.epochs", c.training().epochs());
            settings.put("early_stopping.patience", c.earlyStopping().patience());
        }
        settings.put("seed", c.seed());
        return new Lesson(id, file, Map.of("en", c.question().en(), "zh", c.question().in("zh")),
                c.data().kind().isClassification() ? "classification" : "regression",
                c.model().kind().name().toLowerCase(java.util.Locale.ROOT), e.cells().size(), sweep, quickSweep, settings);
    }

    /** The axis's values as the cells hold them (plain numbers, words, lists), in the order written. */
    private static Map<String, Object> axis(SweepAxis a, Experiment e) {
        List<Object> values = e.cells().stream().map(c -> c.values().get(a.path())).distinct().toList();
        return Map.of("path", a.path(), "values", values);
    }

    List<String> sweepPaths() {
        return sweep.stream().map(a -> (String) a.get("path")).toList();
    }
}
