package fitlab.merge;

import fitlab.UserError;
import fitlab.experiment.RunFolder;
import java.util.List;

/** Placeholder: filled in below. */
final class ClassMerge {
    private ClassMerge() {}

    static List<RunFolder> check(List<RunFolder> runs) {
        throw new UserError("class merge: not yet");
    }

    static RunFolder write(List<RunFolder> runs, RunFolder out, String command) {
        throw new UserError("class merge: not yet");
    }
}
