package fitlab.experiment.checkpoints;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fitlab.checkpoint.Checkpoint;
import fitlab.pth.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How many checkpoint snapshots may wait for the writer: many small ones, few large ones, within 64 MiB. */
class PendingCheckpointsTest {

    @Test
    void smallModelsQueueUpToThirtyTwoEpochs() {
        assertEquals(32, Retention.pendingEpochs(checkpointWithParameters(4_353))); // W1: 1-64-64-1
    }

    @Test
    void largeModelsQueueFewerWithinTheMemoryBound() {
        // 1 M float64 parameters: 8 MB each for weights and two Adam moments = 24 MB a snapshot -> 2, raised to 3
        assertEquals(3, Retention.pendingEpochs(checkpointWithParameters(1_000_000)));
        // 200 k parameters: 4.8 MB a snapshot -> 13 fit in 64 MiB
        assertEquals(13, Retention.pendingEpochs(checkpointWithParameters(200_000)));
    }

    private static Checkpoint checkpointWithParameters(int n) {
        LinkedHashMap<String, Tensor> sd = new LinkedHashMap<>();
        sd.put("0.weight", Tensor.of(new double[n], n));
        return new Checkpoint(1, sd, null, new LinkedHashMap<>(), Map.of(), new LinkedHashMap<>(), Map.of(), Map.of(), List.of());
    }
}
