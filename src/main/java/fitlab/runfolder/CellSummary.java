package fitlab.runfolder;

import fitlab.train.stopping.Marker;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.json} of a cell: why and when it stopped, its best epoch, every early-stopping marker, and
 * what the reporter needs to interpret it (capacity, noise floor, where its data is).
 *
 * @param stopReason   completed | patience | criterion | diverged | interrupted
 * @param stopEpoch    the epoch training stopped at (the last epoch trained)
 * @param bestEpoch    epoch with the best monitored value
 * @param parameters   number of trainable parameters (the capacity)
 * @param noiseFloor   σ² of the generated label noise (null when unknown, e.g. CSV data or classification)
 * @param dataDir      the cell's data folder, relative to the run folder
 */
public record CellSummary(
        String cell,
        Map<String, Object> values,
        String stopReason,
        int stopEpoch,
        int bestEpoch,
        double bestValidationLoss,
        List<Marker> markers,
        int parameters,
        Double noiseFloor,
        String dataDir,
        String monitor) {

    public static final String FILE = "summary.json";

    public byte[] toJson() {
        return RecordFile.bytes(this, "summary of " + cell);
    }

    public static CellSummary read(Path file) {
        return RecordFile.read(file, CellSummary.class, "cell summary");
    }
}
