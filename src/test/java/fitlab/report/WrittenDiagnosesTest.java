package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.cli.FitlabCommand;
import fitlab.diagnosis.Diagnosis;
import fitlab.diagnosis.Reason;
import fitlab.diagnosis.Verdict;
import fitlab.runfolder.CellDiagnoses;
import fitlab.runfolder.RunFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The report takes each cell's diagnosis from the summary.csv the run wrote, never from a second computation. */
class WrittenDiagnosesTest {
    private static final String YAML = """
            name: written-diagnosis
            data: {kind: regression1d, function: sin(2*pi*x), x: [0, 1], noise: 0.1, train: 12, validation: 20, test: 20}
            model: {kind: polynomial, basis: legendre}
            training: {optimizer: adam, lr: 0.05, epochs: 40}
            sweep:
              model.degree: [1, 9]
            """;

    private static RunFolder run(Path dir) throws Exception {
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, YAML);
        Path out = dir.resolve("run");
        CommandLine cl = FitlabCommand.commandLine();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err, true));
        assertEquals(0, cl.execute("run", yaml.toString(), "--out", out.toString(), "--no-report"), err.toString());
        return RunFolder.existing(out);
    }

    @Test
    void theReportedDiagnosisIsTheOneTheRunWroteWithAllItsNumbers(@TempDir Path dir) throws Exception {
        RunFolder folder = run(dir);
        LoadedRun loaded = RunLoader.load(folder);
        List<Optional<Diagnosis>> computed = CellDiagnoses.of(loaded.experiment().cells(),
                loaded.cells().stream().map(CellRun::summary).toList(), loaded.cells().stream().map(CellRun::metrics).toList());
        assertEquals(computed, loaded.cells().stream().map(CellRun::diagnosis).toList(),
                "summary.csv carries every number the diagnosis was decided on, bit for bit");
        assertTrue(computed.stream().allMatch(Optional::isPresent));
    }

    /** A cell stopped as diverged is diagnosed diverged, however finite its last losses (lesson 09's lr=10, seed 923422). */
    @Test
    void aCellStoppedAsDivergedIsDivergedWhateverItsLosses(@TempDir Path dir) throws Exception {
        LoadedRun loaded = RunLoader.load(run(dir));
        List<fitlab.runfolder.CellSummary> summaries = new java.util.ArrayList<>(loaded.cells().stream().map(CellRun::summary).toList());
        var first = summaries.get(0);
        summaries.set(0, new fitlab.runfolder.CellSummary(first.cell(), first.values(), "diverged", first.stopEpoch(), first.bestEpoch(),
                first.bestValidationLoss(), first.markers(), first.parameters(), first.noiseFloor(), first.dataDir(), first.monitor()));
        List<Optional<Diagnosis>> computed = CellDiagnoses.of(loaded.experiment().cells(), summaries,
                loaded.cells().stream().map(CellRun::metrics).toList());
        assertTrue(computed.get(0).isEmpty(), "diverged, not judged on its losses: " + computed.get(0));
        assertTrue(computed.subList(1, computed.size()).stream().allMatch(Optional::isPresent), "the other cells keep their diagnosis");
    }

    /** A reason of another verdict than {@code d}'s. */
    private static Reason another(Diagnosis d) {
        return d.verdict() == Verdict.OVERFIT ? Reason.GOOD_NEAR_NOISE_FLOOR : Reason.OVERFIT_BELOW_NOISE_FLOOR;
    }

    /** Line {@code line} of {@code lines} with its diagnosis columns {@code from} replaced by {@code to}, checked to change. */
    private static void relabel(List<String> lines, int line, String from, String to) {
        String edited = lines.get(line).replace(from, to);
        assertNotEquals(lines.get(line), edited, "row " + line + " names its diagnosis " + from);
        lines.set(line, edited);
    }

    @Test
    void aSummaryThatSaysAnotherVerdictIsReportedWithThatVerdict(@TempDir Path dir) throws Exception {
        RunFolder folder = run(dir);
        Diagnosis before = RunLoader.load(folder).cells().get(0).diagnosis().orElseThrow();
        Reason other = another(before);
        List<String> lines = Files.readAllLines(folder.summaryCsv());
        relabel(lines, 1, "," + before.verdict().key() + "," + before.reason().key() + ",", "," + other.verdict().key() + "," + other.key() + ",");
        Files.write(folder.summaryCsv(), lines);

        CellRun cell = RunLoader.load(folder).cells().get(0);
        assertEquals(other, cell.diagnosis().orElseThrow().reason());
        assertEquals(before.losses(), cell.diagnosis().orElseThrow().losses(), "only the verdict was edited");

        relabel(lines, 1, "," + other.verdict().key() + "," + other.key() + ",", ",diverged,diverged,");
        Files.write(folder.summaryCsv(), lines);
        assertEquals(Optional.empty(), RunLoader.load(folder).cells().get(0).diagnosis());
    }

    @Test
    void anOlderSummaryWithoutTheDiagnosisNumbersStillGivesItsOwnVerdict(@TempDir Path dir) throws Exception {
        RunFolder folder = run(dir);
        List<String> lines = Files.readAllLines(folder.summaryCsv());
        assertTrue(lines.get(0).endsWith(",diagnosis_sweep_min_validation_loss"), lines.get(0));
        Diagnosis before = RunLoader.load(folder).cells().get(1).diagnosis().orElseThrow(); // as the current columns give it
        Reason other = another(before);
        for (int i = 0; i < lines.size(); i++) { // as fitlab wrote summary.csv before that column: drop it
            lines.set(i, lines.get(i).substring(0, lines.get(i).lastIndexOf(',')));
        }
        relabel(lines, 2, "," + before.verdict().key() + "," + before.reason().key(), "," + other.verdict().key() + "," + other.key());
        Files.write(folder.summaryCsv(), lines);

        Diagnosis read = RunLoader.load(folder).cells().get(1).diagnosis().orElseThrow();
        assertEquals(other, read.reason(), "the verdict is the file's");
        assertEquals(before.losses(), read.losses());
        assertEquals(before.sweepMinValidation(), read.sweepMinValidation());
    }
}
