package fitlab.testsupport;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs Python scripts in Debian's real PyTorch ({@code /usr/bin/python3} with python3-torch), the judge
 * of every format and numerics claim fitlab makes.
 *
 * <p>Locally, without torch, tests that need it are skipped with a message saying how to install it.
 * In CI ({@code CI=true}) they must run: a missing torch fails the test instead of skipping it.
 */
public final class PyTorch {

    public static final Path PYTHON = Path.of("/usr/bin/python3");
    private static Boolean available;

    private PyTorch() {}

    /** Skips the calling test when torch is missing locally; fails it in CI. */
    public static void require() {
        if (isAvailable()) {
            return;
        }
        String how = "PyTorch not found: install it with "
                + "'apt-get install -y --no-install-recommends python3-torch' (used via /usr/bin/python3)";
        MissingTool.skipLocallyFailInCi(how, "the PyTorch interop tests");
    }

    public static synchronized boolean isAvailable() {
        if (available == null) {
            try {
                available = Files.isExecutable(PYTHON) && exec(List.of(PYTHON.toString(), "-c", "import torch"), null, 120).exitCode() == 0;
            } catch (IOException e) {
                available = false;
            }
        }
        return available;
    }

    /** The result of running a script. */
    public record Result(int exitCode, String stdout, String stderr) {
        /** Fails the test with both streams when the script did not exit 0. */
        public Result assertOk() {
            if (exitCode != 0) {
                fail("python exited " + exitCode + "\n--- stdout\n" + stdout + "\n--- stderr\n" + stderr);
            }
            return this;
        }
    }

    /**
     * Runs {@code script} (Python source) with {@code args} in {@code workDir}; the script sees them as
     * {@code sys.argv[1:]}. Requires torch (see {@link #require()}).
     */
    public static Result run(String script, Path workDir, String... args) {
        require();
        try {
            Path file = Files.createTempFile("fitlab-test-", ".py");
            try {
                Files.writeString(file, script, StandardCharsets.UTF_8);
                List<String> cmd = new ArrayList<>();
                cmd.add(PYTHON.toString());
                cmd.add(file.toString());
                cmd.addAll(List.of(args));
                return exec(cmd, workDir, 600);
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not run python: " + e.getMessage(), e);
        }
    }

    /** Like {@link #run} but fails the test unless the script exits 0; returns its stdout. */
    public static String runOk(String script, Path workDir, String... args) {
        return run(script, workDir, args).assertOk().stdout();
    }

    private static Result exec(List<String> cmd, Path workDir, int timeoutSeconds) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        if (workDir != null) {
            pb.directory(workDir.toFile());
        }
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.environment().put("OMP_NUM_THREADS", "1");
        Path out = Files.createTempFile("fitlab-py-out", ".txt");
        Path err = Files.createTempFile("fitlab-py-err", ".txt");
        try {
            pb.redirectOutput(out.toFile());
            pb.redirectError(err.toFile());
            Process p = pb.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException("python timed out after " + timeoutSeconds + " s: " + cmd);
            }
            return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
