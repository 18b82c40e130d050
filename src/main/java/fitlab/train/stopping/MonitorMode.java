package fitlab.train.stopping;

import java.util.Locale;

/** Whether the monitored quantity should go down ({@code min}) or up ({@code max}); {@code auto} infers it from the name. */
public enum MonitorMode {
    MIN, MAX, AUTO;

    /**
     * The concrete direction for a monitor name. {@code AUTO} follows tf.keras 2.x: a name containing {@code acc}
     * (accuracy) or starting with {@code auc} is maximised, everything else (losses, errors) minimised.
     */
    public MonitorMode resolve(String monitor) {
        if (this != AUTO) {
            return this;
        }
        String name = monitor.toLowerCase(Locale.ROOT);
        return name.contains("acc") || name.startsWith("auc") ? MAX : MIN;
    }
}
