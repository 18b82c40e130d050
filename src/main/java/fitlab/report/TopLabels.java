package fitlab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Names written along the top of the plot: each marker line's name at the top of its line, and each shaded region's
 * name centred over it. Labels are stacked in rows so that none overlaps another or the legend box, which is why they
 * are placed while painting, when XChart's layout (the legend's place) is known.
 */
public final class TopLabels extends Annotation {
    /** A marker's label sits beside its line; a region's label is centred on its span. */
    public enum Anchor { BESIDE_LINE, CENTRED }

    public record Label(double x, String text, Anchor anchor) {}

    private static final int GAP = 10;
    private static final int MAX_ROWS = 8;
    // opaque: another marker's dotted line showed through a translucent box, right across the words of a label
    private static final Color BACKDROP = Color.WHITE;

    private final List<Label> labels = new ArrayList<>();
    private final Font font;
    private final List<Rectangle2D> placed = new ArrayList<>();

    public TopLabels(Font font) {
        super(false);
        this.font = font;
    }

    public void add(double x, String text, Anchor anchor) {
        labels.add(new Label(x, text, anchor));
    }

    public List<Label> labels() {
        return List.copyOf(labels);
    }

    /** The rows a chart needs above its data for these labels (to size the headroom). */
    public int rowsHint() {
        return labels.isEmpty() ? 0 : Math.min(MAX_ROWS, labels.size());
    }

    /** The labels' boxes on the canvas at the last paint, in the order of {@link #labels()}. */
    public List<Rectangle2D> placed() {
        return List.copyOf(placed);
    }

    @Override
    public void paint(Graphics2D g) {
        placed.clear();
        if (!isVisible || labels.isEmpty()) {
            return;
        }
        double left = getXAxisScreenValueForMin(), right = getXAxisScreenValueForMax();
        double top = Math.min(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int rowHeight = fm.getHeight() + 4;
        List<Rectangle2D> obstacles = new ArrayList<>();
        Rectangle2D legend = ChartLayout.legend(chart);
        if (legend != null) {
            obstacles.add(legend);
        }
        List<Label> order = new ArrayList<>(labels);
        order.sort(Comparator.comparingDouble(Label::x));
        Rectangle2D[] boxes = new Rectangle2D[labels.size()];
        for (Label l : order) {
            double sx = getXAxisScreenValue(l.x());
            int w = fm.stringWidth(l.text());
            double x0 = switch (l.anchor()) {
                case BESIDE_LINE -> sx + GAP + w <= right ? sx + GAP : sx - GAP - w;
                case CENTRED -> sx - w / 2.0;
            };
            x0 = Math.max(left + 2, Math.min(right - w - 2, x0));
            Rectangle2D box = null;
            for (int row = 0; row < MAX_ROWS; row++) {
                Rectangle2D candidate = new Rectangle2D.Double(x0 - 4, top + 6 + row * rowHeight, w + 8, rowHeight);
                if (obstacles.stream().noneMatch(candidate::intersects)) {
                    box = candidate;
                    break;
                }
            }
            if (box == null) {
                box = new Rectangle2D.Double(x0 - 4, top + 6 + MAX_ROWS * rowHeight, w + 8, rowHeight);
            }
            obstacles.add(box);
            boxes[labels.indexOf(l)] = box;
            g.setColor(BACKDROP);
            g.fill(box);
            g.setColor(Color.BLACK);
            Glyphs.draw(g, l.text(), box.getX() + 4, box.getY() + 2 + fm.getAscent());
        }
        placed.addAll(List.of(boxes));
    }
}
