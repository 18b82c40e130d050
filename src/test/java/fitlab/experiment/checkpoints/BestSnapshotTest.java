package fitlab.experiment.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.checkpoint.Checkpoint;
import fitlab.checkpoint.Checkpoints;
import fitlab.config.CheckpointConfig;
import fitlab.pth.Tensor;
import fitlab.runfolder.CellFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * best.pth waits for the next epoch file: an epoch that improves between two of them is kept in memory, then written
 * before that epoch file, so whenever an epoch file exists best.pth holds the best epoch up to it.
 */
class BestSnapshotTest {
    @TempDir
    Path dir;

    @Test
    void aBestEpochBetweenEpochFilesIsWrittenWithTheNextOneAndNotBefore() throws Exception {
        CellFolder cell = new CellFolder(dir.resolve("cell"));
        Files.createDirectories(cell.checkpoints());
        try (Retention r = new Retention(new CheckpointConfig(5, new CheckpointConfig.Retention.All(), false), cell)) {
            for (int epoch = 0; epoch <= 4; epoch++) {
                int e = epoch;
                r.epochDone(epoch, false, epoch == 0 ? -1 : epoch, () -> checkpoint(e));
            }
            while (!r.writerIdle()) {
                Thread.sleep(1); // epoch 0's file is written by the writer thread
            }
            assertTrue(Files.isRegularFile(cell.checkpoint(0)));
            assertFalse(Files.exists(cell.best()), "best epochs 1-4 wait in memory for epoch 5's file");
            r.epochDone(5, false, 3, () -> checkpoint(5));
            r.ensureWritten(5, () -> checkpoint(5));
            assertEquals(4, Checkpoints.read(cell.best()).epoch(), "the newest best before epoch 5 (epoch 3 is no longer best after 4)");
            // the best epoch is an epoch file's own: one inode under both names
            r.epochDone(6, false, 4, () -> checkpoint(6));
            r.epochDone(10, false, 10, () -> checkpoint(10));
            r.ensureWritten(10, () -> checkpoint(10));
            assertEquals(10, Checkpoints.read(cell.best()).epoch());
            assertTrue(Files.isSameFile(cell.best(), cell.checkpoint(10)));
            // interrupted after epoch 12, best at 11 (off the grid): best.pth first, then the epoch file to resume from
            r.epochDone(11, false, 11, () -> checkpoint(11));
            r.epochDone(12, false, 11, () -> checkpoint(12));
            assertEquals(10, Checkpoints.read(cell.best()).epoch());
            r.ensureWritten(12, () -> checkpoint(12));
            assertEquals(11, Checkpoints.read(cell.best()).epoch());
            assertEquals(12, Checkpoints.read(cell.checkpoint(12)).epoch());
            assertFalse(Files.exists(cell.checkpoint(11)));
        }
    }

    @Test
    void aBestEpochFileHasTheBytesItWouldHaveAsAnEpochFile() throws Exception {
        CellFolder cell = new CellFolder(dir.resolve("cell"));
        Files.createDirectories(cell.checkpoints());
        try (Retention r = new Retention(new CheckpointConfig(5, new CheckpointConfig.Retention.All(), false), cell)) {
            r.epochDone(3, false, 3, () -> checkpoint(3));
            r.epochDone(5, true, 3, () -> checkpoint(5));
        }
        // PyTorch names a zip's top folder after the file; an off-grid best is named as its epoch file would be
        assertTrue(java.util.Arrays.equals(Files.readAllBytes(cell.best()), Checkpoints.toBytes(checkpoint(3), cell.checkpoint(3))));
        assertTrue(Files.isSameFile(cell.last(), cell.checkpoint(5)));
    }

    private static Checkpoint checkpoint(int epoch) {
        LinkedHashMap<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("weight", Tensor.of(new double[] {epoch, 1}, 2));
        LinkedHashMap<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_loss", 1.0 / (epoch + 1));
        return new Checkpoint(epoch, sd, null, metrics, Map.of(), new LinkedHashMap<>(), Map.of(), Map.of(), List.of());
    }
}
