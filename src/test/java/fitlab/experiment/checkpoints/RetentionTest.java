package fitlab.experiment.checkpoints;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import fitlab.runfolder.CellFolder;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.CheckpointFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** checkpoint.every and checkpoint.keep decide which epoch files survive; best.pth and last.pth always exist. */
class RetentionTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "every {0}, keep {1}")
    @CsvSource({"1,all", "7,all", "1,last", "1,best", "1,4", "5,3"})
    void keepsWhatTheConfigSays(int every, String keep) throws IOException {
        Path yaml = dir.resolve("r.yaml");
        Files.writeString(yaml, """
                name: retention
                data: {kind: regression1d, function: sin(4*x), noise: 0.2, train: 20, validation: 20, test: 50}
                model: {kind: polynomial, degree: 9}
                training: {optimizer: adam, lr: 0.05, epochs: 60}
                checkpoint: {every: %d, keep: %s}
                """.formatted(every, keep));
        Path run = dir.resolve("run");
        Cli.Result r = Cli.run("run", yaml.toString(), "--out", run.toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("checkpoints: about"), "the disk estimate is printed first: " + r.out());
        CellFolder cell = new CellFolder(run.resolve("cells/base"));
        int best = CellSummary.read(cell.summaryJson()).bestEpoch();
        List<Integer> epochs = CheckpointFiles.epochs(cell);
        List<Integer> written = java.util.stream.IntStream.rangeClosed(0, 60).filter(e -> e % every == 0 || e == 60).boxed().toList();
        List<Integer> expected = switch (keep) {
            case "all" -> written;
            case "last" -> List.of(60);
            case "best" -> written.contains(best) ? List.of(best) : List.of();
            default -> written.stream().filter(e -> e == best
                    || written.indexOf(e) >= written.size() - Integer.parseInt(keep)).toList();
        };
        assertEquals(expected, epochs);
        assertEquals(60, fitlab.checkpoint.Checkpoints.read(cell.last()).epoch());
        assertEquals(best, fitlab.checkpoint.Checkpoints.read(cell.best()).epoch());
    }
}
