package fitlab.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    @TempDir
    Path dir;

    @Test
    void helpAndVersion() {
        Cli.Result help = Cli.run("--help");
        assertEquals(0, help.exitCode());
        for (String command : new String[] {"run", "report", "verify", "resume", "eval", "inspect", "data", "list"}) {
            assertTrue(help.out().contains(command), command);
            Cli.Result sub = Cli.run(command, "--help");
            assertEquals(0, sub.exitCode(), command + ": " + sub.err());
            assertTrue(sub.out().startsWith("Usage: fitlab " + command), sub.out());
        }
        Cli.Result version = Cli.run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.out().startsWith("fitlab "));
    }

    /** {@code fitlab --version} answers before picocli's command model is built, with the line picocli would print. */
    @Test
    void theVersionFastPathPrintsWhatEveryCommandsVersionOptionPrints() throws Exception {
        Process p = new ProcessBuilder(java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        Cli.Result viaPicocli = Cli.run("list", "--version");
        assertEquals(0, viaPicocli.exitCode());
        assertEquals(viaPicocli.out().strip(), out.strip());
        assertTrue(out.startsWith("fitlab "), out);
    }

    @Test
    void badConfigIsOneLineOnStderrWithExitTwo() throws IOException {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "data:\n  noise: -1\n");
        Cli.Result r = Cli.run("run", yaml.toString(), "--out", dir.resolve("run").toString());
        assertEquals(2, r.exitCode());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertTrue(r.err().contains("bad.yaml:2:10: data.noise: must be >= 0"), r.err());
        assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        assertFalse(Files.exists(dir.resolve("run")), "nothing written for a bad config");
    }

    @Test
    void debugShowsTheStackTrace() throws IOException {
        Path yaml = dir.resolve("bad.yaml");
        Files.writeString(yaml, "data:\n  noise: -1\n");
        Cli.Result r = Cli.run("--debug", "run", yaml.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("at fitlab."), r.err());
    }

    @Test
    void badFlagsAreUserErrors() {
        Cli.Result unknown = Cli.run("run", "x.yaml", "--thread", "2");
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("Unknown option") && unknown.err().contains("'--thread'"), unknown.err());
        Cli.Result threads = Cli.run("run", "x.yaml", "--threads", "0");
        assertEquals(2, threads.exitCode());
        assertTrue(threads.err().contains("--threads 0"), threads.err());
        Cli.Result lang = Cli.run("run", "x.yaml", "--lang", "fr");
        assertEquals(2, lang.exitCode());
        Cli.Result missing = Cli.run("run", dir.resolve("nope.yaml").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("nope.yaml: no such file"), missing.err());
    }

    @Test
    void outFolderThatIsNotEmptyIsRefused() throws IOException {
        Path out = dir.resolve("taken");
        Files.createDirectories(out);
        Files.writeString(out.resolve("precious.txt"), "keep me");
        Cli.Result r = Cli.run("run", "experiments/01-polynomial-degree.yaml", "--quick", "--out", out.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("not empty"), r.err());
        assertEquals("keep me", Files.readString(out.resolve("precious.txt")));
    }

    @Test
    void inspectOfAMissingOrBrokenFileIsAUserError() throws IOException {
        assertEquals(2, Cli.run("inspect", dir.resolve("none.pth").toString()).exitCode());
        Path junk = dir.resolve("junk.pth");
        Files.writeString(junk, "this is not a zip file");
        Cli.Result r = Cli.run("inspect", junk.toString());
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("junk.pth"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
    }

    @Test
    void listShowsBundledExperimentsWithTheirQuestions() {
        Cli.Result r = Cli.run("list", "--dir", "experiments");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("01-polynomial-degree.yaml"));
        assertTrue(r.out().contains("Which polynomial degree"));
        assertTrue(Cli.run("list", "--dir", "experiments", "--lang", "zh").out().contains("多项式"));
    }
}
