package fitlab.train.stopping;

import java.util.ArrayList;
import java.util.List;

/** Test helper: feeds hand-made loss sequences, epoch 1 first. */
final class Feed {

    private Feed() {}

    /** Feeds epochs 1..n with a constant training loss of 1 and the given monitored values. */
    static List<Decision> monitored(EarlyStopping es, double... values) {
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            decisions.add(es.update(i + 1, 1.0, values[i]));
        }
        return decisions;
    }

    /** Feeds epochs 1..n with the given training and validation losses (validation is also the monitor). */
    static List<Decision> trainAndValidation(EarlyStopping es, double[] train, double[] validation) {
        List<Decision> decisions = new ArrayList<>();
        for (int i = 0; i < train.length; i++) {
            decisions.add(es.update(i + 1, train[i], validation[i], validation[i]));
        }
        return decisions;
    }

    /** The first epoch (1-based) whose decision was stop, or -1. */
    static int firstStop(List<Decision> decisions) {
        for (int i = 0; i < decisions.size(); i++) {
            if (decisions.get(i).stop()) {
                return i + 1;
            }
        }
        return -1;
    }

    /** All markers as {@code name@epoch}. */
    static List<String> markerNames(EarlyStopping es) {
        return es.markers().stream().map(m -> m.name() + "@" + m.epoch()).toList();
    }

    /** Only the markers whose name starts with {@code prefix} (e.g. "patience", "GL"), as {@code name@epoch}. */
    static List<String> markerNames(EarlyStopping es, String prefix) {
        return markerNames(es).stream().filter(n -> n.startsWith(prefix)).toList();
    }
}
