package fitlab.runfolder;

import java.nio.file.Path;

/** The files of one cell: metrics, per-epoch checkpoints, best/last, summary (docs/architecture.md §3). */
public record CellFolder(Path root) {
    public Path metrics() {
        return root.resolve(MetricsLog.FILE);
    }

    public Path checkpoints() {
        return root.resolve("checkpoints");
    }

    public Path checkpoint(int epoch) {
        return checkpoints().resolve(String.format(java.util.Locale.ROOT, "epoch-%04d.pth", epoch));
    }

    public Path best() {
        return root.resolve("best.pth");
    }

    public Path last() {
        return root.resolve("last.pth");
    }

    public Path wholeModel() {
        return root.resolve("model.whole.pth");
    }

    public Path summaryJson() {
        return root.resolve("summary.json");
    }

    public String id() {
        return root.getFileName().toString();
    }
}
