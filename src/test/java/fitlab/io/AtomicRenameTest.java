package fitlab.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicRenameTest {
    @TempDir
    Path dir;

    @Test
    void replacesAnExistingTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("best.pth");
        Files.writeString(target, "old");
        Path tmp = dir.resolve(".best.pth.1.tmp");
        Files.writeString(tmp, "new");
        AtomicRename.replace(tmp, target);
        assertEquals("new", Files.readString(target));
        assertFalse(Files.exists(tmp));
    }

    @Test
    void replacesATargetThatIsOpenForReading() throws IOException {
        // what a notebook reading best.pth does while training writes the next one
        Path target = dir.resolve("best.pth");
        Files.writeString(target, "old");
        Path tmp = dir.resolve(".best.pth.2.tmp");
        Files.writeString(tmp, "new");
        try (var reader = Files.newInputStream(target)) {
            AtomicRename.replace(tmp, target);
            assertEquals('o', reader.read(), "the open reader still sees the file it opened");
        }
        assertEquals("new", Files.readString(target));
    }

    @Test
    void aMissingSourceFailsAtOnceInsteadOfBeingRetried() {
        long start = System.nanoTime();
        assertThrows(java.nio.file.NoSuchFileException.class, () -> AtomicRename.replace(dir.resolve("absent"), dir.resolve("t")));
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "only access-denied is retried");
    }
}
