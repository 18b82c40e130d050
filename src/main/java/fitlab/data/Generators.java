package fitlab.data;

import fitlab.UserError;
import fitlab.config.Augmentation;
import fitlab.config.DataConfig;
import fitlab.config.DataKind;
import fitlab.random.Rng;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Turns the {@code data:} section of an experiment into its three splits.
 *
 * <p>Every split has its own stream, {@code Rng.derive(seed, "data/train", "")} and likewise
 * {@code data/validation} and {@code data/test}, so changing the size of one split never changes the points of
 * another; augmentation draws from {@code data/augment}, so augmenting never moves the original points. The
 * streams depend on the experiment seed only, not on the cell: every model of a sweep sees the same data, and a
 * sweep over {@code seed} gives fresh data per seed.
 *
 * <p>Augmentation jitters the targets of {@code regression1d} and {@code csv} data (a CSV file does not say
 * whether its y is a class; set {@code y_jitter} to 0 for class labels) and never those of the classification
 * generators.
 */
public final class Generators {

    private Generators() {}

    /** The generator for a generated kind; {@code csv} has none. */
    public static DataGenerator generator(DataConfig config) {
        return switch (config.kind()) {
            case REGRESSION1D -> new Regression1dGenerator(
                    TargetFunction.parse(config.function()), config.xMin(), config.xMax(), config.noise());
            case MOONS -> new MoonsGenerator(config.noise(), config.balance());
            case CIRCLES -> new CirclesGenerator(config.noise(), config.balance());
            case XOR -> new XorGenerator(config.noise(), config.balance());
            case SPIRAL -> new SpiralGenerator(config.noise(), config.balance(), config.classes());
            case GAUSSIANS -> new GaussiansGenerator(config.noise(), config.balance(), config.classes());
            case CSV -> throw new UserError("data.kind csv reads data.path; it has no generator");
        };
    }

    /** The splits, with a relative csv {@code path} resolved against the working directory. */
    public static Splits generate(DataConfig config, long seed) {
        return generate(config, seed, Path.of(""));
    }

    /**
     * The splits, with a relative csv {@code path} resolved against {@code baseDir} (the YAML file's folder);
     * the training set is augmented as {@code data.augment} says.
     */
    public static Splits generate(DataConfig config, long seed, Path baseDir) {
        Objects.requireNonNull(config.kind(), "data.kind");
        checkSizes(config);
        Splits splits;
        if (config.kind() == DataKind.CSV) {
            splits = CsvDataSource.load(config, seed, baseDir);
        } else {
            DataGenerator generator = generator(config);
            splits = new Splits(
                    generator.sample("train", config.train(), stream(seed, "train")),
                    generator.sample("validation", config.validation(), stream(seed, "validation")),
                    generator.sample("test", config.test(), stream(seed, "test")));
        }
        Augmentation augmentation = Objects.requireNonNullElse(config.augment(), Augmentation.NONE);
        Dataset train = Augmenter.augment(splits.train(), augmentation, !config.kind().isClassification(),
                stream(seed, "augment"));
        return new Splits(train, splits.validation(), splits.test());
    }

    /** The stream {@code data/<split>} of an experiment seed. */
    public static Rng stream(long seed, String split) {
        return Rng.derive(seed, "data/" + split, "");
    }

    private static void checkSizes(DataConfig config) {
        if (config.train() < 1) {
            throw new UserError("data.train: expected at least 1 training point, got " + config.train());
        }
        if (config.validation() < 0) {
            throw new UserError("data.validation: expected a number of points ≥ 0, got " + config.validation());
        }
        if (config.test() < 0) {
            throw new UserError("data.test: expected a number of points ≥ 0, got " + config.test());
        }
    }
}
