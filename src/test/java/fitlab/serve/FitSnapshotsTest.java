package fitlab.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.runfolder.CellFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which checkpoint the live page's fit is drawn from while the background writer is behind the logged epochs. */
class FitSnapshotsTest {
    @Test
    void theNewestCheckpointOnDiskIsFoundHoweverFarTheWriterLagsBehind(@TempDir Path dir) throws Exception {
        CellFolder cell = new CellFolder(dir);
        Files.createDirectories(cell.checkpoints());
        for (int e = 0; e <= 700; e += 25) {
            Files.write(cell.checkpoint(e), new byte[] {1});
        }
        // epoch 807 is logged, the writer has got to 700: four checkpoints (800, 775, 750, 725) are not on disk yet
        Map.Entry<Integer, Path> found = FitSnapshots.newest(cell, 807, 25).orElseThrow();
        assertEquals(700, found.getKey());
        assertEquals(cell.checkpoint(700), found.getValue());
        assertEquals(700, FitSnapshots.newest(cell, 700, 25).orElseThrow().getKey(), "the epoch itself");
        assertEquals(650, FitSnapshots.newest(cell, 674, 25).orElseThrow().getKey());
    }

    @Test
    void nothingIsFoundBeforeTheFirstCheckpointIsWritten(@TempDir Path dir) throws Exception {
        CellFolder cell = new CellFolder(dir);
        Files.createDirectories(cell.checkpoints());
        assertTrue(FitSnapshots.newest(cell, 5000, 1).isEmpty());
        // a checkpoint further back than the look-back bound is not looked for
        Files.write(cell.checkpoint(0), new byte[] {1});
        assertTrue(FitSnapshots.newest(cell, FitSnapshots.MAX_LOOK_BACK - 1, 1).isPresent());
        assertTrue(FitSnapshots.newest(cell, FitSnapshots.MAX_LOOK_BACK, 1).isEmpty());
    }
}
