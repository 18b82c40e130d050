package fitlab.packaging;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Assumptions;

/**
 * The JDK pieces the app image is built with (jdeps, jlink, jpackage and the jmods jlink links from) and a way to run
 * processes as a user would. Locally without them the packaging tests are skipped with a message saying what to
 * install; in CI ({@code CI=true}) they fail instead, as the PyTorch tests do.
 */
final class JdkTools {
    static final Path JAVA = Path.of(System.getProperty("java.home"), "bin", "java");

    private JdkTools() {}

    static void require() {
        String missing = null;
        for (String tool : List.of("jdeps", "jlink", "jpackage")) {
            if (ToolProvider.findFirst(tool).isEmpty()) {
                missing = tool;
            }
        }
        if (missing == null && !Files.isDirectory(Path.of(System.getProperty("java.home"), "jmods"))) {
            missing = "the jmods folder";
        }
        if (missing == null) {
            return;
        }
        String how = missing + " not found in " + System.getProperty("java.home")
                + ": the app image needs a full JDK 17 (Debian: apt-get install openjdk-17-jdk-headless)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(how + " -- in CI the packaging tests must run");
        }
        Assumptions.abort(how);
    }

    /** What a finished process printed. */
    record Result(int exitCode, String out, String err) {}

    /** Runs {@code command} in {@code dir} with exactly {@code env} as its environment (as {@code env -i} would). */
    static Result run(List<String> command, Path dir, java.util.Map<String, String> env, int timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        if (env != null) {
            pb.environment().clear();
            pb.environment().putAll(env);
        }
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("timed out after " + timeoutSeconds + " s: " + command + "\n" + Files.readString(err));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
        Result r = new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        Files.delete(out);
        Files.delete(err);
        return r;
    }
}
