package fitlab.report;

import java.awt.Color;

/**
 * Okabe–Ito colour-blind-safe palette with one fixed meaning per colour across every chart, so a student who
 * learns "blue is training" on one slide can read every other slide.
 */
public final class Palette {
    public static final Color TRAIN = new Color(0x0072B2);       // blue
    public static final Color VALIDATION = new Color(0xD55E00);  // vermillion
    public static final Color TEST = new Color(0x009E73);        // bluish green
    public static final Color NOISE_FLOOR = new Color(0x000000); // black, dashed
    public static final Color BEST = new Color(0xCC79A7);        // reddish purple
    public static final Color PATIENCE = new Color(0xE69F00);    // orange
    public static final Color CRITERION = new Color(0x56B4E9);   // sky blue (GL, PQ, UP)
    public static final Color TRUE_FUNCTION = new Color(0x000000);
    public static final Color UNDERFIT_REGION = new Color(0x56B4E9);
    public static final Color GOOD_REGION = new Color(0x009E73);
    public static final Color OVERFIT_REGION = new Color(0xD55E00);
    public static final Color STOP = new Color(0x000000);        // black, solid thin: where training stopped
    public static final Color THRESHOLD = new Color(0x000000);   // black, dotted: the interpolation threshold p = n
    public static final Color BIAS = new Color(0xE69F00);        // orange
    public static final Color VARIANCE = new Color(0xCC79A7);    // reddish purple
    public static final Color CLASS_0 = new Color(0x0072B2);     // decision boundary points, class 0
    public static final Color CLASS_1 = new Color(0xE69F00);     // decision boundary points, class 1
    public static final Color HIGHLIGHT = new Color(0xF0E442);   // yellow
    /** Classes 0, 1, 2, ...: blue, orange, bluish green, reddish purple, vermillion, sky blue (Okabe–Ito). */
    static final Color[] CLASSES = {CLASS_0, CLASS_1, new Color(0x009E73), new Color(0xCC79A7), new Color(0xD55E00), new Color(0x56B4E9)};

    private Palette() {}

    public static Color classColor(int label) {
        return CLASSES[Math.floorMod(label, CLASSES.length)];
    }

    /** The same colour with an alpha, for shaded regions that must not hide the data. */
    public static Color translucent(Color c, int alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), alpha);
    }
}
