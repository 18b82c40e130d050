package fitlab.report;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import org.knowm.xchart.internal.chartpart.Annotation;

/**
 * The plane painted in the predicted class's colour, lighter where the model is less sure: a reader sees which region
 * belongs to which class, and where the boundary is soft. One pixel per grid point, drawn scaled to the plot with
 * bilinear smoothing so no grid cells show at slide size.
 */
public final class BoundaryImage extends Annotation {
    /** Share of the class colour at the least confident point (1/classes) and at certainty. */
    static final double FAINTEST = 0.12;
    static final double STRONGEST = 0.5;

    private final BufferedImage image;
    private final double xMin, xMax, yMin, yMax;

    /** {@code xMin..yMax}: the data range the grid spans (cell edges, half a step beyond the first and last point). */
    public BoundaryImage(BoundaryData d, double xMin, double xMax, double yMin, double yMax) {
        super(false);
        this.image = raster(d);
        this.xMin = xMin;
        this.xMax = xMax;
        this.yMin = yMin;
        this.yMax = yMax;
    }

    /** The grid as an image: column ix, row from the top (the highest x₂ first). */
    static BufferedImage raster(BoundaryData d) {
        int nx = d.gridX().length, ny = d.gridY().length;
        BufferedImage img = new BufferedImage(nx, ny, BufferedImage.TYPE_INT_RGB);
        double chance = 1.0 / d.classes();
        for (int ix = 0; ix < nx; ix++) {
            for (int iy = 0; iy < ny; iy++) {
                double sure = (d.confidence()[ix][iy] - chance) / (1 - chance);
                img.setRGB(ix, ny - 1 - iy, tint(Palette.classColor(d.predicted()[ix][iy]), sure).getRGB());
            }
        }
        return img;
    }

    /** The class colour mixed into white: {@code sure} 0 (a coin toss) is faint, 1 (certain) is strong. */
    static Color tint(Color c, double sure) {
        double a = FAINTEST + (STRONGEST - FAINTEST) * Math.max(0, Math.min(1, sure));
        return new Color(mix(c.getRed(), a), mix(c.getGreen(), a), mix(c.getBlue(), a));
    }

    private static int mix(int channel, double a) {
        return (int) Math.round(255 + (channel - 255) * a);
    }

    public BufferedImage image() {
        return image;
    }

    @Override
    public void paint(Graphics2D g) {
        if (!isVisible) {
            return;
        }
        int left = getXAxisScreenValue(xMin), right = getXAxisScreenValue(xMax);
        int top = getYAxisScreenValue(yMax), bottom = getYAxisScreenValue(yMin);
        Object hint = g.getRenderingHint(RenderingHints.KEY_INTERPOLATION);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(image, left, Math.min(top, bottom), right - left, Math.abs(bottom - top), null);
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, hint == null ? RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR : hint);
    }
}
