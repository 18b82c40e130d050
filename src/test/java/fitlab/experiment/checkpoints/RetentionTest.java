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
import org.junit.jupiter.api.Test;
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

    /**
     * A kill after the stop epoch's file was written and before {@code last.pth} was (the two are one writer step,
     * in that order): the resumed cell trains nothing, it is only finished off, and must still get the last.pth the
     * uninterrupted run has. CrashSafetyTest's kill at "epoch 137 logged" once landed there and resume failed in
     * the report with "last.pth: no such checkpoint file".
     */
    @Test
    void aCellKilledBetweenItsStopEpochFileAndLastPthGetsLastPthOnResume() throws IOException {
        Path yaml = dir.resolve("s.yaml");
        Files.writeString(yaml, """
                name: stopper
                seed: 3
                data: {kind: regression1d, function: sin(4*x), noise: 0.2, train: 20, validation: 20, test: 50}
                model: {kind: polynomial, degree: 12}
                training: {optimizer: adam, lr: 0.05, epochs: 3000}
                early_stopping: {patience: 30, action: stop}
                checkpoint: {every: 1, keep: 3}
                """);
        Path reference = dir.resolve("reference"), killed = dir.resolve("killed");
        Cli.Result r = Cli.run("run", yaml.toString(), "--out", reference.toString(), "--no-report");
        assertEquals(0, r.exitCode(), r.err());
        CellFolder ref = new CellFolder(reference.resolve("cells/base"));
        assertEquals("patience", CellSummary.read(ref.summaryJson()).stopReason(), "the cell stops early");
        Cli.Result again = Cli.run("run", yaml.toString(), "--out", killed.toString(), "--no-report");
        assertEquals(0, again.exitCode(), again.err());
        CellFolder cell = new CellFolder(killed.resolve("cells/base"));
        // the folder as the kill left it: the stop epoch's file on disk, neither last.pth nor the summaries yet
        Files.delete(cell.last());
        Files.delete(cell.summaryJson());
        Files.delete(killed.resolve("summary.csv"));
        Cli.Result resumed = Cli.run("run", "--resume", killed.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertArrayEquals(Files.readAllBytes(ref.last()), Files.readAllBytes(cell.last()), "last.pth as the uninterrupted run has it");
        assertEquals(CheckpointFiles.epochs(ref), CheckpointFiles.epochs(cell));
        assertArrayEquals(Files.readAllBytes(ref.summaryJson()), Files.readAllBytes(cell.summaryJson()));

        // killed a moment later, after last.pth was published (a hard link to the stop epoch's file) and before
        // summary.json: publishing it again must not leave its temporary link behind (a rename of one link of an
        // inode onto another is a no-op), which CrashSafetyTest's kill at "epoch 107 logged" once found
        Path later = dir.resolve("killed-later");
        assertEquals(0, Cli.run("run", yaml.toString(), "--out", later.toString(), "--no-report").exitCode());
        CellFolder laterCell = new CellFolder(later.resolve("cells/base"));
        Files.delete(laterCell.summaryJson());
        Files.delete(later.resolve("summary.csv"));
        Cli.Result resumedLater = Cli.run("run", "--resume", later.toString(), "--no-report");
        assertEquals(0, resumedLater.exitCode(), resumedLater.err());
        try (var files = Files.list(laterCell.root()); var expected = Files.list(ref.root())) {
            assertEquals(expected.map(f -> f.getFileName().toString()).sorted().toList(),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no stray temporary file");
        }
        assertArrayEquals(Files.readAllBytes(ref.last()), Files.readAllBytes(laterCell.last()));
    }
}
