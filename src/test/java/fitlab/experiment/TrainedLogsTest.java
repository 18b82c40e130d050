package fitlab.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.cli.Cli;
import fitlab.config.ExperimentLoader;
import fitlab.runfolder.CellSummary;
import fitlab.runfolder.MetricsRow;
import fitlab.runfolder.RunFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** summary.csv from the rows kept in memory is the summary.csv from the files, byte for byte. */
class TrainedLogsTest {
    @TempDir
    Path dir;

    @Test
    void theSummaryFromTheRowsInMemoryEqualsTheSummaryFromTheFiles() throws Exception {
        Path yaml = dir.resolve("s.yaml");
        // a diverging learning rate too: infinite and NaN losses must read back as they were kept
        Files.writeString(yaml, """
                name: summary
                data: {kind: regression1d, function: sin(4*x), noise: 0.2, train: 20, validation: 20, test: 50}
                model: {kind: polynomial, degree: 6}
                training: {optimizer: adam, lr: 0.05, epochs: 120}
                sweep: {training.lr: [0.05, 0.5, 400]}
                """);
        Path out = dir.resolve("run");
        Cli.Result r = Cli.run("run", yaml.toString(), "--out", out.toString(), "--no-report");
        assertEquals(0, r.exitCode(), r.err());
        RunFolder run = RunFolder.existing(out);
        byte[] written = Files.readAllBytes(run.summaryCsv());
        var experiment = ExperimentLoader.loadRunFolder(run.experimentYaml());
        List<CellSummary> summaries = new ArrayList<>();
        for (var cell : experiment.cells()) {
            summaries.add(CellSummary.read(run.cell(cell.id()).summaryJson()));
        }
        RunService.writeSummary(run, experiment, summaries); // every metrics.csv parsed again
        assertArrayEquals(written, Files.readAllBytes(run.summaryCsv()));
    }

    @Test
    void cellsBeyondTheBudgetAreReadFromTheirFiles() {
        TrainedLogs logs = new TrainedLogs();
        MetricsRow row = new MetricsRow(0, 1.0, 2.0, 3.0, Double.NaN, Double.NaN, Double.NaN, 0.01, 0.5);
        logs.keep("small", List.of(row));
        logs.keep("huge", Collections.nCopies((int) TrainedLogs.MAX_ROWS, row));
        assertEquals(List.of(row), logs.of("small").orElseThrow());
        assertTrue(logs.of("huge").isEmpty());
    }
}
