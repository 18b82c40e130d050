package fitlab.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * Translucent bands across the full height of the plot, one per stretch of x (their names are {@link TopLabels}). XChart's area series fill towards a value rather than the plot edge,
 * which breaks on a log axis, so the bands are painted directly.
 */
public final class RegionShading extends Annotation {
    /** One band: from {@code x0} to {@code x1}, its colour and its label. */
    public record Band(double x0, double x1, Color color, String label) {}

    private final List<Band> bands;

    public RegionShading(List<Band> bands) {
        super(false);
        this.bands = List.copyOf(bands);
    }

    public List<Band> bands() {
        return bands;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        double top = Math.min(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
        double bottom = Math.max(getYAxisScreenValueForMax(), getYAxisScreenValueForMin());
        for (Band b : bands) {
            double left = getXAxisScreenValue(b.x0()), right = getXAxisScreenValue(b.x1());
            if (right - left < 1) {
                // a single capacity: a band as wide as a text column, centred on it
                left -= 20;
                right += 20;
            }
            g.setColor(Palette.translucent(b.color(), 50));
            g.fill(new Rectangle2D.Double(left, top, right - left, bottom - top));
        }
    }
}
