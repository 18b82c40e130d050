package fitlab.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One checkable statement of a lesson's {@code claims:} section about the results of its run. Each kind reads one
 * kind of evidence in the run folder (summary.csv, a cell's metrics.csv, a reloaded checkpoint, the bias–variance
 * decomposition, or a file a lesson's run writes for its own story); {@code fitlab.claims} evaluates them.
 * {@link #toPlain()} gives the YAML form back, so the resolved experiment.yaml of a run keeps its claims.
 */
public sealed interface Claim {
    /** The swept or summary metrics a claim may compare cells by (summary.csv columns). */
    List<String> METRICS = List.of("best_validation_loss", "test_loss_at_best", "train_loss_at_best", "final_train_loss",
            "final_validation_loss", "final_test_loss", "min_train_loss", "final_validation_accuracy", "test_accuracy_at_best");

    /** True for metrics where more is better (accuracies): "best" means the largest. */
    static boolean higherIsBetter(String metric) {
        return metric.contains("accuracy");
    }

    /** The YAML {@code kind:} word. */
    String kind();

    /** The cells this claim names (each must be a cell of the run for the claim to be checked). */
    default List<String> cells() {
        return List.of();
    }

    /** The sweep axes this claim reads (each must be swept in the run). */
    default List<String> axes() {
        return List.of();
    }

    /** Only the cells whose swept values match (axis path -> value as written), e.g. {@code data.kind: moons}. */
    default Map<String, String> where() {
        return Map.of();
    }

    Map<String, Object> fields();

    default Map<String, Object> toPlain() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", kind());
        m.putAll(fields());
        if (!where().isEmpty()) {
            m.put("where", new LinkedHashMap<>(where()));
        }
        return m;
    }

    /** The cell's summary.csv diagnosis is {@code verdict} (underfit | good | overfit). */
    record DiagnosisIs(String cell, String verdict) implements Claim {
        public String kind() { return "diagnosis"; }
        public List<String> cells() { return List.of(cell); }
        public Map<String, Object> fields() { return ordered("cell", cell, "is", verdict); }
    }

    /** The best cell by {@code by} (lowest loss, highest accuracy) has its {@code axis} value in [low, high]. */
    record BestCell(String by, String axis, double low, double high, Map<String, String> where) implements Claim {
        public String kind() { return "best_cell"; }
        public List<String> axes() { return List.of(axis); }
        public Map<String, Object> fields() { return ordered("by", by, "axis", axis, "within", List.of(low, high)); }
    }

    /**
     * {@code metric} falls (or rises) along {@code axis} in sweep order: from the first cell to the last it changes the
     * stated way, and no step goes the other way by more than {@code tolerance} (a fraction of the larger value);
     * {@code range} keeps only the cells whose axis value is in [low, high].
     */
    record Trend(String metric, String axis, boolean falls, double tolerance, Map<String, String> where,
                 Optional<double[]> range) implements Claim {
        public String kind() { return "trend"; }
        public List<String> axes() { return List.of(axis); }
        public Map<String, Object> fields() {
            Map<String, Object> m = ordered("metric", metric, "axis", axis, "direction", falls ? "falls" : "rises", "tolerance", tolerance);
            range.ifPresent(w -> m.put("within", List.of(w[0], w[1])));
            return m;
        }
    }

    /** The cell's {@code split} loss at its last epoch is at least {@code factor} × its minimum over the run. */
    record RisesAfterMinimum(String cell, String split, double factor) implements Claim {
        public String kind() { return "rises_after_minimum"; }
        public List<String> cells() { return List.of(cell); }
        public Map<String, Object> fields() { return ordered("cell", cell, "split", split, "factor", factor); }
    }

    /** Reloading the cell's best.pth and evaluating it gives the logged losses within {@code tolerance} (relative). */
    record ReloadEqual(String cell, double tolerance) implements Claim {
        public String kind() { return "reload_equals_logged"; }
        public List<String> cells() { return List.of(cell); }
        public Map<String, Object> fields() { return ordered("cell", cell, "tolerance", tolerance); }
    }

    /**
     * Over the seed repeats of the sweep, {@code component} (bias2 | variance | total = bias² + variance + σ²) falls or
     * rises along {@code axis} (as {@link Trend}), or, with {@code smallestWithin}, is smallest at an axis value in it;
     * {@code range} keeps only the axis values in [low, high] (bias² is measured against the seeds' mean, and far past
     * the threshold of a small training set a few wild fits move that mean: the trend is stated where it is seen).
     */
    record BiasVariance(String component, String axis, Optional<Boolean> falls, double tolerance,
                        Optional<double[]> smallestWithin, Optional<double[]> range) implements Claim {
        public String kind() { return "bias_variance"; }
        /** The seed axis too: the decomposition averages over its repeats, so a run without them cannot check it. */
        public List<String> axes() { return List.of(axis, "seed"); }
        public Map<String, Object> fields() {
            Map<String, Object> m = ordered("component", component, "axis", axis);
            falls.ifPresent(f -> {
                m.put("direction", f ? "falls" : "rises");
                m.put("tolerance", tolerance);
            });
            smallestWithin.ifPresent(w -> m.put("smallest_within", List.of(w[0], w[1])));
            range.ifPresent(w -> m.put("within", List.of(w[0], w[1])));
            return m;
        }
    }

    /**
     * Double descent: the largest {@code metric} of the sweep lies at an {@code axis} value in [low, high] (around the
     * interpolation threshold), and it is at least {@code factor} × the smallest value on each side of that range.
     */
    record InterpolationPeak(String metric, String axis, double low, double high, double factor) implements Claim {
        public String kind() { return "interpolation_peak"; }
        public List<String> axes() { return List.of(axis); }
        public Map<String, Object> fields() {
            return ordered("metric", metric, "axis", axis, "within", List.of(low, high), "factor", factor);
        }
    }

    /**
     * The cell's continuation without early stopping ({@code cells/<cell>@resume-from-<E>/}) ends with a {@code split}
     * loss at least {@code factor} × the original cell's best one.
     */
    record ContinuationRises(String cell, String split, double factor) implements Claim {
        public String kind() { return "continuation_rises"; }
        public List<String> cells() { return List.of(cell); }
        public Map<String, Object> fields() { return ordered("cell", cell, "split", split, "factor", factor); }
    }

    /** In eval-modes.csv, every row's eval-mode loss equals the logged loss within {@code tolerance} (relative). */
    record EvalModeEqualsLogged(double tolerance) implements Claim {
        public String kind() { return "eval_mode_equals_logged"; }
        public Map<String, Object> fields() { return ordered("tolerance", tolerance); }
    }

    /** In eval-modes.csv, {@code cell}'s train-mode loss (dropout left on) is at least {@code factor} × its eval-mode loss on {@code split}. */
    record TrainModeWorse(String cell, String split, double factor) implements Claim {
        public String kind() { return "train_mode_worse"; }
        public List<String> cells() { return List.of(cell); }
        public Map<String, Object> fields() { return ordered("cell", cell, "split", split, "factor", factor); }
    }

    /** In refactor-check.csv, every file of kind {@code fileKind} (state_dict | whole_model) loads (or fails) after the rename. */
    /** {@code cell}: only that cell's file of this kind; empty: every cell's. */
    record RefactorLoad(String fileKind, boolean loads, java.util.Optional<String> cell) implements Claim {
        public String kind() { return "refactor_load"; }
        public Map<String, Object> fields() {
            return cell.isPresent() ? ordered("file", fileKind, "loads", loads, "cell", cell.get()) : ordered("file", fileKind, "loads", loads);
        }
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
