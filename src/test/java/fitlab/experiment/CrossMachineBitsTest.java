package fitlab.experiment;

import fitlab.testsupport.MetricsFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The same config and seed give the same bits on any machine: a run in a JVM whose CPU-dependent intrinsics are
 * switched off (no FMA instructions, no libm intrinsics for exp/log/pow, no vector instructions, no auto-vectorizer,
 * only the C1 compiler) writes byte-identical checkpoints and metrics to a run with the default flags. Those flags
 * stand in for a student's laptop whose CPU lacks what the teacher's has: every function fitlab computes on the
 * training and evaluation paths must have its bits fixed by Java's semantics, not by the hardware.
 */
@Tag("slow")
class CrossMachineBitsTest {

    /** Flags that switch what a different CPU or JVM would compute differently; each set is one "other machine". */
    static List<List<String>> otherMachines() {
        return List.of(
                List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:-UseFMA", "-XX:-UseLibmIntrinsic", "-XX:UseAVX=0",
                        "-XX:-UseSuperWord"),
                List.of("-XX:TieredStopAtLevel=1", "-XX:+UnlockDiagnosticVMOptions", "-XX:-UseLibmIntrinsic"));
    }

    /** Lessons (quick, shortened) that cover tanh, sigmoid and GELU, dropout, Adam, SGD, MSE and cross-entropy. */
    static List<List<String>> runs() {
        return List.of(
                List.of("experiments/13-classification-capacity.yaml", "--quick", "--set", "training.epochs=120"),
                List.of("experiments/08-dropout-and-eval-mode.yaml", "--quick", "--set", "training.epochs=120",
                        "--set", "model.activation=sigmoid"),
                List.of("experiments/09-learning-rate.yaml", "--quick", "--set", "training.epochs=120",
                        "--set", "model.activation=gelu"));
    }

    @TempDir
    Path dir;

    @ParameterizedTest
    @MethodSource("runs")
    void checkpointsAreByteIdenticalWhateverTheCpuFeatures(List<String> run) throws Exception {
        Path reference = dir.resolve("default");
        runFitlab(List.of(), run, reference);
        TreeSet<String> files = CrashSafetyTest.files(reference.resolve("cells"));
        assertTrue(files.stream().anyMatch(f -> f.endsWith(".pth")), "the run wrote checkpoints: " + files);
        int i = 0;
        for (List<String> flags : otherMachines()) {
            Path other = dir.resolve("other-" + i++);
            runFitlab(flags, run, other);
            assertEquals(files, CrashSafetyTest.files(other.resolve("cells")), flags + ": the same files");
            for (String f : files) {
                Path a = reference.resolve("cells").resolve(f);
                Path b = other.resolve("cells").resolve(f);
                if (f.endsWith("metrics.csv")) {
                    assertEquals(MetricsFiles.withoutSeconds(a), MetricsFiles.withoutSeconds(b), flags + ": " + f);
                } else {
                    assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b), flags + ": " + f);
                }
            }
            assertEquals(Files.readString(reference.resolve("summary.csv")), Files.readString(other.resolve("summary.csv")),
                    flags + ": summary.csv");
        }
    }

    private static void runFitlab(List<String> jvmFlags, List<String> args, Path out) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), "fitlab.cli.Main", "run"));
        cmd.addAll(args);
        cmd.addAll(List.of("--out", out.toString()));
        Path log = Files.createTempFile("fitlab-cross-machine-", ".log");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(8, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AssertionError("fitlab " + jvmFlags + " did not finish in 8 minutes");
            }
            assertEquals(0, p.exitValue(), jvmFlags + " " + args + ":\n" + Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
