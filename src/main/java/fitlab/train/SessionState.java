package fitlab.train;

import java.util.LinkedHashMap;

/**
 * Everything besides the model's weights that a {@link TrainingSession} needs to continue bit-identically:
 * the number of finished epochs, the optimizer's state dict and the states of the shuffle and dropout streams.
 */
public record SessionState(int epoch, LinkedHashMap<String, Object> optimizerState, long[] shuffleRng, long[] dropoutRng) {
    public SessionState {
        shuffleRng = shuffleRng.clone();
        dropoutRng = dropoutRng.clone();
    }

    @Override
    public long[] shuffleRng() {
        return shuffleRng.clone();
    }

    @Override
    public long[] dropoutRng() {
        return dropoutRng.clone();
    }
}
