package fitlab.diagnosis;

import java.util.Locale;

/** The diagnosis of one cell. */
public enum Verdict {
    UNDERFIT, GOOD, OVERFIT;

    /** The spelling used in summary files, e.g. {@code overfit}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The verdict written as {@link #key()}, if it is one (a diverged cell's summary row has none). */
    public static java.util.Optional<Verdict> ofKey(String key) {
        for (Verdict v : values()) {
            if (v.key().equals(key)) {
                return java.util.Optional.of(v);
            }
        }
        return java.util.Optional.empty();
    }

    /**
     * The verdict of a point that pools several cells (seed repeats): the most frequent one, ties going to the milder
     * verdict in the order good, underfit, overfit, so a split vote never cries overfit; null when no cell has one.
     */
    public static Verdict majority(java.util.Collection<Verdict> verdicts) {
        java.util.Map<Verdict, Integer> counts = new java.util.EnumMap<>(Verdict.class);
        verdicts.forEach(v -> counts.merge(v, 1, Integer::sum));
        Verdict best = null;
        for (Verdict v : new Verdict[] {GOOD, UNDERFIT, OVERFIT}) {
            if (counts.getOrDefault(v, 0) > 0 && (best == null || counts.get(v) > counts.get(best))) {
                best = v;
            }
        }
        return best;
    }
}
