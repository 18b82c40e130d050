package fitlab.cli;

import fitlab.UserError;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the repository's {@code experiments/} folder: next to the launcher ({@code fitlab.home}) or in the working directory. */
final class BundledExperiments {
    private BundledExperiments() {}

    static Path folder() {
        String home = System.getProperty("fitlab.home");
        for (Path p : new Path[] {home != null ? Path.of(home, "experiments") : null, Path.of("experiments")}) {
            if (p != null && Files.isDirectory(p)) {
                return p;
            }
        }
        throw new UserError("cannot find the experiments/ folder: run from the fitlab checkout or pass --dir");
    }
}
