package fitlab.runfolder;

import fitlab.config.Cell;
import fitlab.config.DataConfig;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each cell's data lives in a run folder: cells that share the seed and the {@code data:} section share one
 * dataset; the first dataset of the sweep is {@code data/}, each other one {@code data/<id of its first cell>/}.
 */
public final class DataDirs {
    private record Key(long seed, DataConfig data) {}

    private DataDirs() {}

    /** The data folder (relative to the run folder) of every cell, by cell id, in cell order. */
    public static Map<String, String> of(List<Cell> cells) {
        Map<Key, String> dirs = new HashMap<>();
        Map<String, String> out = new LinkedHashMap<>();
        for (Cell cell : cells) {
            Key key = new Key(cell.config().seed(), cell.config().data());
            out.put(cell.id(), dirs.computeIfAbsent(key, k -> dirs.isEmpty() ? "data" : "data/" + cell.id()));
        }
        return out;
    }
}
