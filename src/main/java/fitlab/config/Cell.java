package fitlab.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One point of a sweep: its stable id (e.g. {@code degree=4,seed=0}, also its folder name), the swept
 * values by key path, and the resolved config it trains.
 */
public record Cell(String id, Map<String, Object> values, ExperimentConfig config) {
    public Cell {
        values = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }
}
