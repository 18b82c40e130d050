package fitlab.serve;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The settings a student may change from the page, turned into the {@code --set key.path=value} overrides the CLI
 * takes, so they pass through exactly the same loading and validation. Only these keys are accepted: a page cannot
 * point a run at a file on the server ({@code data.path}, {@code model.init}) or change where output goes.
 */
final class PageSettings {
    /** The settings every lesson offers (those that apply to its model are shown), in the page's order. */
    static final List<String> KEYS = List.of("data.noise", "data.train", "model.degree", "model.hidden", "model.dropout",
            "training.lr", "training.weight_decay", "training.epochs", "early_stopping.patience", "seed");
    private static final Set<String> KEY_SET = Set.copyOf(KEYS);
    /** A sweep override names a swept key path of the lesson; its value is a YAML flow list. */
    private static final String SWEEP = "sweep.";
    private static final int MAX_VALUE_LENGTH = 400;
    private static final Pattern PLAIN = Pattern.compile("[\\[\\]0-9a-zA-Z_.,+\\- ]*");

    private PageSettings() {}

    /**
     * @param settings key path to value, as the page (or a shared URL) sends them
     * @param sweepPaths the lesson's swept key paths (the only {@code sweep.*} keys accepted)
     * @throws Rejection (400) naming the key that is not a page setting or whose value is not plain
     */
    static List<String> toSets(Map<String, String> settings, List<String> sweepPaths) {
        List<String> sets = new ArrayList<>();
        for (var e : settings.entrySet()) {
            String key = e.getKey();
            String value = e.getValue() == null ? "" : e.getValue().strip();
            boolean sweep = key.startsWith(SWEEP) && sweepPaths.contains(key.substring(SWEEP.length()));
            if (!sweep && !KEY_SET.contains(key)) {
                throw new Rejection(400, key, key + ": not a setting the page can change; expected one of "
                        + String.join(", ", KEYS) + (sweepPaths.isEmpty() ? "" : " or sweep." + String.join(", sweep.", sweepPaths)));
            }
            if (value.isEmpty() || value.length() > MAX_VALUE_LENGTH || !PLAIN.matcher(value).matches()) {
                throw new Rejection(400, key, key + ": expected a number, a word or a list like [1, 4, 15], got '"
                        + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "'");
            }
            sets.add(key + "=" + value);
        }
        return sets;
    }
}
