package fitlab.train.stopping;

import java.math.BigDecimal;

/**
 * Parameters of Prechelt's stopping criteria (L. Prechelt, "Early Stopping — But When?", 1998).
 *
 * @param glAlpha     GL_α fires when the generalization loss GL(t) = 100·(E_va(t)/E_opt(t) − 1) exceeds α (percent)
 * @param pqAlpha     PQ_α fires when GL(t)/P_k(t) exceeds α at the end of a strip
 * @param upStrips    UP_s fires when the validation error rose in s successive strips
 * @param stripLength k, the number of epochs in a strip; strips end at epochs k, 2k, 3k, ...
 */
public record PrecheltParameters(double glAlpha, double pqAlpha, int upStrips, int stripLength) {

    /** Prechelt's commonly cited settings: GL5, PQ0.5, UP3, strips of 5 epochs. */
    public static final PrecheltParameters DEFAULTS = new PrecheltParameters(5, 0.5, 3, 5);

    /** With k = 1 Prechelt's training progress P_k is always 0, so PQ would divide by zero. */
    public static final int MIN_STRIP_LENGTH = 2;

    public PrecheltParameters {
        if (!(glAlpha >= 0) || Double.isInfinite(glAlpha) || !(pqAlpha >= 0) || Double.isInfinite(pqAlpha)) {
            throw new IllegalArgumentException("Prechelt alphas must be finite and >= 0, got GL " + glAlpha
                    + " and PQ " + pqAlpha);
        }
        if (upStrips < 1) {
            throw new IllegalArgumentException("UP needs at least 1 strip, got " + upStrips);
        }
        if (stripLength < MIN_STRIP_LENGTH) {
            throw new IllegalArgumentException("strip length must be at least " + MIN_STRIP_LENGTH + " epochs, got " + stripLength);
        }
    }

    public String glName() {
        return "GL" + plain(glAlpha);
    }

    public String pqName() {
        return "PQ" + plain(pqAlpha);
    }

    public String upName() {
        return "UP" + upStrips;
    }

    /** 5.0 -> "5", 0.5 -> "0.5": the way the paper writes criterion names. */
    private static String plain(double x) {
        return BigDecimal.valueOf(x).stripTrailingZeros().toPlainString();
    }
}
