package fitlab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.util.ArrayList;
import java.util.List;

/**
 * A slide of words: a heading and paragraphs (each a bullet when there are several), wrapped to the slide's width,
 * for the question, the diagnosis and the reload check of the slide deck. Painted like a chart, so it becomes a
 * vector page the same way.
 */
final class TextSlide extends SlideCanvas {
    static final int MARGIN = 110;
    static final int HEADING_SIZE = 56;
    static final int BODY_SIZE = 36;

    private final List<String> paragraphs;
    private final String fontFamily;

    TextSlide(String heading, List<String> paragraphs, String fontFamily) {
        super(heading);
        this.paragraphs = List.copyOf(paragraphs);
        this.fontFamily = fontFamily;
    }

    List<String> paragraphs() {
        return paragraphs;
    }

    /** Slides holding {@code paragraphs} under {@code heading}, as many as the text needs (the heading repeats). */
    static List<TextSlide> paginate(String heading, List<String> paragraphs, String fontFamily) {
        List<TextSlide> out = new ArrayList<>();
        FontMetrics fm = metrics(new Font(fontFamily, Font.PLAIN, BODY_SIZE));
        int available = HouseStyle.HEIGHT - bodyTop() - MARGIN, used = 0;
        List<String> page = new ArrayList<>();
        for (String p : paragraphs) {
            int h = wrap(p, fm, textWidth(paragraphs.size() > 1)).size() * lineHeight(fm) + paragraphGap();
            if (!page.isEmpty() && used + h > available) {
                out.add(new TextSlide(heading, page, fontFamily));
                page = new ArrayList<>();
                used = 0;
            }
            page.add(p);
            used += h;
        }
        out.add(new TextSlide(heading, page, fontFamily));
        return out;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        Font headingFont = new Font(fontFamily, Font.BOLD, HEADING_SIZE);
        g.setFont(headingFont);
        FontMetrics hm = g.getFontMetrics();
        int y = MARGIN + hm.getAscent();
        for (String line : wrap(getTitle(), hm, width - 2 * MARGIN)) {
            Glyphs.draw(g, line, MARGIN, y);
            y += lineHeight(hm);
        }
        g.setFont(new Font(fontFamily, Font.PLAIN, BODY_SIZE));
        FontMetrics fm = g.getFontMetrics();
        boolean bullets = paragraphs.size() > 1;
        y = Math.max(y, bodyTop()) + fm.getAscent();
        for (String p : paragraphs) {
            int x = bullets ? MARGIN + 50 : MARGIN;
            if (bullets) {
                Glyphs.draw(g, "•", MARGIN + 10, y);
            }
            for (String line : wrap(p, fm, textWidth(bullets))) {
                Glyphs.draw(g, line, x, y);
                y += lineHeight(fm);
            }
            y += paragraphGap();
        }
    }

    static int bodyTop() {
        return MARGIN + 2 * HEADING_SIZE;
    }

    private static int textWidth(boolean bullets) {
        return HouseStyle.WIDTH - 2 * MARGIN - (bullets ? 50 : 0);
    }

    private static int lineHeight(FontMetrics fm) {
        return (int) Math.round(fm.getHeight() * 1.15);
    }

    private static int paragraphGap() {
        return BODY_SIZE / 2;
    }

    private static FontMetrics metrics(Font f) {
        Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            return g.getFontMetrics(f);
        } finally {
            g.dispose();
        }
    }

    /**
     * Lines of at most {@code width} pixels: broken at the last space that fits, or (Chinese has no spaces) after the
     * last character that fits.
     */
    static List<String> wrap(String text, FontMetrics fm, int width) {
        List<String> lines = new ArrayList<>();
        String rest = text.strip();
        while (!rest.isEmpty()) {
            if (fm.stringWidth(rest) <= width) {
                lines.add(rest);
                break;
            }
            int fit = 1;
            while (fit < rest.length() && fm.stringWidth(rest.substring(0, fit + 1)) <= width) {
                fit++;
            }
            int space = rest.lastIndexOf(' ', fit);
            int cut = space > fit / 2 ? space : fit;
            lines.add(rest.substring(0, cut).stripTrailing());
            rest = rest.substring(cut).stripLeading();
        }
        return lines;
    }
}
