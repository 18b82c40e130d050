package fitlab.config;

import fitlab.config.yaml.Section;
import fitlab.config.yaml.YamlNode;

/**
 * Keys fitlab no longer reads. A new experiment file that still sets one is a user error naming its replacement; a run
 * folder's own {@code experiment.yaml}, written by an older fitlab with the key in it, still loads (the key is dropped
 * there because it never changed what was trained, so the run folder stays valid for report, verify and resume).
 */
final class RemovedKeys {
    /**
     * {@code early_stopping.restore_best} was parsed and saved but never read: every run keeps each epoch's
     * checkpoint plus best.pth and last.pth, and the report shows both, so there is no single result to restore.
     */
    static final String RESTORE_BEST = "restore_best";
    static final String RESTORE_BEST_INSTEAD = "was removed (it never changed a run): fitlab keeps every checkpoint plus"
            + " best.pth (the best monitored epoch) and last.pth, and the report shows both; delete this line";

    private RemovedKeys() {}

    /** Fails on a removed key in a user's {@code early_stopping:} section. */
    static void rejectInEarlyStopping(Section earlyStopping) {
        if (earlyStopping.has(RESTORE_BEST)) {
            throw earlyStopping.error(RESTORE_BEST, earlyStopping.node(RESTORE_BEST).orElse(null), RESTORE_BEST_INSTEAD);
        }
    }

    /** {@code root} without the removed keys an older fitlab wrote into a run folder's {@code experiment.yaml}. */
    static YamlNode.Mapping dropWrittenByOlderRuns(YamlNode.Mapping root) {
        if (root.get("early_stopping") instanceof YamlNode.Mapping es && es.get(RESTORE_BEST) != null) {
            return root.with("early_stopping", root.location(), es.without(RESTORE_BEST));
        }
        return root;
    }
}
