package fitlab.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * A test that needs a tool the machine lacks: skipped on a developer's machine with a message saying what to install,
 * failed in CI (CI=true), where every such test must run.
 */
public final class MissingTool {
    private MissingTool() {}

    /** @param how what is missing and how to install it; @param what which tests CI must run */
    public static void skipLocallyFailInCi(String how, String what) {
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(how + " -- in CI " + what + " must run");
        }
        Assumptions.abort(how);
    }
}
