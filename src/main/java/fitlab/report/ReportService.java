package fitlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import fitlab.UserError;
import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * {@code fitlab report}: redraws every chart, the written diagnosis and {@code report/index.html} from a finished run
 * folder. Reads only the run folder; never trains.
 */
public final class ReportService {
    public static final String MANIFEST = "charts.json";
    /**
     * Not indented (a chart's numbers one per indented line were most of the file), and every number with
     * {@link ChartNumbers#DIGITS} significant digits: a drawing's precision (a hundredth of a pixel on a log axis of three decades); the run's CSV files keep every value.
     */
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new com.fasterxml.jackson.databind.module.SimpleModule()
            .addSerializer(Double.class, new com.fasterxml.jackson.databind.ser.std.StdSerializer<Double>(Double.class) {
                @Override
                public void serialize(Double v, com.fasterxml.jackson.core.JsonGenerator gen,
                                      com.fasterxml.jackson.databind.SerializerProvider provider) throws IOException {
                    if (!Double.isFinite(v) || v == 0) {
                        gen.writeNumber(v);
                    } else {
                        gen.writeNumber(ChartNumbers.rounded(v));
                    }
                }
            }));

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
        try (ReportWork work = new ReportWork()) {
            return render(run, language, notices, steps, work);
        }
    }

    private static Report render(RunFolder run, Optional<String> language, Consumer<String> notices, ReportProgress steps,
                                 ReportWork work) {
        // the reload check (or its record) reads every checkpoint: started first, it runs while this thread reads the
        // run, which leaves the other cores idle
        Future<SlideDeck.ReloadCheck> reload = work.submit(() -> {
            steps.phase("reloading every checkpoint for the slide deck's reload check (the recorded result is reused while the run folder is unchanged)");
            return ReloadRecord.of(run, ReloadRecord.inputsDigest(run.root()));
        });
        steps.phase("reading " + run.root());
        LoadedRun loaded = RunLoader.load(run);
        String lang = language.orElse(loaded.base().report().language());
        if (!lang.equals("en") && !lang.equals("zh")) {
            throw new UserError("report language '" + lang + "': expected en or zh");
        }
        Messages m = Messages.forLanguage(lang, notices);
        // the vector writers' font search (FreeType over every installed face), before the first chart needs it
        work.submit(() -> {
            PhysicalFonts.prefetch(m.fontFamily());
            return null;
        });
        steps.phase("drawing the charts of " + loaded.cells().size() + " cells");
        List<String> diagnosis = loaded.cells().stream().map(c -> DiagnosisText.sentence(c.id(), c.diagnosis(), m)).toList();
        Path index = run.reportDir().resolve("index.html");
        Drawn drawn = draw(work, run, reload, ReportPlan.plan(loaded, m), loaded, diagnosis, m, steps);
        steps.phase("writing slides.pdf and index.html");
        byte[] slides = SlideDeck.merge(drawn.pages());
        try {
            ChartFiles.write(run.reportDir().resolve(SlideDeck.FILE), slides);
            ChartFiles.write(run.chartsDir().resolve(MANIFEST), drawn.manifest());
            ChartFiles.write(index, HtmlReport.html(loaded, drawn.charts(), diagnosis, m).getBytes(StandardCharsets.UTF_8));
            removeStale(run.chartsDir(), drawn.charts());
        } catch (IOException e) {
            throw new UserError("cannot write report in " + run.reportDir() + ": " + e.getMessage());
        }
        return new Report(m.language(), drawn.charts(), diagnosis, index);
    }

    /** The charts in the report's order, the slide deck's pages in order and charts.json's bytes; the chart files are on disk. */
    private record Drawn(List<RenderedChart> charts, List<byte[]> pages, byte[] manifest) {}

    /**
     * A chart built by its plan step: its numbers for charts.json (read before any thread paints it: painting sets
     * its series' styles) and its files being written, which give its slide page (null when it has none).
     */
    private record Built(RenderedChart chart, ChartData data, Future<byte[]> files) {}

    /**
     * Every file of the report that takes time, made on all cores ({@link ReportWork}): the plan's steps (each reads
     * its checkpoints and lays out its charts), the animations, the reload check, each chart's PNG, SVG and slide
     * page, the slides of words and charts.json. The steps are queued at once, so the cores draw the first charts
     * while the last are still being laid out.
     */
    private static Drawn draw(ReportWork work, RunFolder run, Future<SlideDeck.ReloadCheck> reload, List<ReportPlan.Step> plan,
                              LoadedRun loaded, List<String> diagnosis, Messages m, ReportProgress steps) {
        Path dir = run.chartsDir();
        List<Future<List<Built>>> built = new ArrayList<>(java.util.Collections.nCopies(plan.size(), null));
        // the animation is the longest file (every frame painted and reduced to 256 colours): its step is queued first
        for (boolean animated : new boolean[] {true, false}) {
            for (int i = 0; i < plan.size(); i++) {
                ReportPlan.Step step = plan.get(i);
                if (step.animated() == animated) {
                    built.set(i, work.submit(() -> build(work, step, dir, steps)));
                }
            }
        }
        Future<byte[]> reloadPage = work.submit(() -> SlideDeck.page(SlideDeck.reloadSlide(ReportWork.result(reload), m)));
        List<Future<byte[]>> openingPages = SlideDeck.opening(loaded, ClaimsSection.lines(run, m), m).stream()
                .map(slide -> work.submit(() -> SlideDeck.page(slide))).toList();
        List<Future<byte[]>> closingPages = SlideDeck.diagnosisSlides(diagnosis, m).stream()
                .map(slide -> work.submit(() -> SlideDeck.page(slide))).toList();
        List<Built> all = new ArrayList<>();
        built.forEach(f -> all.addAll(ReportWork.result(f)));
        List<RenderedChart> charts = all.stream().map(Built::chart).toList();
        steps.startFiles(charts.size());
        Future<byte[]> json = work.submit(() -> JSON.writeValueAsBytes(all.stream().map(Built::data).toList()));
        all.forEach(b -> ReportWork.result(b.files()));
        List<byte[]> pages = new ArrayList<>();
        openingPages.forEach(f -> pages.add(ReportWork.result(f)));
        java.util.Map<IChart, Built> byChart = new java.util.IdentityHashMap<>();
        all.forEach(b -> byChart.put(b.chart().chart(), b));
        SlideDeck.chartSlides(charts).forEach(chart -> pages.add(ReportWork.result(byChart.get(chart).files())));
        closingPages.forEach(f -> pages.add(ReportWork.result(f)));
        pages.add(ReportWork.result(reloadPage));
        return new Drawn(charts, pages, ReportWork.result(json));
    }

    /**
     * One plan step on a report thread: builds its charts and queues each chart's files; an animation is written
     * here, after its chart's files are queued. A chart is painted by one task at a time (XChart's charts are not
     * safe to paint from two threads): its PNG, its SVG and, when it is on a slide, its page.
     */
    private static List<Built> build(ReportWork work, ReportPlan.Step step, Path dir, ReportProgress steps) {
        steps.check();
        List<Built> out = new ArrayList<>();
        List<RenderedChart> animated = new ArrayList<>();
        for (RenderedChart c : step.build().get()) {
            ChartData data = ChartData.of(c.name(), c.chart());
            Future<byte[]> files = work.submit(() -> {
                var vector = ChartFiles.save(c.chart(), dir.resolve(c.name()));
                byte[] page = SlideDeck.SLIDE_SECTIONS.contains(c.section()) ? SlideDeck.page(c.chart(), vector) : null;
                steps.fileDone();
                return page;
            });
            out.add(new Built(c, data, files));
            if (!c.gifFrames().isEmpty()) {
                animated.add(c);
            }
        }
        animated.forEach(c -> ChartFiles.saveGif(c.gifFrames(), dir.resolve(c.name())));
        return out;
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

    /** Reads {@code charts/charts.json} back (the data of the last drawing). */
    public static List<ChartData> readManifest(RunFolder run) {
        try {
            return List.of(JSON.readValue(run.chartsDir().resolve(MANIFEST).toFile(), ChartData[].class));
        } catch (IOException e) {
            throw new UserError(run.chartsDir().resolve(MANIFEST) + ": cannot read: " + e.getMessage());
        }
    }
}
