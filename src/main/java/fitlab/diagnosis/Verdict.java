package fitlab.diagnosis;

import java.util.Locale;

/** The diagnosis of one cell. */
public enum Verdict {
    UNDERFIT, GOOD, OVERFIT;

    /** The spelling used in summary files, e.g. {@code overfit}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
