package fitlab.train.stopping;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Prechelt's three stopping criteria, each recorded once, at the first epoch it fires. Fed epochs 1, 2, 3, ...
 * (never epoch 0); strips of k epochs end at epochs k, 2k, 3k, ...
 *
 * <ul>
 *   <li>GL_α, every epoch: GL(t) = 100·(E_va(t)/E_opt(t) − 1) > α, E_opt(t) the lowest validation error up to t.
 *   <li>PQ_α, at strip ends: GL(t)/P_k(t) > α, with training progress
 *       P_k(t) = 1000·(Σ_{t'=t−k+1..t} E_tr(t') / (k·min_{t'=t−k+1..t} E_tr(t')) − 1).
 *       If P_k(t) is 0 (training made no progress in the strip) the quotient is +∞ when GL > 0 and 0 otherwise.
 *   <li>UP_s, at strip ends: the validation error at the end of the strip is higher than at the end of the previous
 *       strip, s strips in a row (the first strip has no predecessor, so UP_s fires at epoch (s+1)·k at the earliest).
 * </ul>
 */
final class PrecheltTracker {

    private final PrecheltParameters p;
    private double bestValidation = Double.POSITIVE_INFINITY;
    private int bestValidationEpoch = -1;
    private final List<Double> stripTrain = new ArrayList<>();
    private double previousStripEndValidation = Double.NaN;
    private long risingStrips;
    private boolean glFired;
    private boolean pqFired;
    private boolean upFired;

    PrecheltTracker(PrecheltParameters p) {
        this.p = p;
    }

    /** Feeds epoch {@code t >= 1}; returns the criteria that fired for the first time at t. */
    List<Marker> update(int t, double trainLoss, double validation) {
        List<Marker> fired = new ArrayList<>();
        if (validation < bestValidation) {
            bestValidation = validation;
            bestValidationEpoch = t;
        }
        double gl = 100 * (validation / bestValidation - 1);
        if (!glFired && gl > p.glAlpha()) {
            glFired = true;
            fired.add(new Marker(p.glName(), t, gl, String.format(Locale.ROOT,
                    "validation loss %.6g is %.3g%% above its minimum %.6g (epoch %d), more than %s%%",
                    validation, gl, bestValidation, bestValidationEpoch, p.glName().substring(2))));
        }
        stripTrain.add(trainLoss);
        if (t % p.stripLength() == 0) {
            stripEnd(t, gl, validation, fired);
        }
        return fired;
    }

    private void stripEnd(int t, double gl, double validation, List<Marker> fired) {
        // A strip is complete only when fed from its first epoch (always true for runs fed from epoch 1).
        if (stripTrain.size() == p.stripLength()) {
            double progress = trainingProgress();
            double quotient = progress > 0 ? gl / progress : (gl > 0 ? Double.POSITIVE_INFINITY : 0);
            if (!pqFired && quotient > p.pqAlpha()) {
                pqFired = true;
                fired.add(new Marker(p.pqName(), t, quotient, String.format(Locale.ROOT,
                        "generalization loss %.3g over training progress %.3g is %.3g, more than %s",
                        gl, progress, quotient, p.pqName().substring(2))));
            }
        }
        if (!Double.isNaN(previousStripEndValidation)) {
            risingStrips = validation > previousStripEndValidation ? risingStrips + 1 : 0;
        }
        if (!upFired && risingStrips >= p.upStrips()) {
            upFired = true;
            fired.add(new Marker(p.upName(), t, risingStrips, String.format(Locale.ROOT,
                    "validation loss rose at the end of %d successive strips of %d epochs (now %.6g)",
                    risingStrips, p.stripLength(), validation)));
        }
        previousStripEndValidation = validation;
        stripTrain.clear();
    }

    /** P_k(t) in per mille: how much the training loss still moved within the strip. */
    private double trainingProgress() {
        double sum = 0;
        double min = Double.POSITIVE_INFINITY;
        for (double e : stripTrain) {
            sum += e;
            min = Math.min(min, e);
        }
        if (min <= 0) {
            return sum > 0 ? Double.POSITIVE_INFINITY : 0; // a zero training loss: any other loss is infinite progress
        }
        return 1000 * (sum / (stripTrain.size() * min) - 1);
    }

    void save(Map<String, Object> state) {
        state.put("prechelt.best_validation", bestValidation);
        state.put("prechelt.best_validation_epoch", (long) bestValidationEpoch);
        state.put("prechelt.strip_train", List.copyOf(stripTrain));
        state.put("prechelt.previous_strip_end_validation", previousStripEndValidation);
        state.put("prechelt.rising_strips", risingStrips);
        state.put("prechelt.gl_fired", glFired);
        state.put("prechelt.pq_fired", pqFired);
        state.put("prechelt.up_fired", upFired);
    }

    void load(Map<String, Object> state) {
        bestValidation = EarlyStopping.STATE.number(state, "prechelt.best_validation");
        bestValidationEpoch = EarlyStopping.STATE.intValue(state, "prechelt.best_validation_epoch");
        stripTrain.clear();
        for (Object x : EarlyStopping.STATE.list(state, "prechelt.strip_train")) {
            stripTrain.add(EarlyStopping.STATE.numberValue(x, "prechelt.strip_train").doubleValue());
        }
        previousStripEndValidation = EarlyStopping.STATE.number(state, "prechelt.previous_strip_end_validation");
        risingStrips = EarlyStopping.STATE.integer(state, "prechelt.rising_strips");
        glFired = EarlyStopping.STATE.bool(state, "prechelt.gl_fired");
        pqFired = EarlyStopping.STATE.bool(state, "prechelt.pq_fired");
        upFired = EarlyStopping.STATE.bool(state, "prechelt.up_fired");
    }
}
