package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Drawing a run's report again gives the same bytes in every file of report/: the charts, charts.json, index.html,
 * the reload record and slides.pdf (whose file identifier PDFBox would take from the clock), whatever order the
 * report's threads finished their files in.
 */
class ReportRedrawTest {

    @Test
    void everyFileOfTheReportIsTheSameAtEveryDrawing() throws IOException {
        RunFolder run = LessonQuickRuns.get("03-epochs-and-early-stopping");
        ReportService.render(run, Optional.of("en"), n -> {});
        Map<String, byte[]> first = files(run.reportDir());
        ReportService.render(run, Optional.of("en"), n -> {});
        Map<String, byte[]> second = files(run.reportDir());
        assertEquals(first.keySet(), second.keySet());
        first.forEach((name, bytes) -> assertArrayEquals(bytes, second.get(name), name + " differs between two drawings"));
        assertTrue(first.containsKey(SlideDeck.FILE), "the deck is among the files compared: " + first.keySet());
    }

    private static Map<String, byte[]> files(Path dir) throws IOException {
        Map<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(dir.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
