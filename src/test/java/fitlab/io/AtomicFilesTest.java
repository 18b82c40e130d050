package fitlab.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void missingFoldersAreCreatedAndNothingButTheTargetIsLeft() throws IOException {
        Path target = dir.resolve("cells/degree=1/checkpoints/epoch_0001.pth");
        AtomicFiles.write(target, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(target));
        AtomicFiles.write(target, new byte[] {4});
        assertArrayEquals(new byte[] {4}, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList(), "no temporary file stays behind");
        }
    }

    @Test
    void filesAreReadableByOthersAsAnyNewFile() throws IOException {
        if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return; // Windows: no POSIX permissions to check
        }
        Path target = dir.resolve("summary.csv");
        AtomicFiles.write(target, "a\n");
        String permissions = PosixFilePermissions.toString(Files.getPosixFilePermissions(target));
        assertTrue(permissions.startsWith("rw-r"), permissions); // rw-r--r-- less the umask
    }

    @Test
    void aFolderThatIsAFileIsAOneLineErrorNamingTheTarget() throws IOException {
        Files.writeString(dir.resolve("cells"), "not a folder");
        Path target = dir.resolve("cells/x.pth");
        UserError e = assertThrows(UserError.class, () -> AtomicFiles.write(target, new byte[] {1}));
        assertTrue(e.getMessage().startsWith("cannot write " + target + ": "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
    }
}
