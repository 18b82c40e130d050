package fitlab.io;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SharedFilesTest {
    @TempDir
    Path dir;

    @Test
    void replacesAnExistingTargetAndLeavesNoTemporaryFile() throws IOException {
        Path target = dir.resolve("best.pth");
        Files.writeString(target, "old");
        Path tmp = dir.resolve(".best.pth.1.tmp");
        Files.writeString(tmp, "new");
        SharedFiles.replace(tmp, target);
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
            SharedFiles.replace(tmp, target);
            assertEquals('o', reader.read(), "the open reader still sees the file it opened");
        }
        assertEquals("new", Files.readString(target));
    }

    @Test
    void deletesAFileThatIsOpenForReadingAndToleratesOneAlreadyGone() throws IOException {
        Path old = dir.resolve("epoch-0025.pth");
        Files.writeString(old, "old");
        try (var reader = Files.newInputStream(old)) {
            SharedFiles.deleteIfExists(old);
            assertEquals('o', reader.read());
        }
        assertFalse(Files.exists(old));
        SharedFiles.deleteIfExists(old);
    }

    @Test
    void aWindowsStyleRefusalIsRetriedUntilTheHolderLetsGo() throws IOException {
        int[] attempts = {0};
        SharedFiles.retry(() -> {
            if (++attempts[0] <= 3) {
                throw new java.nio.file.AccessDeniedException("best.pth");
            }
        }, 5_000);
        assertEquals(4, attempts[0]);
    }

    @Test
    void aRefusalThatLastsIsReportedAfterTheWait() {
        int[] attempts = {0};
        long start = System.nanoTime();
        assertThrows(java.nio.file.AccessDeniedException.class, () -> SharedFiles.retry(() -> {
            attempts[0]++;
            throw new java.nio.file.AccessDeniedException("best.pth");
        }, 100));
        assertTrue(attempts[0] > 1, "retried: " + attempts[0]);
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "gave up near the 100 ms given");
    }

    @Test
    void aMissingSourceFailsAtOnceInsteadOfBeingRetried() {
        long start = System.nanoTime();
        assertThrows(java.nio.file.NoSuchFileException.class, () -> SharedFiles.replace(dir.resolve("absent"), dir.resolve("t")));
        assertTrue(System.nanoTime() - start < 1_000_000_000L, "only access-denied is retried");
    }
}
