package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fitlab.cli.Cli;
import fitlab.runfolder.CellSummary;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cell continued past its early stop with {@code resume --epochs N} that trains all N epochs has completed them. */
class ResumeStopReasonTest {
    @TempDir
    Path dir;

    @Test
    void aContinuationThatTrainsAllItsEpochsReportsCompletedNotTheOriginalsPatience() throws IOException {
        Path yaml = dir.resolve("e.yaml");
        // a degree-12 fit of 12 points overfits quickly, so patience 5 stops it long before epoch 400
        Files.writeString(yaml, """
                name: resume-reason
                seed: 4
                data:
                  noise: 0.3
                  train: 12
                  validation: 50
                  test: 50
                model:
                  degree: 12
                training:
                  lr: 0.05
                  epochs: 400
                early_stopping:
                  patience: 5
                  action: stop
                checkpoint:
                  keep: last
                """);
        Path run = dir.resolve("run");
        assertEquals(0, Cli.run("run", yaml.toString(), "--out", run.toString(), "--no-report").exitCode());
        CellSummary original = CellSummary.read(run.resolve("cells/base/summary.json"));
        assertEquals("patience", original.stopReason(), "the fixture must stop early to test anything");
        Cli.Result r = Cli.run("resume", run.toString(), "--cell", "base", "--epochs", "20");
        assertEquals(0, r.exitCode(), r.err());
        CellSummary resumed = CellSummary.read(run.resolve("cells/base@resume-from-" + original.stopEpoch() + "/summary.json"));
        assertEquals("completed", resumed.stopReason());
        assertEquals(original.stopEpoch() + 20, resumed.stopEpoch());
    }
}
