package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PthWriterTest {
    @TempDir
    Path dir;

    @Test
    void failedWriteLeavesNothingBehindAndKeepsTheOldFile() throws Exception {
        Path file = dir.resolve("best.pth");
        PthWriter.write(file, Map.of("epoch", 1L));
        byte[] before = Files.readAllBytes(file);
        assertThrows(IllegalArgumentException.class, () -> PthWriter.write(file, Map.of("bad", new Object())));
        assertEquals(List.of(file), Files.list(dir).toList());
        assertEquals(1L, ((Map<?, ?>) PthReader.read(file)).get("epoch"));
        assertEquals(before.length, Files.readAllBytes(file).length);
    }

    @Test
    void archiveNameIsTheFileStemLikeTorch() {
        assertEquals("model.best", PthWriter.archiveNameFor(Path.of("/x/model.best.pth")));
        assertEquals("archive", PthWriter.archiveNameFor(Path.of("模型.pth")));
        assertEquals("archive", PthWriter.archiveNameFor(Path.of(".pth")));
    }
}
