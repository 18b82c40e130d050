package fitlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import fitlab.DaemonThreads;
import fitlab.UserError;
import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * {@code fitlab report}: redraws every chart, the written diagnosis and {@code report/index.html} from a finished run
 * folder. Reads only the run folder; never trains.
 */
public final class ReportService {
    public static final String MANIFEST = "charts.json";
    /**
     * Not indented (a chart's numbers one per indented line were most of the file), and every number with 5
     * significant digits: a drawing's precision (a hundredth of a pixel on a log axis of three decades); the run's CSV files keep every value.
     */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
            .addSerializer(Double.class, new com.fasterxml.jackson.databind.ser.std.StdSerializer<Double>(Double.class) {
                @Override
                public void serialize(Double v, com.fasterxml.jackson.core.JsonGenerator gen,
                                      com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
                    if (!Double.isFinite(v) || v == 0) {
                        gen.writeNumber(v);
                    } else {
                        java.math.BigDecimal r = new java.math.BigDecimal(v).round(new java.math.MathContext(CHART_DATA_DIGITS)).stripTrailingZeros();
                        gen.writeNumber(r.scale() < 0 ? r.setScale(0) : r);
                    }
                }
            }));
    static final int CHART_DATA_DIGITS = 5;

    private ReportService() {}

    /**
     * @param language {@code en} or {@code zh}; empty for the experiment's {@code report.language}
     * @param notices  one-line notices for the user (e.g. no CJK font, so English is used)
     */
    public static Report render(RunFolder run, Optional<String> language, Consumer<String> notices) {
        return render(run, language, notices, line -> {});
    }

    /** As {@link #render(RunFolder, Optional, Consumer)}, telling {@code progress} what it is doing (one line a phase). */
    public static Report render(RunFolder run, Optional<String> language, Consumer<String> notices, Consumer<String> progress) {
        return render(run, language, notices, progress, () -> false);
    }

    /**
     * As above, and abandoned with {@link Interrupted} between two phases or two charts once {@code stop} is true (Ctrl-C
     * while {@code fitlab run} draws the report: the run is complete, and {@code fitlab report} draws it again).
     */
    public static Report render(RunFolder run, Optional<String> language, Consumer<String> notices, Consumer<String> progress,
                                java.util.function.BooleanSupplier stop) {
        ReportProgress steps = new ReportProgress(progress, stop);
        steps.phase("reading " + run.root());
        LoadedRun loaded = RunLoader.load(run);
        String lang = language.orElse(loaded.base().report().language());
        if (!lang.equals("en") && !lang.equals("zh")) {
            throw new UserError("report language '" + lang + "': expected en or zh");
        }
        Messages m = Messages.forLanguage(lang, notices);
        steps.phase("drawing the charts of " + loaded.cells().size() + " cells");
        List<RenderedChart> charts = ReportPlan.charts(loaded, m);
        List<String> diagnosis = loaded.cells().stream().map(c -> DiagnosisText.sentence(c.id(), c.diagnosis(), m)).toList();
        Path dir = run.chartsDir();
        steps.startFiles(charts.size());
        saveAll(charts, dir, steps);
        List<ChartData> data = charts.stream().map(c -> ChartData.of(c.name(), c.chart())).toList();
        Path index = run.reportDir().resolve("index.html");
        steps.phase("reloading every checkpoint for the slide deck's reload check (the recorded result is reused while the run folder is unchanged)");
        SlideDeck.ReloadCheck reload = ReloadRecord.of(run);
        steps.phase("writing slides.pdf and index.html");
        byte[] slides = SlideDeck.pdf(SlideDeck.slides(loaded, charts, diagnosis, ClaimsSection.lines(run, m), reload, m));
        try {
            ChartFiles.write(run.reportDir().resolve(SlideDeck.FILE), slides);
            ChartFiles.write(dir.resolve(MANIFEST), JSON.writeValueAsBytes(data));
            ChartFiles.write(index, HtmlReport.html(loaded, charts, diagnosis, m).getBytes(StandardCharsets.UTF_8));
            removeStale(dir, charts);
        } catch (IOException e) {
            throw new UserError("cannot write report in " + run.reportDir() + ": " + e.getMessage());
        }
        return new Report(m.language(), charts, diagnosis, index);
    }

    /** A report abandoned on request before it was complete; the chart files written so far stay, each whole. */
    public static final class Interrupted extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Interrupted() {
            super("report interrupted");
        }
    }

    /** The chart files' extensions: what a report writes per chart. */
    static final List<String> CHART_EXTENSIONS = List.of(".png", ".svg", ".pdf", ".gif");

    /**
     * Deletes the chart files of an earlier report that this one did not draw (a report redrawn by a newer fitlab, or
     * after a cell was dropped), so the folder holds exactly what index.html and charts.json name. Done last: a report
     * interrupted before it keeps the old files beside the new ones rather than neither.
     */
    static void removeStale(Path dir, List<RenderedChart> charts) throws IOException {
        java.util.Set<String> current = new java.util.HashSet<>();
        charts.forEach(c -> current.add(c.name()));
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                for (String ext : CHART_EXTENSIONS) {
                    if (name.endsWith(ext) && !current.contains(name.substring(0, name.length() - ext.length()))) {
                        java.nio.file.Files.deleteIfExists(f);
                    }
                }
            }
        }
    }

    /**
     * Encodes every chart as PNG and SVG (and GIF) on all cores: encoding is most of a report's time, the charts are
     * independent objects, and each file is written atomically on its own.
     */
    private static void saveAll(List<RenderedChart> charts, Path dir, ReportProgress steps) {
        int threads = Math.max(1, Math.min(charts.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = DaemonThreads.pool(threads, "fitlab-report");
        try {
            List<Future<?>> done = new ArrayList<>();
            for (RenderedChart c : charts) {
                if (!c.gifFrames().isEmpty()) {
                    // the slowest file (every frame painted and reduced to 256 colours): submitted first, on its own
                    done.add(0, pool.submit(() -> ChartFiles.saveGif(c.gifFrames(), dir.resolve(c.name()))));
                }
            }
            for (RenderedChart c : charts) {
                done.add(pool.submit(() -> {
                    ChartFiles.save(c.chart(), dir.resolve(c.name()));
                    steps.fileDone();
                }));
            }
            for (Future<?> f : done) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new UserError("interrupted while writing the charts in " + dir);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Reads {@code charts/charts.json} back (the data of the last drawing). */
    public static List<ChartData> readManifest(RunFolder run) {
        try {
            return List.of(JSON.readValue(run.chartsDir().resolve(MANIFEST).toFile(), ChartData[].class));
        } catch (IOException e) {
            throw new UserError(run.chartsDir().resolve(MANIFEST) + ": cannot read: " + e.getMessage());
        }
    }
}
