package fitlab.config;

import fitlab.UserError;
import fitlab.config.yaml.Section;
import fitlab.config.yaml.Suggest;
import fitlab.config.yaml.YamlNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Binds an experiment's {@code claims:} list to {@link Claim}s, checking every field with its file:line:column:
 * the kind, the cell ids (against the sweep the file itself writes), the sweep axes and the metrics.
 */
public final class ClaimsBinder {
    static final List<String> KINDS = List.of("diagnosis", "best_cell", "trend", "rises_after_minimum", "reload_equals_logged",
            "bias_variance", "interpolation_peak", "continuation_rises", "eval_mode_equals_logged", "train_mode_worse",
            "refactor_load");
    private static final List<String> VERDICTS = List.of("underfit", "good", "overfit", "diverged");
    private static final List<String> SPLITS = List.of("train", "validation", "test");
    private static final List<String> COMPONENTS = List.of("bias2", "variance", "total");
    private static final List<String> FILE_KINDS = List.of("state_dict", "whole_model");

    private ClaimsBinder() {}

    /**
     * @param axes  the sweep axes' paths as the file writes them
     * @param cells the cell ids of that sweep
     */
    public static List<Claim> bind(YamlNode node, List<String> axes, Set<String> cells) {
        if (node == null || node instanceof YamlNode.Scalar s && s.isNull()) {
            return List.of();
        }
        if (!(node instanceof YamlNode.Sequence q)) {
            throw new UserError(node.location() + ": claims: expected a list of claims, each a mapping starting with kind:");
        }
        List<Claim> out = new ArrayList<>();
        for (int i = 0; i < q.items().size(); i++) {
            YamlNode item = q.items().get(i);
            if (!(item instanceof YamlNode.Mapping m)) {
                throw new UserError(item.location() + ": claims[" + (i + 1) + "]: expected a mapping with kind: and its fields");
            }
            Section s = new Section(m, "claims[" + (i + 1) + "]");
            out.add(claim(s, axes, cells));
            s.finish();
        }
        return List.copyOf(out);
    }

    private static Claim claim(Section s, List<String> axes, Set<String> cells) {
        String kind = word(s, "kind", KINDS);
        return switch (kind) {
            case "diagnosis" -> new Claim.DiagnosisIs(cell(s, cells), word(s, "is", VERDICTS));
            case "best_cell" -> {
                String by = word(s, "by", Claim.METRICS);
                String axis = word(s, "axis", axes);
                double[] w = range(s, "within");
                yield new Claim.BestCell(by, axis, w[0], w[1], where(s, axes));
            }
            case "trend" -> new Claim.Trend(word(s, "metric", Claim.METRICS), word(s, "axis", axes), falls(s),
                    tolerance(s), where(s, axes), s.has("within") ? Optional.of(range(s, "within")) : Optional.empty());
            case "rises_after_minimum" -> new Claim.RisesAfterMinimum(cell(s, cells), split(s), factor(s));
            case "reload_equals_logged" -> new Claim.ReloadEqual(cell(s, cells), tolerance(s));
            case "bias_variance" -> {
                String component = word(s, "component", COMPONENTS);
                String axis = word(s, "axis", axes);
                Optional<Boolean> falls = s.has("direction") ? Optional.of(falls(s)) : Optional.empty();
                Optional<double[]> smallest = s.has("smallest_within") ? Optional.of(range(s, "smallest_within")) : Optional.empty();
                if (falls.isPresent() == smallest.isPresent()) {
                    throw s.error("direction", s.node("direction").orElse(null),
                            "a bias_variance claim states either direction: falls | rises or smallest_within: [low, high]");
                }
                Optional<double[]> within = s.has("within") ? Optional.of(range(s, "within")) : Optional.empty();
                yield new Claim.BiasVariance(component, axis, falls, falls.isPresent() ? tolerance(s) : 0, smallest, within);
            }
            case "interpolation_peak" -> {
                String metric = word(s, "metric", Claim.METRICS);
                String axis = word(s, "axis", axes);
                double[] w = range(s, "within");
                yield new Claim.InterpolationPeak(metric, axis, w[0], w[1], factor(s));
            }
            case "continuation_rises" -> new Claim.ContinuationRises(cell(s, cells), split(s), factor(s));
            case "eval_mode_equals_logged" -> new Claim.EvalModeEqualsLogged(tolerance(s));
            case "train_mode_worse" -> new Claim.TrainModeWorse(cell(s, cells), split(s), factor(s));
            case "refactor_load" -> new Claim.RefactorLoad(word(s, "file", FILE_KINDS), required(s, "loads") && s.bool("loads", false),
                    s.has("cell") ? java.util.Optional.of(cell(s, cells)) : java.util.Optional.empty());
            default -> throw new IllegalStateException("kind " + kind + " is listed but not bound");
        };
    }

    private static boolean required(Section s, String key) {
        if (!s.has(key)) {
            throw s.missing(key);
        }
        return true;
    }

    private static String word(Section s, String key, List<String> allowed) {
        String v = s.requiredString(key).trim();
        if (!allowed.contains(v)) {
            throw s.error(key, s.node(key).orElse(null), (allowed.isEmpty() ? "this experiment has no sweep axis"
                    : "expected one of " + String.join(" | ", allowed)) + ", got '" + v + "'" + Suggest.hint(v, allowed));
        }
        return v;
    }

    private static String cell(Section s, Set<String> cells) {
        String id = s.requiredString("cell").trim();
        if (!cells.contains(id)) {
            List<String> ids = cells.stream().sorted().toList();
            throw s.error("cell", s.node("cell").orElse(null), "no cell '" + id + "' in this experiment's sweep"
                    + Suggest.hint(id, ids) + " (cells: " + String.join(" ", ids) + ")");
        }
        return id;
    }

    private static String split(Section s) {
        return s.has("split") ? word(s, "split", SPLITS) : "validation";
    }

    private static boolean falls(Section s) {
        return word(s, "direction", List.of("falls", "rises")).equals("falls");
    }

    private static double tolerance(Section s) {
        return s.decimal("tolerance", 0.0, 0, false, 10);
    }

    private static double factor(Section s) {
        required(s, "factor");
        return s.decimal("factor", 1.0, 0, true, 1e12);
    }

    private static double[] range(Section s, String key) {
        YamlNode n = s.node(key).orElseThrow(() -> s.missing(key));
        List<Double> v = s.list(key, item -> {
            Object plain = YamlNode.toPlain(item);
            if (!(plain instanceof Number num) || !Double.isFinite(num.doubleValue())) {
                throw s.error(key, item, "expected a number");
            }
            return num.doubleValue();
        }).orElseThrow();
        if (v.size() != 2 || v.get(0) > v.get(1)) {
            throw s.error(key, n, "expected [low, high] with low <= high");
        }
        return new double[] {v.get(0), v.get(1)};
    }

    private static Map<String, String> where(Section s, List<String> axes) {
        if (!s.has("where")) {
            return Map.of();
        }
        Section w = s.section("where");
        Map<String, String> out = new LinkedHashMap<>();
        for (String axis : axes) {
            if (w.has(axis)) {
                out.put(axis, String.valueOf(YamlNode.toPlain(w.node(axis).orElseThrow())));
            }
        }
        w.finish();
        return out;
    }
}
