package fitlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code fitlab run} draws its report in a second JVM on C1 alone: the same files as drawing it in its own JVM. */
class ReportProcessTest {

    @Test
    void theReportDrawnByASecondJvmIsTheOneTheTrainingJvmDraws(@TempDir Path dir) throws Exception {
        Cli.Result separate = withProperty("true", () -> Cli.run("run", "01", "--quick", "--out", dir.resolve("a/run").toString()));
        Cli.Result same = withProperty("false", () -> Cli.run("run", "01", "--quick", "--out", dir.resolve("b/run").toString()));
        assertEquals(0, separate.exitCode(), separate.err());
        assertEquals(0, same.exitCode(), same.err());
        assertTrue(separate.out().contains("report: " + dir.resolve("a/run/report/index.html")), separate.out());
        // the second JVM prints its progress on the process's own terminal, not on the writer the CLI was given
        assertFalse(separate.out().contains("report: drawing the charts"), separate.out());
        assertTrue(same.out().contains("report: drawing the charts"), same.out());
        Path a = dir.resolve("a/run/report"), b = dir.resolve("b/run/report");
        List<Path> files;
        try (Stream<Path> walk = Files.walk(b)) {
            files = walk.filter(Files::isRegularFile).map(b::relativize).sorted().toList();
        }
        assertTrue(files.size() > 12, files.toString());
        for (Path f : files) {
            if (f.toString().equals("reload-check.json")) {
                continue; // its digest covers command.txt, which names the run folder
            }
            byte[] x = Files.readAllBytes(a.resolve(f)), y = Files.readAllBytes(b.resolve(f));
            if (f.toString().endsWith(".pdf")) {
                x = withoutId(x);
                y = withoutId(y);
            }
            assertArrayEquals(y, x, f.toString());
        }
    }

    @Test
    void theSecondJvmTakesTheOptionsThatMayRunTwice() {
        List<String> kept = ReportProcess.kept(List.of("-XX:+UseParallelGC", "-XX:SharedArchiveFile=/x/fitlab.jsa", "-Dfitlab.home=/x",
                "-agentlib:jdwp=transport=dt_socket,server=y,address=5005", "-XX:StartFlightRecording=filename=a.jfr", "-javaagent:j.jar",
                "-XX:ArchiveClassesAtExit=/x/new.jsa", "-Xmx2g"));
        assertEquals(List.of("-XX:+UseParallelGC", "-XX:SharedArchiveFile=/x/fitlab.jsa", "-Dfitlab.home=/x", "-Xmx2g"), kept);
    }

    private static byte[] withoutId(byte[] pdf) {
        return new String(pdf, java.nio.charset.StandardCharsets.ISO_8859_1).replaceAll("/ID \\[<[0-9A-Fa-f]*> <[0-9A-Fa-f]*>\\]", "")
                .getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    private static Cli.Result withProperty(String value, java.util.function.Supplier<Cli.Result> body) {
        String before = System.getProperty(ReportProcess.PROPERTY);
        System.setProperty(ReportProcess.PROPERTY, value);
        try {
            return body.get();
        } finally {
            if (before == null) {
                System.clearProperty(ReportProcess.PROPERTY);
            } else {
                System.setProperty(ReportProcess.PROPERTY, before);
            }
        }
    }
}
