package fitlab.report;

import fitlab.checkpoint.Checkpoints;
import fitlab.pth.PthReader;
import fitlab.pth.PyObject;
import fitlab.pth.Tensor;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lesson 06's main figure, from {@code refactor-check.csv}: one cell's two files side by side, what each holds (bytes,
 * tensor names and shapes, the classes it needs) and whether it loads after the model's class was renamed, with the
 * error when it does not. A slide of words in the house style; every line's box is kept for the layout test.
 */
final class RefactorSlide extends SlideCanvas {
    static final String FILE = "refactor-check.csv";
    static final int MARGIN = 90;
    static final int TITLE_SIZE = HouseStyle.TITLE_SIZE;
    static final int HEADING_SIZE = 40;
    static final int BODY_SIZE = 30;
    /** Lines of tensors listed per file; the rest are counted in one line (an MLP of many layers). */
    static final int MAX_TENSORS = 10;

    /** One file of the check: its row of the csv and the lines saying what it holds. */
    record Column(String file, String kind, long bytes, int tensors, String classes, boolean loads, String error, List<String> holds) {}

    private final List<Column> columns;
    private final Messages m;
    private final List<Rectangle2D> placed = new ArrayList<>();

    RefactorSlide(String title, List<Column> columns, Messages m) {
        super(title);
        this.columns = List.copyOf(columns);
        this.m = m;
    }

    /** One slide per cell that saved both kinds of file, in the csv's order. */
    static List<RenderedChart> charts(LoadedRun run, Messages m) {
        Path csv = run.folder().root().resolve(FILE);
        if (!Files.isRegularFile(csv)) {
            return List.of();
        }
        Map<String, List<Column>> byCell = new LinkedHashMap<>();
        for (List<String> f : CsvLine.read(csv, 7)) {
            Path file = run.folder().root().resolve(f.get(0));
            String cell = Path.of(f.get(0)).getParent().getFileName().toString();
            List<String> holds = f.get(1).equals("state_dict") ? stateDictLines(file) : wholeModelLines(file);
            byCell.computeIfAbsent(cell, k -> new ArrayList<>()).add(new Column(f.get(0), f.get(1), Long.parseLong(f.get(2)),
                    Integer.parseInt(f.get(3)), f.get(4), Boolean.parseBoolean(f.get(5)), f.get(6), holds));
        }
        List<RenderedChart> out = new ArrayList<>();
        // a whole model of torch's classes only (an nn.Sequential) survives a refactor of the program's own classes
        byCell.forEach((cell, cols) -> out.add(RenderedChart.main("refactor-" + ReportPlan.fileName(cell), m.get("caption.refactor"),
                new RefactorSlide(m.get(cols.stream().allMatch(Column::loads) ? "chart.refactor.title.torchOnly" : "chart.refactor.title", cell),
                        cols, m))));
        return out;
    }

    /** The state_dict's keys and shapes (a checkpoint also holds the optimizer and training state, names only). */
    private static List<String> stateDictLines(Path file) {
        List<String> out = new ArrayList<>();
        Checkpoints.read(file).modelStateDict().forEach((k, t) -> out.add(k + "  " + Arrays.toString(t.shape())));
        return out;
    }

    /** The module tree's tensors under their paths, with the class of the module holding them. */
    private static List<String> wholeModelLines(Path file) {
        List<String> out = new ArrayList<>();
        walk((PyObject) PthReader.read(file, n -> true), "", out);
        return out;
    }

    private static void walk(PyObject module, String prefix, List<String> out) {
        for (String part : List.of("_parameters", "_buffers")) {
            if (module.state().get(part) instanceof Map<?, ?> tensors) {
                tensors.forEach((k, v) -> {
                    if (v instanceof Tensor t) {
                        out.add(prefix + k + "  " + Arrays.toString(t.shape()) + "  (" + module.name() + ")");
                    }
                });
            }
        }
        if (module.state().get("_modules") instanceof Map<?, ?> children) {
            children.forEach((k, v) -> {
                if (v instanceof PyObject child) {
                    walk(child, prefix + k + ".", out);
                }
            });
        }
    }

    List<Column> columns() {
        return columns;
    }

    List<Rectangle2D> placed() {
        return placed;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        placed.clear();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        Font titleFont = fitted(g, new Font(m.fontFamily(), Font.BOLD, TITLE_SIZE), getTitle(), width - 2 * MARGIN);
        int y = MARGIN / 2 + g.getFontMetrics(titleFont).getAscent();
        // centred on the canvas, as every chart's title is (HouseStyle's one title rule)
        text(g, titleFont, Color.BLACK, getTitle(), (width - g.getFontMetrics(titleFont).stringWidth(getTitle())) / 2, y);
        int top = y + TITLE_SIZE;
        int gap = 60;
        int columnWidth = (width - 2 * MARGIN - gap * (columns.size() - 1)) / Math.max(1, columns.size());
        for (int i = 0; i < columns.size(); i++) {
            paintColumn(g, columns.get(i), MARGIN + i * (columnWidth + gap), top, columnWidth, height - MARGIN / 2);
        }
    }

    private void paintColumn(Graphics2D g, Column c, int x, int top, int w, int bottom) {
        Font heading = new Font(m.fontFamily(), Font.BOLD, HEADING_SIZE);
        Font body = new Font(m.fontFamily(), Font.PLAIN, BODY_SIZE);
        Font mono = new Font(Font.MONOSPACED, Font.PLAIN, BODY_SIZE - 2);
        g.setColor(new Color(0xF2F2F2));
        g.fillRoundRect(x - 20, top - 10, w + 40, bottom - top, 24, 24);
        int y = top + g.getFontMetrics(heading).getAscent() + 10;
        String name = Path.of(c.file()).getFileName().toString();
        y = lines(g, heading, Color.BLACK, m.get(c.kind().equals("state_dict") ? "refactor.stateDict" : "refactor.wholeModel", name), x, y, w);
        y = lines(g, body, Color.DARK_GRAY, m.get("refactor.size", String.valueOf(c.bytes()), String.valueOf(c.tensors())), x, y, w);
        y += BODY_SIZE / 2;
        List<String> holds = c.holds();
        for (int i = 0; i < Math.min(MAX_TENSORS, holds.size()); i++) {
            y = lines(g, mono, Palette.TRAIN, holds.get(i), x + 20, y, w - 20);
        }
        if (holds.size() > MAX_TENSORS) {
            y = lines(g, body, Color.DARK_GRAY, m.get("refactor.more", String.valueOf(holds.size() - MAX_TENSORS)), x + 20, y, w - 20);
        }
        y += BODY_SIZE / 2;
        String classes = c.kind().equals("state_dict") ? m.get("refactor.noClasses") : m.get("refactor.classes", classNames(c));
        y = lines(g, body, Color.BLACK, classes, x, y, w);
        y += BODY_SIZE;
        Font outcome = new Font(m.fontFamily(), Font.BOLD, HEADING_SIZE);
        Color colour = c.loads() ? Palette.TEST : Palette.VALIDATION;
        y = lines(g, outcome, colour, m.get(c.loads() ? "refactor.loads" : "refactor.fails"), x, y, w);
        if (!c.loads()) {
            lines(g, body, colour, c.error(), x, y, w);
        }
    }

    /** The classes the whole model's pickle names, as refactor-check.csv lists them. */
    private static String classNames(Column c) {
        return c.classes().replace(" ", ", ");
    }

    /** Draws {@code text} wrapped to {@code width} from baseline {@code y}; returns the next line's baseline. */
    private int lines(Graphics2D g, Font f, Color colour, String text, int x, int y, int width) {
        FontMetrics fm = g.getFontMetrics(f);
        for (String line : TextSlide.wrap(text, fm, width)) {
            text(g, f, colour, line, x, y);
            y += (int) Math.round(fm.getHeight() * 1.1);
        }
        return y;
    }

    private void text(Graphics2D g, Font f, Color colour, String line, int x, int y) {
        g.setFont(f);
        g.setColor(colour);
        Glyphs.draw(g, line, x, y);
        FontMetrics fm = g.getFontMetrics(f);
        placed.add(new Rectangle2D.Double(x, y - fm.getAscent(), fm.stringWidth(line), fm.getAscent() + fm.getDescent()));
    }

    private static Font fitted(Graphics2D g, Font f, String text, int width) {
        while (f.getSize() > 24 && g.getFontMetrics(f).stringWidth(text) > width) {
            f = f.deriveFont((float) (f.getSize() - 1));
        }
        return f;
    }
}
