package fitlab.report;

import java.util.List;
import java.util.function.Function;

/**
 * Labels for a logarithmic axis from {@code lo} to {@code hi}. XChart labels only the decades, so an axis spanning less
 * than one decade shows a single number. Here XChart is asked for a tick at every 1…9 × 10ᵏ and this function names
 * only the steps of the smallest set that gives at least three labels: the decades; else 1, 2 and 5 of each decade;
 * else every step. The others get a blank label (the tick mark stays, the number does not).
 */
public final class LogTicks implements Function<Double, String> {
    /** Label sets, from the sparsest: the mantissas that get a number. */
    static final List<List<Integer>> STEPS = List.of(List.of(1), List.of(1, 2, 5), List.of(1, 2, 3, 5, 7), List.of(1, 2, 3, 4, 5, 6, 7, 8, 9));
    public static final int MIN_LABELS = 3;
    /** What XChart is given for an unlabelled tick: a label it can measure but that draws nothing. */
    public static final String BLANK = " ";

    /**
     * Beyond this many decades every label is a power of ten (10⁻⁷ … 10⁹): written plainly, 100000 and 0.0001 would
     * stand between 10⁶ and 10⁻⁵ in another notation, and the long ones crowd the axis line.
     */
    static final double POWERS_BEYOND_DECADES = 4;

    /** At most this many decades get a label: a slide's axis holds about ten numbers before they touch. */
    static final int MAX_DECADE_LABELS = 10;

    private final List<Integer> labelled;
    private final boolean powers;
    private final int decadeStep;

    public LogTicks(double lo, double hi) {
        this.labelled = choose(lo, hi);
        double decades = Math.log10(hi / lo);
        this.powers = decades > POWERS_BEYOND_DECADES;
        this.decadeStep = decadeStep(decades);
    }

    /**
     * Every decade, or every 2nd, 3rd, 5th or 10th when more than {@link #MAX_DECADE_LABELS} would be labelled (a
     * training loss at 10⁻³⁰ under a test loss at 10⁹: forty numbers would stack into one black column).
     */
    static int decadeStep(double decades) {
        for (int step : new int[] {1, 2, 3, 5, 10}) {
            if (decades / step <= MAX_DECADE_LABELS) {
                return step;
            }
        }
        return (int) Math.ceil(decades / MAX_DECADE_LABELS);
    }

    /** True for a range so wide that XChart should put ticks (and grid lines) at the decades only. */
    public boolean decadesOnly() {
        return powers;
    }

    static List<Integer> choose(double lo, double hi) {
        for (List<Integer> steps : STEPS) {
            if (count(lo, hi, steps) >= MIN_LABELS) {
                return steps;
            }
        }
        return STEPS.get(STEPS.size() - 1);
    }

    /**
     * The range widened, if it must be, until it holds {@link #MIN_LABELS} ticks of 1…9 × 10ᵏ: a loss that stays
     * between 0.85 and 1.15 holds only 0.9 and 1, so the axis is taken out to the nearest further tick (0.8).
     */
    static double[] widened(double lo, double hi) {
        List<Integer> all = STEPS.get(STEPS.size() - 1);
        while (count(lo, hi, all) < MIN_LABELS) {
            double below = tickBelow(lo), above = tickAbove(hi);
            if (Math.log10(lo / below) <= Math.log10(above / hi)) {
                lo = below;
            } else {
                hi = above;
            }
        }
        return new double[] {lo, hi};
    }

    /** The largest m × 10ᵏ (m = 1…9) below {@code v}. */
    static double tickBelow(double v) {
        int k = (int) Math.floor(Math.log10(v));
        double m = Math.ceil(v / Math.pow(10, k) - 1e-9) - 1;
        return m >= 1 ? m * Math.pow(10, k) : 9 * Math.pow(10, k - 1);
    }

    /** The smallest m × 10ᵏ (m = 1…9) above {@code v}. */
    static double tickAbove(double v) {
        int k = (int) Math.floor(Math.log10(v));
        double m = Math.floor(v / Math.pow(10, k) + 1e-9) + 1;
        return m * Math.pow(10, k);
    }

    /** How many values m × 10ᵏ (m in {@code steps}) lie in [lo, hi]. */
    static int count(double lo, double hi, List<Integer> steps) {
        int n = 0;
        for (int k = (int) Math.floor(Math.log10(lo)) - 1; k <= (int) Math.ceil(Math.log10(hi)); k++) {
            for (int m : steps) {
                double v = m * Math.pow(10, k);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    n++;
                }
            }
        }
        return n;
    }

    @Override
    public String apply(Double v) {
        if (!(v > 0)) {
            return BLANK;
        }
        int k = (int) Math.floor(Math.log10(v) + 1e-9);
        long mantissa = Math.round(v / Math.pow(10, k));
        if (Math.abs(v / Math.pow(10, k) - mantissa) > 1e-6 || !labelled.contains((int) (mantissa == 10 ? 1 : mantissa))) {
            return BLANK;
        }
        if (powers && (mantissa == 1 || mantissa == 10)) {
            int exponent = mantissa == 10 ? k + 1 : k;
            return Math.floorMod(exponent, decadeStep) == 0 ? "10" + HumanNumber.superscript(exponent) : BLANK;
        }
        return HumanNumber.format(mantissa * Math.pow(10, k), 1);
    }
}
