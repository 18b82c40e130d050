package fitlab.cli;

import fitlab.claims.ClaimsService;
import fitlab.runfolder.RunFolder;
import java.io.PrintWriter;
import java.util.Optional;

/** The claims step of {@code run} and {@code report}: check, write claims.csv, print ✓ / ✗ lines. */
final class ClaimsCheck {
    /** Exit code of {@code --require-claims} when a claim does not hold: a failed check, as verify's mismatch. */
    static final int FAILED = 1;

    private ClaimsCheck() {}

    /** @return true when every checked claim holds (also when the lesson states none) */
    static boolean run(RunFolder run, int notChecked, Optional<String> language, PrintWriter out) {
        ClaimsService.Outcome o = ClaimsService.check(run);
        for (String line : ClaimsService.lines(o, notChecked, language.orElse(o.language()))) {
            out.println(line);
        }
        out.flush();
        return o.allHold();
    }
}
