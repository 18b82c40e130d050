package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;

/** Long lines are thinned for drawing without losing what a pixel column shows, and the files stay small. */
class ChartSizeTest {
    static final long MAX_SVG_BYTES = 400_000;
    static final long MAX_LESSON_01_REPORT_BYTES = 8_000_000;

    @Test
    void decimationKeepsEveryColumnsFirstLastLowestAndHighestPoint() {
        int n = 30_000, columns = 800;
        double[] x = new double[n], y = new double[n];
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = Math.exp(-i / 3000.0) + 0.05 * r.nextGaussian();
        }
        double[][] kept = Decimation.perColumn(x, y, columns);
        assertTrue(kept[0].length <= 4 * columns && kept[0].length < n / 5, "thinned: " + kept[0].length);
        double width = (x[n - 1] - x[0]) / columns;
        double[] lo = new double[columns], hi = new double[columns], keptLo = new double[columns], keptHi = new double[columns];
        java.util.Arrays.fill(lo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(keptLo, Double.POSITIVE_INFINITY);
        java.util.Arrays.fill(hi, Double.NEGATIVE_INFINITY);
        java.util.Arrays.fill(keptHi, Double.NEGATIVE_INFINITY);
        for (int i = 0; i < n; i++) {
            int c = Decimation.column(x[i], x[0], width, columns);
            lo[c] = Math.min(lo[c], y[i]);
            hi[c] = Math.max(hi[c], y[i]);
        }
        for (int i = 0; i < kept[0].length; i++) {
            int c = Decimation.column(kept[0][i], x[0], width, columns);
            keptLo[c] = Math.min(keptLo[c], kept[1][i]);
            keptHi[c] = Math.max(keptHi[c], kept[1][i]);
            assertTrue(i == 0 || kept[0][i] > kept[0][i - 1], "in order, no repeats");
        }
        assertEquals(x[0], kept[0][0]);
        assertEquals(x[n - 1], kept[0][kept[0].length - 1]);
        for (int c = 0; c < columns; c++) {
            assertEquals(lo[c], keptLo[c], "column " + c + " lowest");
            assertEquals(hi[c], keptHi[c], "column " + c + " highest");
        }
    }

    @Test
    void aLongLossCurveIsDrawnThinnedButTheRunKeepsEveryEpoch() throws IOException {
        LoadedRun run = RunLoader.load(RunFolder.existing(LessonQuickRuns.full("01-polynomial-degree")));
        CellRun cell = run.cells().get(0);
        XYChart chart = LossCurveChart.build(cell, Messages.forLanguage("en", n -> {}));
        var train = ChartAsserts.series(chart, Messages.forLanguage("en", n -> {}).get("series.train"));
        int epochs = cell.metrics().size();
        assertTrue(epochs > 2 * Lines.pixelColumns(chart), "the full run is long enough to be thinned: " + epochs);
        assertTrue(train.getXData().length < epochs, "drawn: " + train.getXData().length + " of " + epochs);
        long csvRows = Files.readAllLines(RunFolder.existing(run.folder().root()).root().resolve("cells").resolve(cell.id())
                .resolve("metrics.csv")).size() - 1;
        assertEquals(epochs, csvRows, "metrics.csv keeps every epoch");
    }

    /** A stroked line of cubic segments is written as one polyline, each column's extremes kept in its vertices. */
    @Test
    void aStrokedCubicLineIsWrittenAsThePolylineOfItsEndPointsInTenths() {
        java.awt.geom.Path2D.Double line = new java.awt.geom.Path2D.Double();
        line.moveTo(0, 10);
        line.curveTo(0.5, 10, 0.5, 20, 1.04, 20.01);
        line.curveTo(1.5, 20, 1.5, 20, 2, 20);
        line.curveTo(2.5, 20, 2.5, 20, 3, 20);
        line.curveTo(3.5, 20, 3.5, 5, 4.123456, 5);
        assertEquals(List.of("M 0.0 10.0", "L 1.0 20.0", "L 3.0 20.0", "L 4.1 5.0"),
                segments(CompactGraphics.compact(line, true)), "tenths, and the inner point of a flat run goes");
        assertEquals(5, segments(CompactGraphics.compact(line, false)).size(), "a filled outline keeps its curves");
        assertTrue(segments(CompactGraphics.compact(line, false)).get(1).startsWith("C 0.5 10.0 0.5 20.0 1.0 20.0"),
                "" + segments(CompactGraphics.compact(line, false)));
    }

    /**
     * For a PDF page a glyph's quadratic segment is written as the same curve in cubic form, in tenths: the PDF writer
     * would otherwise convert it itself, with control points at thirds of a unit.
     */
    @Test
    void aQuadraticSegmentIsWrittenForPdfAsTheSameCubicInTenths() {
        java.awt.geom.Path2D.Double glyph = new java.awt.geom.Path2D.Double();
        glyph.moveTo(0, 0);
        glyph.quadTo(3, 9, 6, 0);
        glyph.closePath();
        assertEquals(List.of("M 0.0 0.0", "Q 3.0 9.0 6.0 0.0", "Z"), segments(CompactGraphics.compact(glyph, false)), "SVG keeps it");
        assertEquals(List.of("M 0.0 0.0", "C 2.0 6.0 4.0 6.0 6.0 0.0", "Z"), segments(CompactGraphics.compact(glyph, false, true)));
        java.awt.geom.Path2D.Double odd = new java.awt.geom.Path2D.Double();
        odd.moveTo(1, 1);
        odd.quadTo(2, 2, 3, 1);
        java.awt.Shape cubic = CompactGraphics.compact(odd, false, true);
        // the same curve: its midpoint (2, 1.5) lies within the rounding of the control points
        java.awt.geom.PathIterator flat = cubic.getPathIterator(null, 0.001);
        double[] c = new double[6];
        double nearest = Double.MAX_VALUE;
        for (; !flat.isDone(); flat.next()) {
            flat.currentSegment(c);
            nearest = Math.min(nearest, Math.hypot(c[0] - 2, c[1] - 1.5));
        }
        assertTrue(nearest < 0.05, "midpoint off by " + nearest);
        assertEquals(List.of("M 1.0 1.0", "C 1.7 1.7 2.3 1.7 3.0 1.0"), segments(cubic), "control points at 2/3, rounded to tenths");
    }

    /** The SVG of a chart holds no coordinate longer than tenths, and its long line is one polyline. */
    @Test
    void anSvgChartWritesTenthsAndItsLongLineAsAPolyline() throws IOException {
        XYChart chart = HouseStyle.xyChart("loss", "epoch", "loss", java.awt.Font.SANS_SERIF);
        int n = 3000;
        double[] x = new double[n], y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            y[i] = 1.0 / (i + 1) + 0.01 * Math.sin(i / 7.0);
        }
        Lines.line(chart, "training loss", x, y, java.awt.Color.BLUE, new java.awt.BasicStroke(5));
        String svg = new String(ChartFiles.svg(chart), java.nio.charset.StandardCharsets.UTF_8);
        Matcher longNumber = Pattern.compile(" (?:d|x|y|width|height)=\"[^\"]*\\d\\.\\d\\d").matcher(svg);
        assertTrue(!longNumber.find(), "a coordinate with more than tenths: " + (longNumber.hitEnd() ? "" : svg.substring(longNumber.start(), longNumber.end())));
        Matcher stroked = Pattern.compile("<path d=\"(m[^\"]*)\" style=\"fill:none;").matcher(svg);
        int longest = 0;
        while (stroked.find()) {
            assertTrue(!stroked.group(1).contains("c"), "stroked paths are polylines");
            longest = Math.max(longest, SvgPathDataTest.absolute(stroked.group(1)).size());
        }
        assertTrue(longest > 500, "the 3000-point line is one path of its kept points: " + longest);
    }

    private static List<String> segments(java.awt.Shape s) {
        List<String> out = new java.util.ArrayList<>();
        double[] c = new double[6];
        for (java.awt.geom.PathIterator it = s.getPathIterator(null); !it.isDone(); it.next()) {
            int type = it.currentSegment(c);
            int k = switch (type) {
                case java.awt.geom.PathIterator.SEG_CUBICTO -> 6;
                case java.awt.geom.PathIterator.SEG_QUADTO -> 4;
                case java.awt.geom.PathIterator.SEG_CLOSE -> 0;
                default -> 2;
            };
            StringBuilder sb = new StringBuilder(switch (type) {
                case java.awt.geom.PathIterator.SEG_MOVETO -> "M";
                case java.awt.geom.PathIterator.SEG_LINETO -> "L";
                case java.awt.geom.PathIterator.SEG_CUBICTO -> "C";
                case java.awt.geom.PathIterator.SEG_CLOSE -> "Z";
                default -> "Q";
            });
            for (int i = 0; i < k; i++) {
                sb.append(' ').append(c[i]);
            }
            out.add(sb.toString());
        }
        return out;
    }

    @Test
    void lessonOnesFullReportChartsAndEverySvgAreSmall() throws IOException {
        Path folder = LessonQuickRuns.full("01-polynomial-degree");
        ReportService.render(RunFolder.existing(folder), Optional.of("en"), n -> {});
        Path report = folder.resolve("report");
        long total;
        try (Stream<Path> files = Files.walk(report)) {
            total = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
        assertTrue(total <= MAX_LESSON_01_REPORT_BYTES, "lesson 01 report folder, slides.pdf included: " + total + " bytes");
        assertTrue(Files.size(report.resolve(SlideDeck.FILE)) > 0, "the slide deck is written");
        List<Path> svgs;
        try (Stream<Path> files = Files.list(report.resolve("charts"))) {
            svgs = files.filter(p -> p.toString().endsWith(".svg")).toList();
        }
        assertTrue(svgs.size() >= 10, "" + svgs);
        Pattern points = Pattern.compile("<path d=\"m[^\"]*l[^\"]*\" style=\"fill:none;");
        for (Path svg : svgs) {
            long size = Files.size(svg);
            assertTrue(size <= MAX_SVG_BYTES, svg.getFileName() + ": " + size + " bytes");
            Matcher m = points.matcher(Files.readString(svg));
            assertTrue(m.find() || svg.getFileName().toString().startsWith("capacity"), svg + " has line data");
        }
    }
}
