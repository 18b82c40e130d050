package fitlab.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad claims are config errors at file:line:column, before anything is written; --require-claims decides the exit code. */
class ClaimsCliTest {
    @TempDir
    Path dir;

    static final String BASE = """
            name: claims-cli
            seed: 2
            data:
              train: 20
              validation: 50
              test: 50
            training:
              optimizer: lstsq
            sweep:
              model.degree: [1, 4]
            claims:
              - kind: diagnosis
                cell: degree=1
            """;

    private Path file(String claimTail) throws IOException {
        Path f = dir.resolve("e.yaml");
        Files.writeString(f, BASE + claimTail);
        return f;
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', ignoreLeadingAndTrailingWhitespace = false, value = {
            "    is: underfit\\n  - kind: bogus\\n|15:11|claims[2].kind: expected one of diagnosis",
            "    is: sideways\\n|14:9|claims[1].is: expected one of underfit | good | overfit",
            "    is: underfit\\n  - kind: diagnosis\\n    cell: degree=7\\n    is: good\\n|16:11|claims[2].cell: no cell 'degree=7'",
            "    is: underfit\\n  - kind: trend\\n    metric: final_test_loss\\n    axis: model.width\\n    direction: falls\\n|17:11|claims[2].axis: expected one of model.degree",
            "    is: underfit\\n  - kind: trend\\n    metric: test_loss\\n    axis: model.degree\\n    direction: falls\\n|16:13|claims[2].metric: expected one of best_validation_loss",
            "    is: underfit\\n  - kind: rises_after_minimum\\n    cell: degree=4\\n    factor: big\\n|17:13|claims[2].factor: expected a number",
            "    is: underfit\\n    colour: red\\n|15:5|claims[1].colour: unknown key",
    })
    void aBadClaimNamesItsLineAndColumnAndWritesNothing(String tail, String at, String message) throws IOException {
        Path f = file(tail.replace("\\n", "\n"));
        Path out = dir.resolve("run");
        Cli.Result r = Cli.run("run", f.toString(), "--out", out.toString(), "--no-report");
        assertEquals(2, r.exitCode(), r.out() + r.err());
        String line = r.err().strip();
        assertTrue(line.startsWith("fitlab: " + f + ":" + at + ": " + message) || line.contains(f + ":" + at + ": " + message), line);
        assertEquals(1, line.lines().count(), "one line, no stack trace: " + line);
        assertFalse(Files.exists(out), "nothing written before validation");
    }

    @Test
    void requireClaimsExitsOneOnlyWhenAClaimFails() throws IOException {
        Path holds = file("    is: underfit\n");
        assertEquals(0, Cli.run("run", holds.toString(), "--out", dir.resolve("a").toString(), "--no-report", "--require-claims").exitCode());
        Path fails = file("    is: overfit\n");
        Cli.Result plain = Cli.run("run", fails.toString(), "--out", dir.resolve("b").toString(), "--no-report");
        assertEquals(0, plain.exitCode(), "a failed claim is a teaching result: " + plain.err());
        assertTrue(plain.out().contains("✗ Cell degree=1 overfits.") && plain.out().contains("another seed"), plain.out());
        Cli.Result required = Cli.run("run", fails.toString(), "--out", dir.resolve("c").toString(), "--no-report", "--require-claims");
        assertEquals(1, required.exitCode(), required.out());
        assertTrue(Files.readString(dir.resolve("c").resolve("claims.csv")).contains(",diagnosis,false,"));
    }

    @Test
    void setOnASweptKeySaysTheAxisIsReplacedAndLeavesItsClaimsUnchecked() throws IOException {
        Path f = file("    is: underfit\n");
        Cli.Result r = Cli.run("run", f.toString(), "--out", dir.resolve("s").toString(), "--no-report", "--set", "model.degree=2");
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("note: --set model.degree=2 replaces the sweep axis model.degree"), r.out());
        assertEquals("", r.err(), "a notice is not an error: stderr stays empty");
        assertTrue(r.out().contains("1 claim(s) not checked"), r.out());
    }
}
