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

    private final List<Integer> labelled;

    public LogTicks(double lo, double hi) {
        this.labelled = choose(lo, hi);
    }

    static List<Integer> choose(double lo, double hi) {
        for (List<Integer> steps : STEPS) {
            if (count(lo, hi, steps) >= MIN_LABELS) {
                return steps;
            }
        }
        return STEPS.get(STEPS.size() - 1);
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
        return HumanNumber.format(mantissa * Math.pow(10, k), 1);
    }
}
