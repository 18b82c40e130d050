package fitlab.experiment;

import fitlab.train.stopping.Marker;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fitlab.UserError;
import java.io.IOException;
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
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    public byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise summary of " + cell, e);
        }
    }

    public static CellSummary read(Path file) {
        try {
            return JSON.readValue(file.toFile(), CellSummary.class);
        } catch (IOException e) {
            throw new UserError(file + ": cannot read cell summary: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
