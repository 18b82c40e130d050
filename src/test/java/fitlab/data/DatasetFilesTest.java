package fitlab.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetFilesTest {

    @TempDir
    Path dir;

    @Test
    void splitsRoundTripThroughAFolderIncludingAnEmptySplit() {
        Splits splits = new Splits(
                new Dataset("train", 2, 2, new double[] {0.1, 0.2, 0.3, 0.4}, new double[] {0, 1}),
                new Dataset("validation", 0, 2, new double[0], new double[0]),
                new Dataset("test", 1, 2, new double[] {-1e-300, 7}, new double[] {1}));
        Path folder = dir.resolve("data");
        assertFalse(DatasetFiles.isSplitsFolder(folder));
        DatasetFiles.write(splits, folder);
        assertTrue(DatasetFiles.isSplitsFolder(folder));
        Splits back = DatasetFiles.read(folder);
        assertArrayEquals(splits.train().x(), back.train().x());
        assertArrayEquals(splits.train().y(), back.train().y());
        assertEquals(0, back.validation().rows());
        assertEquals(2, back.validation().features());
        assertArrayEquals(splits.test().x(), back.test().x());
        assertEquals("test", back.test().name());
    }

    @Test
    void filesWithDifferentColumnsAreAUserError() throws Exception {
        Path folder = dir.resolve("data");
        Files.createDirectories(folder);
        Files.writeString(folder.resolve("train.csv"), "x,y\n1,2\n");
        Files.writeString(folder.resolve("validation.csv"), "x,y\n1,2\n");
        Files.writeString(folder.resolve("test.csv"), "x1,x2,y\n1,2,3\n");
        UserError e = assertThrows(UserError.class, () -> DatasetFiles.read(folder));
        assertTrue(e.getMessage().endsWith("test.csv:1: expected the same columns as train.csv (x,y), got x1,x2,y"),
                e.getMessage());
    }

    @Test
    void anEmptyTrainingFileIsAUserError() throws Exception {
        Path folder = dir.resolve("data");
        Files.createDirectories(folder);
        for (String name : new String[] {"train.csv", "validation.csv", "test.csv"}) {
            Files.writeString(folder.resolve(name), "x,y\n");
        }
        assertTrue(assertThrows(UserError.class, () -> DatasetFiles.read(folder)).getMessage()
                .endsWith("train.csv:1: only a header, no data rows; expected one row per example after the header "
                        + "x,y"));
    }
}
