package fitlab.runfolder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** metrics.csv written through an open appender: readable line by line while it is open, the same bits read back. */
class MetricsLogTest {
    @Test
    void everyAppendedLineIsReadableWhileTheFileIsStillOpen(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(MetricsLog.FILE);
        MetricsLog.create(file, true);
        MetricsRow first = new MetricsRow(0, 0.1 + 0.2, Math.PI, 1e-300, 0.5, 2.0 / 3, 1, 0.02, 0.001);
        MetricsRow second = new MetricsRow(1, Double.MIN_VALUE, 0.3, 7, 0.25, 0.75, 0, 0.02, 0.002);
        try (MetricsLog.Appender log = MetricsLog.appender(file)) {
            log.append(first);
            // the live page and `fitlab report` read a running cell's file: each epoch is there as soon as it is logged
            assertEquals(List.of(first), MetricsLog.read(file));
            log.append(second);
            assertEquals(List.of(first, second), MetricsLog.read(file));
        }
        assertEquals(0, MetricsLog.tornLine(file), "every line complete");
        assertEquals(3, Files.readString(file).split("\n").length, "the header and two lines");
    }

    @Test
    void aMissingFileIsAOneLineErrorNamingIt(@TempDir Path dir) {
        Path file = dir.resolve("cells/x/" + MetricsLog.FILE);
        UserError e = assertThrows(UserError.class, () -> MetricsLog.appender(file));
        assertTrue(e.getMessage().startsWith("cannot write " + file), e.getMessage());
    }
}
