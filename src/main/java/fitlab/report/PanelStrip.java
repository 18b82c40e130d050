package fitlab.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.util.List;
import org.knowm.xchart.XYChart;

/**
 * Small multiples on one 16:9 slide: a title line above a grid of panels, painted by each panel's own chart, so the
 * strip saves to PNG and SVG like any chart.
 */
public final class PanelStrip extends SlideCanvas {
    public static final int COLUMNS = 3;
    public static final int TITLE_HEIGHT = 80;

    private final List<XYChart> panels;
    private final String fontFamily;
    private final int columns;

    public PanelStrip(String title, List<XYChart> panels, String fontFamily) {
        this(title, panels, fontFamily, COLUMNS);
    }

    /** Panels laid out left to right, {@code columns} to a row. */
    public PanelStrip(String title, List<XYChart> panels, String fontFamily, int columns) {
        super(title);
        this.panels = List.copyOf(panels);
        this.fontFamily = fontFamily;
        this.columns = columns;
        sameTitleSize(this.panels);
    }

    /**
     * One title size for every panel of a figure: each panel's title was shrunk only as far as it had to be, so one long
     * title would otherwise stand out smaller than its neighbours. All take the smallest.
     */
    private static void sameTitleSize(List<XYChart> panels) {
        float size = (float) panels.stream().mapToInt(p -> p.getStyler().getChartTitleFont().getSize()).min().orElse(0);
        for (XYChart p : panels) {
            p.getStyler().setChartTitleFont(p.getStyler().getChartTitleFont().deriveFont(size));
        }
    }

    public int columns() {
        return columns;
    }

    /** The title font: {@link HouseStyle#TITLE_SIZE}, shrunk only when the title would not fit the slide's width. */
    public Font titleFont() {
        java.awt.Graphics2D g = new java.awt.image.BufferedImage(1, 1, java.awt.image.BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            Font f = new Font(fontFamily, Font.BOLD, HouseStyle.TITLE_SIZE);
            while (f.getSize() > HouseStyle.MIN_TITLE_SIZE && g.getFontMetrics(f).stringWidth(getTitle()) > getWidth() - 60) {
                f = f.deriveFont((float) (f.getSize() - 1));
            }
            return f;
        } finally {
            g.dispose();
        }
    }

    public List<XYChart> panels() {
        return panels;
    }

    public static int panelWidth() {
        return panelWidth(COLUMNS);
    }

    public static int panelWidth(int columns) {
        return HouseStyle.WIDTH / columns;
    }

    public static int panelHeight(int panelCount) {
        return panelHeight(panelCount, COLUMNS);
    }

    public static int panelHeight(int panelCount, int columns) {
        int rows = Math.max(1, (panelCount + columns - 1) / columns);
        return (HouseStyle.HEIGHT - TITLE_HEIGHT) / rows;
    }

    @Override
    public void paint(Graphics2D g, int width, int height) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setColor(Color.BLACK);
        g.setFont(titleFont());
        int tw = g.getFontMetrics().stringWidth(getTitle());
        Glyphs.draw(g, getTitle(), Math.max(10, (width - tw) / 2), 55);
        for (int i = 0; i < panels.size(); i++) {
            XYChart p = panels.get(i);
            AffineTransform saved = g.getTransform();
            g.translate((i % columns) * p.getWidth(), TITLE_HEIGHT + (i / columns) * p.getHeight());
            p.paint(g, p.getWidth(), p.getHeight());
            g.setTransform(saved);
            g.setClip(null);
        }
    }
}
