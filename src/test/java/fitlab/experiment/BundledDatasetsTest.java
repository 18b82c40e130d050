package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The datasets committed under datasets/ are exactly what the bundled experiments generate, byte for byte. */
class BundledDatasetsTest {
    @TempDir
    Path dir;

    static Stream<Path> experiments() throws IOException {
        try (var s = Files.list(Path.of("experiments"))) {
            return s.filter(p -> p.getFileName().toString().matches("\\d\\d-.*\\.yaml")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("experiments")
    void regeneratingGivesTheCommittedBytes(Path yaml) throws IOException {
        Experiment e = ExperimentLoader.load(yaml, List.of(), false);
        Path committed = Path.of("datasets", e.base().name());
        if (e.base().data().kind() == fitlab.config.DataKind.CSV) {
            return; // reads a committed file rather than generating one
        }
        assertTrue(Files.isDirectory(committed), "datasets/" + e.base().name() + " is committed (run: ./fitlab data " + yaml + ")");
        Path fresh = dir.resolve(e.base().name());
        List<String> written = DataService.write(e, fresh);
        assertFalse(written.isEmpty());
        try (var files = Files.walk(fresh)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Path c = committed.resolve(fresh.relativize(f).toString());
                assertTrue(Files.exists(c), "committed " + c);
                assertArrayEquals(Files.readAllBytes(c), Files.readAllBytes(f), c.toString());
            }
        }
    }
}
