package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import fitlab.config.Augmentation;
import fitlab.config.DataConfig;
import fitlab.config.DataKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class GeneratorsTest {

    @TempDir
    Path dir;

    static DataConfig config(DataKind kind, int train, int validation, int test) {
        return new DataConfig(kind, "cos(1.5*pi*x)", 0, 1, 0.1, train, validation, test, 0.5, 3, null,
                Augmentation.NONE);
    }

    static DataConfig withAugment(DataConfig c, Augmentation a) {
        return new DataConfig(c.kind(), c.function(), c.xMin(), c.xMax(), c.noise(), c.train(), c.validation(),
                c.test(), c.balance(), c.classes(), c.path(), a);
    }

    @ParameterizedTest
    @EnumSource(value = DataKind.class, names = "CSV", mode = EnumSource.Mode.EXCLUDE)
    void theSameSeedGivesTheSameBytesInAFreshFolder(DataKind kind) throws Exception {
        DataConfig c = config(kind, 40, 20, 30);
        DatasetFiles.write(Generators.generate(c, 7), dir.resolve("a"));
        DatasetFiles.write(Generators.generate(c, 7), dir.resolve("b"));
        for (String name : new String[] {DatasetFiles.TRAIN, DatasetFiles.VALIDATION, DatasetFiles.TEST}) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(name)),
                    Files.readAllBytes(dir.resolve("b").resolve(name)), kind + " " + name);
        }
        byte[] otherSeed = DatasetCsv.toBytes(Generators.generate(c, 8).train());
        assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a").resolve(DatasetFiles.TRAIN)), otherSeed));
    }

    @ParameterizedTest
    @EnumSource(value = DataKind.class, names = "CSV", mode = EnumSource.Mode.EXCLUDE)
    void changingOneSplitSizeLeavesTheOtherSplitsAlone(DataKind kind) {
        Splits base = Generators.generate(config(kind, 30, 30, 1000), 0);
        Splits biggerTest = Generators.generate(config(kind, 30, 30, 5000), 0);
        Splits biggerTrain = Generators.generate(config(kind, 60, 30, 1000), 0);
        assertSame(base.train(), biggerTest.train());
        assertSame(base.validation(), biggerTest.validation());
        assertSame(base.validation(), biggerTrain.validation());
        assertSame(base.test(), biggerTrain.test());
        assertEquals(5000, biggerTest.test().rows());
        Dataset[] splits = {base.train(), base.validation(), base.test()};
        for (int a = 0; a < 3; a++) {
            for (int b = a + 1; b < 3; b++) {
                assertFalse(Arrays.equals(Arrays.copyOf(splits[a].x(), 10), Arrays.copyOf(splits[b].x(), 10)),
                        splits[a].name() + " and " + splits[b].name() + " must draw from different streams");
            }
        }
    }

    @Test
    void splitsHaveTheirNamesSizesAndFeatureCounts() {
        Splits s = Generators.generate(config(DataKind.MOONS, 12, 0, 5), 1);
        assertEquals("train", s.train().name());
        assertEquals("validation", s.validation().name());
        assertEquals("test", s.test().name());
        assertEquals(12, s.train().rows());
        assertEquals(0, s.validation().rows());
        assertEquals(2, s.test().features());
        assertEquals(1, Generators.generate(config(DataKind.REGRESSION1D, 3, 3, 3), 1).train().features());
    }

    @Test
    void eachKindGetsItsGenerator() {
        assertInstanceOf(Regression1dGenerator.class, Generators.generator(config(DataKind.REGRESSION1D, 1, 1, 1)));
        assertInstanceOf(MoonsGenerator.class, Generators.generator(config(DataKind.MOONS, 1, 1, 1)));
        assertInstanceOf(CirclesGenerator.class, Generators.generator(config(DataKind.CIRCLES, 1, 1, 1)));
        assertInstanceOf(XorGenerator.class, Generators.generator(config(DataKind.XOR, 1, 1, 1)));
        assertEquals(3, ((SpiralGenerator) Generators.generator(config(DataKind.SPIRAL, 1, 1, 1))).classes());
        assertEquals(3, ((GaussiansGenerator) Generators.generator(config(DataKind.GAUSSIANS, 1, 1, 1))).classes());
    }

    @Test
    void augmentationAppendsJitteredCopiesToTheTrainingSetOnly() {
        DataConfig plain = config(DataKind.REGRESSION1D, 20, 10, 10);
        Splits base = Generators.generate(plain, 3);
        Splits augmented = Generators.generate(withAugment(plain, new Augmentation(3, 0.01, 0.02)), 3);
        assertEquals(80, augmented.train().rows());
        assertArrayEquals(base.train().x(), Arrays.copyOf(augmented.train().x(), 20), "originals come first");
        assertArrayEquals(base.train().y(), Arrays.copyOf(augmented.train().y(), 20));
        assertSame(base.validation(), augmented.validation());
        assertSame(base.test(), augmented.test());
    }

    @Test
    void classLabelsAreNotJitteredByAugmentation() {
        DataConfig c = withAugment(config(DataKind.XOR, 50, 10, 10), new Augmentation(2, 0.05, 0.5));
        Dataset train = Generators.generate(c, 4).train();
        assertEquals(150, train.rows());
        for (int i = 50; i < 150; i++) {
            assertEquals(train.y()[i % 50], train.y()[i], "row " + i);
        }
    }

    @Test
    void csvKindReadsAFolderOfSplits() {
        Splits written = Generators.generate(config(DataKind.CIRCLES, 10, 5, 5), 2);
        DatasetFiles.write(written, dir.resolve("data"));
        DataConfig c = new DataConfig(DataKind.CSV, null, 0, 0, 0, 10, 5, 5, 0.5, 2, "data", Augmentation.NONE);
        Splits read = Generators.generate(c, 99, dir);
        assertSame(written.train(), read.train());
        assertSame(written.test(), read.test());
    }

    @Test
    void csvKindShufflesOneFileIntoTheSplitsBySeed() {
        int n = 50;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = 2 * i;
        }
        DatasetCsv.write(new Dataset("all", n, 1, x, y), dir.resolve("all.csv"));
        DataConfig c = new DataConfig(DataKind.CSV, null, 0, 0, 0, 20, 10, 15, 0.5, 0, "all.csv", Augmentation.NONE);
        Splits s = Generators.generate(c, 5, dir);
        assertEquals(20, s.train().rows());
        assertEquals(10, s.validation().rows());
        assertEquals(15, s.test().rows());
        boolean[] seen = new boolean[n];
        for (Dataset d : new Dataset[] {s.train(), s.validation(), s.test()}) {
            for (int i = 0; i < d.rows(); i++) {
                int original = (int) d.x()[i];
                assertFalse(seen[original], "row " + original + " used twice");
                seen[original] = true;
                assertEquals(2.0 * original, d.y()[i], "rows stay whole");
            }
        }
        assertSame(s.train(), Generators.generate(c, 5, dir).train());
        assertFalse(Arrays.equals(s.train().x(), Generators.generate(c, 6, dir).train().x()));
    }

    @Test
    void csvKindWithTooFewRowsIsAUserError() {
        DatasetCsv.write(new Dataset("all", 3, 1, new double[] {1, 2, 3}, new double[] {1, 2, 3}),
                dir.resolve("small.csv"));
        DataConfig c = new DataConfig(DataKind.CSV, null, 0, 0, 0, 2, 1, 1, 0.5, 0, "small.csv", Augmentation.NONE);
        UserError e = assertThrows(UserError.class, () -> Generators.generate(c, 0, dir));
        assertTrue(e.getMessage().contains("2 + 1 + 1 = 4 rows wanted, but"), e.getMessage());
        assertTrue(e.getMessage().endsWith("small.csv has only 3"), e.getMessage());
    }

    @Test
    void badSizesAndFunctionsAreUserErrors() {
        assertTrue(assertThrows(UserError.class, () -> Generators.generate(config(DataKind.MOONS, 0, 1, 1), 0))
                .getMessage().startsWith("data.train:"));
        assertTrue(assertThrows(UserError.class, () -> Generators.generate(config(DataKind.MOONS, 5, -1, 1), 0))
                .getMessage().startsWith("data.validation:"));
        DataConfig badFunction = new DataConfig(DataKind.REGRESSION1D, "cos(z)", 0, 1, 0.1, 5, 5, 5, 0.5, 2, null,
                Augmentation.NONE);
        assertTrue(assertThrows(UserError.class, () -> Generators.generate(badFunction, 0)).getMessage()
                .startsWith("data.function \"cos(z)\": unknown function or variable 'z'"));
    }

    private static void assertSame(Dataset expected, Dataset actual) {
        assertEquals(expected.name(), actual.name());
        assertEquals(expected.rows(), actual.rows());
        assertEquals(expected.features(), actual.features());
        assertArrayEquals(expected.x(), actual.x(), expected.name() + " x");
        assertArrayEquals(expected.y(), actual.y(), expected.name() + " y");
    }
}
