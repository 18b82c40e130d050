package fitlab.data;

import fitlab.UserError;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A whole {@link Splits} as a folder of three CSV files, {@value #TRAIN}, {@value #VALIDATION} and
 * {@value #TEST} (the {@code data/} folder of a run, and the output of {@code fitlab data}).
 */
public final class DatasetFiles {

    public static final String TRAIN = "train.csv";
    public static final String VALIDATION = "validation.csv";
    public static final String TEST = "test.csv";

    private DatasetFiles() {}

    /** Writes the three files atomically, one after the other, creating the folder if needed. */
    public static void write(Splits splits, Path folder) {
        DatasetCsv.write(splits.train(), folder.resolve(TRAIN));
        DatasetCsv.write(splits.validation(), folder.resolve(VALIDATION));
        DatasetCsv.write(splits.test(), folder.resolve(TEST));
    }

    /** True when the folder holds all three files. */
    public static boolean isSplitsFolder(Path folder) {
        return Files.isRegularFile(folder.resolve(TRAIN)) && Files.isRegularFile(folder.resolve(VALIDATION))
                && Files.isRegularFile(folder.resolve(TEST));
    }

    /**
     * Reads the three files; the training set needs at least one row, validation and test may be empty.
     *
     * @throws UserError for a bad file, or when the files disagree on the number of features
     */
    public static Splits read(Path folder) {
        return read(folder, 0);
    }

    /** As {@link #read(Path)}; with {@code classes} of 2 or more every y must be a class index 0..classes-1. */
    public static Splits read(Path folder, int classes) {
        Dataset train = DatasetCsv.read(folder.resolve(TRAIN), "train", false, classes);
        Dataset validation = DatasetCsv.read(folder.resolve(VALIDATION), "validation", true, classes);
        Dataset test = DatasetCsv.read(folder.resolve(TEST), "test", true, classes);
        for (Dataset other : new Dataset[] {validation, test}) {
            if (other.features() != train.features()) {
                throw new UserError(folder.resolve(other.name() + ".csv") + ":1: expected the same columns as "
                        + TRAIN + " (" + String.join(",", DatasetCsv.columnNames(train.features())) + "), got "
                        + String.join(",", DatasetCsv.columnNames(other.features())));
            }
        }
        return new Splits(train, validation, test);
    }
}
