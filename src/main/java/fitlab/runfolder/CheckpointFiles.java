package fitlab.runfolder;

import fitlab.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

/** The per-epoch checkpoint files present in a cell folder. */
public final class CheckpointFiles {
    private CheckpointFiles() {}

    /** Epoch numbers of {@code checkpoints/epoch-NNNN.pth}, ascending; empty when there are none. */
    public static List<Integer> epochs(CellFolder cell) {
        if (!Files.isDirectory(cell.checkpoints())) {
            return List.of();
        }
        try (var files = Files.list(cell.checkpoints())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.matches("epoch-\\d+\\.pth"))
                    .map(n -> Integer.parseInt(n.substring(6, n.length() - 4))).sorted().toList();
        } catch (IOException e) {
            throw new UserError(cell.checkpoints() + ": cannot list checkpoints: " + e.getMessage());
        }
    }
}
