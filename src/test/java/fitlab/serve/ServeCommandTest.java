package fitlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.cli.FitlabCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code fitlab serve}'s flags (user errors: one line, exit 2, nothing written) and the Host/Origin rules on their own. */
class ServeCommandTest {
    @Test
    void badFlagsAreOneLineUserErrorsAndNothingIsWritten(@TempDir Path dir) {
        Path runs = dir.resolve("runs");
        String[][] cases = {
            {"serve", "--port", "70000", "--runs", runs.toString()},
            {"serve", "--max-train", "0", "--runs", runs.toString()},
            {"serve", "--concurrent-runs", "0", "--runs", runs.toString()},
            {"serve", "--experiments", dir.resolve("missing").toString(), "--runs", runs.toString()},
        };
        String[] expected = {"--port 70000: expected 0 to 65535", "expected at least 1, got 0", "--concurrent-runs and --max-queued: expected at least 1",
            "--experiments " + dir.resolve("missing") + ": cannot list the folder"};
        for (int i = 0; i < cases.length; i++) {
            StringWriter err = new StringWriter();
            CommandLine cl = FitlabCommand.commandLine();
            cl.setErr(new PrintWriter(err));
            cl.setOut(new PrintWriter(new StringWriter()));
            assertEquals(2, cl.execute(cases[i]), String.join(" ", cases[i]));
            String e = err.toString();
            assertEquals(1, e.lines().count(), e);
            assertTrue(e.startsWith("fitlab: ") && e.contains(expected[i]), e);
            assertFalse(Files.exists(runs), "nothing written before validation");
        }
    }

    @Test
    void theHostMustNameThisServerAndTheOriginMustBeItsOwn() {
        HostGuard g = new HostGuard(8000, Set.of("lab.school.example"));
        assertEquals(Optional.empty(), g.check("127.0.0.1:8000", null));
        assertEquals(Optional.empty(), g.check("LOCALHOST:8000", "http://localhost:8000"));
        assertEquals(Optional.empty(), g.check("[::1]:8000", null));
        assertEquals(Optional.empty(), g.check("192.168.1.20:8000", "http://192.168.1.20:8000"));
        assertEquals(Optional.empty(), g.check("lab.school.example:8000", null), "a name given with --allow-host");
        assertTrue(g.check("evil.example:8000", null).isPresent(), "DNS rebinding arrives under the attacker's name");
        assertTrue(g.check("localhost.evil.example:8000", null).isPresent());
        assertTrue(g.check("127.0.0.1:8001", null).isPresent(), "another port");
        assertTrue(g.check("999.0.0.1:8000", null).isPresent(), "not an address");
        assertTrue(g.check(null, null).isPresent());
        assertTrue(g.check("", null).isPresent());
        assertTrue(g.check("[::1:8000", null).isPresent());
        assertTrue(g.check("127.0.0.1:8000", "http://evil.example").isPresent());
        assertTrue(g.check("127.0.0.1:8000", "http://localhost:8000").isPresent(), "the origin must be the same host the page was opened under");
        assertTrue(g.check("127.0.0.1:8000", "null").isPresent());
        assertEquals("Host 'evil.example:8000' is not this server; open the lab at the address fitlab serve printed",
                g.check("evil.example:8000", null).get().substring(5));
    }
}
