package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.runfolder.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * report/reload-check.json: the reload check's result is reused only while every file it read is unchanged; a
 * changed checkpoint makes the report check again and say so.
 */
class ReloadRecordTest {

    @Test
    void theRecordedCheckIsReusedWhileTheFilesAreUnchangedAndRedoneWhenACheckpointChanges() throws Exception {
        RunFolder run = SmallRuns.copy(SmallRuns.ADAM);
        SlideDeck.ReloadCheck first = ReloadRecord.of(run);
        assertTrue(first.problems().isEmpty(), first.problems().toString());
        assertTrue(first.checkpoints() > 2, "checked " + first.checkpoints());
        Path file = ReloadRecord.file(run);
        assertTrue(Files.isRegularFile(file), "recorded in " + file);
        assertEquals(first, SlideDeck.ReloadCheck.of(run.root()), "the record holds what the full check gives");

        // a record whose result was changed by hand, with the digest still right, is what the next report states:
        // proof that the report reads the record instead of reloading every checkpoint
        String recorded = Files.readString(file);
        String edited = recorded.replace("\"checkpoints\" : " + first.checkpoints(), "\"checkpoints\" : 99999");
        assertNotEquals(recorded, edited);
        Files.writeString(file, edited);
        assertEquals(99999, ReloadRecord.of(run).checkpoints());

        // one changed byte in one checkpoint changes the digest: the check runs again, finds the file and re-records
        Path pth;
        try (var files = Files.walk(run.root().resolve("cells"))) {
            pth = files.filter(p -> p.toString().endsWith(".pth") && p.getParent().getFileName().toString().equals("checkpoints"))
                    .sorted().findFirst().orElseThrow();
        }
        byte[] bytes = Files.readAllBytes(pth);
        byte[] damaged = bytes.clone();
        damaged[damaged.length / 2] ^= 1;
        Files.delete(pth); // epoch files may be hard links (best.pth, last.pth): replace this one only
        Files.write(pth, damaged);
        SlideDeck.ReloadCheck afterDamage = ReloadRecord.of(run);
        assertEquals(first.checkpoints(), afterDamage.checkpoints());
        assertFalse(afterDamage.problems().isEmpty(), "the damaged checkpoint is reported");
        assertTrue(String.join(" ", afterDamage.problems()).contains("epoch"), afterDamage.problems().toString());

        Files.delete(pth);
        Files.write(pth, bytes);
        assertEquals(first, ReloadRecord.of(run), "restored: the check passes again");
    }

    @Test
    void theDigestCoversEveryFileOutsideTheReportFolder() throws Exception {
        RunFolder run = SmallRuns.copy(SmallRuns.LSTSQ);
        String before = ReloadRecord.inputsDigest(run.root());
        Files.createDirectories(run.reportDir());
        Files.writeString(run.reportDir().resolve("extra.txt"), "report/ is not read by the check");
        assertEquals(before, ReloadRecord.inputsDigest(run.root()));
        Path metrics;
        try (var files = Files.walk(run.root().resolve("cells"))) {
            metrics = files.filter(p -> p.getFileName().toString().equals("metrics.csv")).findFirst().orElseThrow();
        }
        List<String> lines = Files.readAllLines(metrics);
        Files.writeString(metrics, String.join("\n", lines.subList(0, lines.size() - 1)) + "\n");
        assertNotEquals(before, ReloadRecord.inputsDigest(run.root()), "a shortened metrics.csv changes the digest");
    }
}
