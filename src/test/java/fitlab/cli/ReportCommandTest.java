package fitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.report.ChartData;
import fitlab.report.ReportService;
import fitlab.runfolder.RunFolder;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {
    private static final String YAML = """
            name: cli-report
            question:
              en: Which degree?
              zh: 几次？
            data: {kind: regression1d, function: cos(1.5*pi*x), x: [0, 1], noise: 0.1, train: 12, validation: 20, test: 50}
            model: {kind: polynomial, basis: legendre}
            training: {optimizer: adam, lr: 0.05, epochs: 30}
            sweep:
              model.degree: [1, 5]
            """;

    private static String[] execute(String... args) {
        CommandLine cl = FitlabCommand.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void runDrawsTheReportAndReportRedrawsTheSameData(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("e.yaml");
        Files.writeString(yaml, YAML);
        Path runDir = dir.resolve("run");
        String[] run = execute("run", yaml.toString(), "--out", runDir.toString(), "--threads", "2");
        assertEquals("0", run[0], run[2]);
        assertTrue(run[1].contains("report: "), run[1]);
        RunFolder folder = RunFolder.existing(runDir);
        List<ChartData> first = ReportService.readManifest(folder);
        Files.delete(folder.chartsDir().resolve("capacity.png"));

        String[] report = execute("report", runDir.toString());
        assertEquals("0", report[0], report[2]);
        // the report phase tells what it is doing, so a big run's report never sits silent for minutes
        for (String phase : List.of("report: reading ", "report: drawing the charts of 2 cells", "report: writing ",
                "report: reloading every checkpoint", "report: writing slides.pdf")) {
            assertTrue(report[1].contains(phase), "missing progress line '" + phase + "' in:\n" + report[1]);
        }
        assertTrue(Files.isRegularFile(folder.chartsDir().resolve("capacity.png")));
        assertEquals(first, ReportService.readManifest(folder));

        String[] zh = execute("report", runDir.toString(), "--lang", "zh");
        assertEquals("0", zh[0], zh[2]);
        assertTrue(Files.readString(folder.reportDir().resolve("index.html")).contains("几次？"));
    }

    @Test
    void aFolderThatIsNotARunIsAOneLineUserError(@TempDir Path dir) {
        String[] r = execute("report", dir.toString());
        assertEquals("2", r[0]);
        assertTrue(r[2].contains("not a fitlab run folder") && r[2].strip().lines().count() == 1, r[2]);
    }
}
