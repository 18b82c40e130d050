package fitlab.data;

import fitlab.UserError;
import fitlab.config.DataConfig;
import fitlab.random.Rng;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The splits of {@code kind: csv}. {@code path} is either a folder with train.csv, validation.csv and test.csv
 * (as {@code fitlab data} writes them), used as they are, or one CSV file whose rows are shuffled with the
 * {@code data/split} stream and dealt out: the first {@code train} rows, then {@code validation}, then
 * {@code test}; rows beyond those are left out.
 */
final class CsvDataSource {

    private CsvDataSource() {}

    static Splits load(DataConfig config, long seed, Path baseDir) {
        if (config.path() == null || config.path().isBlank()) {
            throw new UserError("data.path: kind csv needs the path of a CSV file or of a folder with "
                    + "train.csv, validation.csv and test.csv");
        }
        Path path = baseDir.resolve(config.path());
        if (Files.isDirectory(path)) {
            return DatasetFiles.read(path, config.classes());
        }
        Dataset all = DatasetCsv.read(path, "all", false, config.classes());
        long wanted = (long) config.train() + config.validation() + config.test();
        if (wanted > all.rows()) {
            throw new UserError("data.train/validation/test: " + config.train() + " + " + config.validation() + " + "
                    + config.test() + " = " + wanted + " rows wanted, but " + path + " has only " + all.rows());
        }
        int[] order = Rng.derive(seed, "data/split", "").permutation(all.rows());
        Dataset train = take(all, "train", order, 0, config.train());
        Dataset validation = take(all, "validation", order, config.train(), config.validation());
        Dataset test = take(all, "test", order, config.train() + config.validation(), config.test());
        return new Splits(train, validation, test);
    }

    private static Dataset take(Dataset all, String name, int[] order, int from, int count) {
        int f = all.features();
        double[] x = new double[count * f];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            int row = order[from + i];
            System.arraycopy(all.x(), row * f, x, i * f, f);
            y[i] = all.y()[row];
        }
        return new Dataset(name, count, f, x, y);
    }
}
