package fitlab.experiment;

import fitlab.config.Augmentation;
import fitlab.config.Cell;
import fitlab.config.DataConfig;
import fitlab.config.DataKind;
import fitlab.data.Augmenter;
import fitlab.data.DatasetFiles;
import fitlab.data.Generators;
import fitlab.data.Splits;
import fitlab.runfolder.DataDirs;
import fitlab.runfolder.RunFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Generates each distinct dataset of a sweep once and writes it as CSV, in the folders {@link DataDirs} assigns.
 * The CSV files hold the training set before augmentation; augmentation is re-derived from its own stream.
 */
final class DataPlan {
    private record Key(long seed, DataConfig data) {}

    private final Map<Key, CellData> byKey = new LinkedHashMap<>();
    private final Map<String, CellData> byCell = new LinkedHashMap<>();

    static DataPlan build(List<Cell> cells, RunFolder run, Path experimentDir, boolean write) {
        DataPlan plan = new DataPlan();
        Map<String, String> dirs = DataDirs.of(cells);
        for (Cell cell : cells) {
            Key key = new Key(cell.config().seed(), cell.config().data());
            CellData data = plan.byKey.get(key);
            if (data == null) {
                String dir = dirs.get(cell.id());
                data = make(key, dir, experimentDir);
                if (write) {
                    DatasetFiles.write(data.splits(), run.root().resolve(dir));
                }
                plan.byKey.put(key, data);
            }
            plan.byCell.put(cell.id(), data);
        }
        return plan;
    }

    /**
     * The plan of an existing run, reading the CSV files it wrote instead of generating anything (used by
     * {@code run --resume}, {@code fitlab resume} and verify): the data a checkpoint is checked against is the data on disk.
     */
    static DataPlan read(List<Cell> cells, RunFolder run) {
        DataPlan plan = new DataPlan();
        Map<String, String> dirs = DataDirs.of(cells);
        for (Cell cell : cells) {
            Key key = new Key(cell.config().seed(), cell.config().data());
            String dir = dirs.get(cell.id());
            CellData data = plan.byKey.get(key);
            if (data == null) {
                Splits onDisk = DatasetFiles.read(run.root().resolve(dir), classes(key.data()));
                DataConfig d = key.data();
                data = new CellData(onDisk, augmented(onDisk, d, key.seed()), dir, d.noiseFloor(), classes(d));
                plan.byKey.put(key, data);
            }
            plan.byCell.put(cell.id(), data);
        }
        return plan;
    }

    private static int classes(DataConfig d) {
        return d.kind().isClassification() || d.kind() == DataKind.CSV ? d.classes() : 0;
    }

    /** Writes each distinct dataset of a plan built without writing (what {@link Preflight} checked). */
    void write(RunFolder run) {
        for (CellData data : byKey.values()) {
            DatasetFiles.write(data.splits(), run.root().resolve(data.dataDir()));
        }
    }

    CellData forCell(String cellId) {
        return Objects.requireNonNull(byCell.get(cellId), cellId);
    }

    List<CellData> distinct() {
        return new ArrayList<>(byKey.values());
    }

    private static CellData make(Key key, String dir, Path experimentDir) {
        DataConfig d = key.data();
        DataConfig plain = new DataConfig(d.kind(), d.function(), d.xMin(), d.xMax(), d.noise(), d.train(), d.validation(),
                d.test(), d.balance(), d.classes(), d.path(), Augmentation.NONE);
        Splits splits = Generators.generate(plain, key.seed(), experimentDir);
        return new CellData(splits, augmented(splits, d, key.seed()), dir, d.noiseFloor(), classes(d));
    }

    private static fitlab.data.Dataset augmented(Splits splits, DataConfig d, long seed) {
        if (d.augment() == null || d.augment().copies() == 0) {
            return splits.train();
        }
        return Augmenter.augment(splits.train(), d.augment(), !d.kind().isClassification(), Generators.stream(seed, "augment"));
    }
}
