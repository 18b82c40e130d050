package fitlab.config;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.UserError;
import fitlab.io.PortableNames;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configs whose run folder or cell folders could not be copied to a Windows laptop are refused before anything is written. */
class PortableConfigTest {
    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("exp.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void anExperimentNamedAfterAWindowsDeviceIsRefusedWithItsPosition() throws IOException {
        Path f = write("name: con\n");
        UserError e = assertThrows(UserError.class, () -> ExperimentLoader.load(f, List.of(), false));
        assertTrue(e.getMessage().startsWith(f + ":1:7: name: the run folder is named after it, and 'con' is a device name on Windows"),
                e.getMessage());
        UserError dot = assertThrows(UserError.class, () -> ExperimentLoader.load(write("name: lesson.\n"), List.of(), false));
        assertTrue(dot.getMessage().contains("ends with '.'"), dot.getMessage());
    }

    @Test
    void cellIdsThatDifferOnlyInCaseAreRefused() throws IOException {
        Path f = write("data:\n  function: sin(x)\nsweep:\n  data.function: [\"sin(x)\", \"SIN(x)\"]\n");
        UserError e = assertThrows(UserError.class, () -> ExperimentLoader.load(f, List.of(), false));
        assertTrue(e.getMessage().contains("sweep values repeat (ignoring case)"), e.getMessage());
    }

    @Test
    void aCellIdNeverEndsWithADot() throws IOException {
        Experiment e = ExperimentLoader.load(write("sweep:\n  data.function: [\"x*1.\", \"x*2\"]\n"), List.of(), false);
        assertEquals("function=x_1_", e.cells().get(0).id());
        for (Cell c : e.cells()) {
            assertEquals(java.util.Optional.empty(), PortableNames.problem(c.id()));
        }
    }
}
