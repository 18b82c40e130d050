package fitlab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * A second line of x-axis labels along the bottom edge of the plot, e.g. each MLP width's number of parameters under
 * the width axis. XChart draws one line of tick labels only.
 */
public final class AxisNotes extends Annotation {
    public record Note(double x, String text) {}

    private static final Color BACKDROP = new Color(255, 255, 255, 210);
    private final List<Note> notes;
    private final String caption;
    private final Font font;
    private final List<Rectangle2D> placed = new ArrayList<>();

    /** {@code caption} is written once at the left end of the line (e.g. "parameters"). */
    public AxisNotes(List<Note> notes, String caption, Font font) {
        super(false);
        this.notes = List.copyOf(notes);
        this.caption = caption;
        this.font = font;
    }

    public List<Note> notes() {
        return notes;
    }

    public List<Rectangle2D> placed() {
        return List.copyOf(placed);
    }

    @Override
    public void paint(Graphics2D g) {
        placed.clear();
        if (!isVisible) {
            return;
        }
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        double bottom = Math.max(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
        double left = getXAxisScreenValueForMin();
        double y = bottom - 6 - fm.getDescent();
        List<Rectangle2D> boxes = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (Note n : notes) {
            int w = fm.stringWidth(n.text());
            double cx = getXAxisScreenValue(n.x());
            boxes.add(new Rectangle2D.Double(cx - w / 2.0 - 4, y - fm.getAscent() - 2, w + 8, fm.getHeight() + 2));
            texts.add(n.text());
        }
        // the caption goes at the left end, unless a note is there: the notes matter more (the axis title names them too)
        boxes.add(new Rectangle2D.Double(left + 4, y - fm.getAscent() - 2, fm.stringWidth(caption) + 8, fm.getHeight() + 2));
        texts.add(caption);
        for (int i = 0; i < boxes.size(); i++) {
            Rectangle2D b = boxes.get(i);
            if (placed.stream().anyMatch(b::intersects)) {
                continue;
            }
            placed.add(b);
            g.setColor(BACKDROP);
            g.fill(b);
            g.setColor(Color.DARK_GRAY);
            Glyphs.draw(g, texts.get(i), b.getX() + 4, y);
        }
    }
}
