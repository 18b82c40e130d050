package fitlab.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Comparing metrics.csv files of two runs: everything but the wall-clock {@code seconds} column must match. */
public final class MetricsFiles {
    private MetricsFiles() {}

    /** The file's lines without their last field ({@code seconds}), joined by newlines. */
    public static String withoutSeconds(Path metrics) throws IOException {
        List<String> lines = Files.readAllLines(metrics, StandardCharsets.UTF_8);
        assertTrue(lines.get(0).endsWith(",seconds"), metrics + ": seconds is the last column");
        return lines.stream().map(l -> l.substring(0, l.lastIndexOf(','))).collect(Collectors.joining("\n"));
    }
}
