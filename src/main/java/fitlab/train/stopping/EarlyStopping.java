package fitlab.train.stopping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The early-stopping state of one cell: fed once per epoch, it says whether to go on and records markers.
 *
 * <p>Epoch 0 (the initial weights) may be fed: it only sets the divergence reference (the initial training loss) and
 * is checked for divergence. The patience rule and Prechelt's criteria start at epoch 1, the model after one epoch of
 * training, which is Keras' first epoch (see {@link PatienceTracker} for the exact Keras correspondence). If epoch 0 is
 * not fed, the first fed training loss is the divergence reference. Epochs must be fed consecutively.
 *
 * <p>Order of checks in an epoch: divergence first (a diverged epoch is never a "best" epoch), then Keras' patience,
 * then Prechelt's criteria. Each marker is recorded once, at the first epoch it fires. The configured
 * {@link EarlyStoppingConfig#stopOn() stop criterion} decides the stop epoch; with {@code action: mark} the decision
 * stays "continue" and the epoch is only remembered, with {@code action: stop} training ends there. Divergence always
 * ends training.
 *
 * <p>The whole state round-trips through {@link #snapshot()} / {@link #restore}, so a restored cell continues
 * bit-identically. Not thread-safe: one instance belongs to one cell.
 */
public final class EarlyStopping {
    /** Reads a {@link #snapshot()} back; state that does not fit is a programming error, not the user's. */
    static final fitlab.pth.DictFields STATE = new fitlab.pth.DictFields("early-stopping state", IllegalArgumentException::new);

    private static final String FORMAT = "fitlab.early_stopping/1";

    private final EarlyStoppingConfig config;
    private final PatienceTracker patience;
    private final PrecheltTracker prechelt;
    private final List<Marker> markers = new ArrayList<>();
    private int lastEpoch = -1;
    private double referenceTrainLoss = Double.NaN;
    private boolean patienceFired;
    private int stopEpoch = -1;
    private Optional<StopReason> stopReason = Optional.empty();
    private int restoreEpochAtStop = -1;
    private boolean ended;

    public EarlyStopping(EarlyStoppingConfig config) {
        this.config = config;
        this.patience = new PatienceTracker(config);
        this.prechelt = new PrecheltTracker(config.prechelt());
    }

    public EarlyStoppingConfig config() {
        return config;
    }

    /**
     * Feeds one epoch when the monitored value is also the validation error Prechelt's criteria watch (the usual
     * {@code monitor: validation_loss}). In max mode (an accuracy) Prechelt's criteria, defined on errors, are skipped;
     * use {@link #update(int, double, double, double)} to give them the validation loss.
     */
    public Decision update(int epoch, double trainLoss, double monitored) {
        boolean monitoredIsError = !config.maximize();
        return step(epoch, trainLoss, monitoredIsError ? monitored : 0.0, monitored, monitoredIsError);
    }

    /** Feeds one epoch: training loss, validation loss (for Prechelt's criteria) and the monitored value. */
    public Decision update(int epoch, double trainLoss, double validationLoss, double monitored) {
        return step(epoch, trainLoss, validationLoss, monitored, true);
    }

    private Decision step(int epoch, double trainLoss, double validationLoss, double monitored, boolean usePrechelt) {
        if (ended) {
            throw new IllegalStateException("early stopping already ended training at epoch " + lastEpoch);
        }
        int expected = lastEpoch + 1;
        if (lastEpoch >= 0 ? epoch != expected : epoch < 0) {
            throw new IllegalArgumentException("epochs must be fed consecutively: expected " + expected + ", got " + epoch);
        }
        lastEpoch = epoch;
        if (Double.isNaN(referenceTrainLoss) && Double.isFinite(trainLoss)) {
            referenceTrainLoss = trainLoss;
        }
        Optional<String> divergence = config.divergence().check(trainLoss, validationLoss, monitored, referenceTrainLoss);
        if (divergence.isPresent()) {
            Marker m = new Marker(Marker.DIVERGED, epoch, trainLoss, "diverged: " + divergence.get());
            markers.add(m);
            ended = true;
            if (stopEpoch < 0) {
                recordStop(epoch, StopReason.DIVERGED);
            }
            return Decision.stop(StopReason.DIVERGED, List.of(m));
        }
        if (epoch == 0) {
            return Decision.proceed(List.of());
        }
        List<Marker> fresh = new ArrayList<>();
        boolean exhausted = patience.update(epoch, monitored);
        if (exhausted && !patienceFired) {
            patienceFired = true;
            fresh.add(new Marker(Marker.PATIENCE, epoch, patience.waitCount(), String.format(java.util.Locale.ROOT,
                    "%s did not improve on %.6g (epoch %d) for %d epochs", config.monitor(), patience.best(),
                    patience.bestEpoch(), patience.waitCount())));
        }
        if (usePrechelt) {
            fresh.addAll(prechelt.update(epoch, trainLoss, validationLoss));
        }
        markers.addAll(fresh);
        if (stopEpoch < 0 && fresh.stream().anyMatch(this::isStopCriterion)) {
            StopReason reason = config.stopOn() == StopCriterion.PATIENCE ? StopReason.PATIENCE : StopReason.CRITERION;
            recordStop(epoch, reason);
            if (config.action() == StopAction.STOP) {
                ended = true;
                return Decision.stop(reason, fresh);
            }
        }
        return Decision.proceed(fresh);
    }

    private boolean isStopCriterion(Marker m) {
        PrecheltParameters p = config.prechelt();
        String wanted = switch (config.stopOn()) {
            case PATIENCE -> Marker.PATIENCE;
            case GL -> p.glName();
            case PQ -> p.pqName();
            case UP -> p.upName();
        };
        return m.name().equals(wanted);
    }

    private void recordStop(int epoch, StopReason reason) {
        stopEpoch = epoch;
        stopReason = Optional.of(reason);
        restoreEpochAtStop = resultEpochNow();
    }

    /** The epoch whose weights are the result if training ended now (see {@link #restoreEpoch()}). */
    private int resultEpochNow() {
        if (patience.bestEpoch() >= 0) {
            return patience.bestEpoch();
        }
        boolean diverged = stopReason.orElse(StopReason.COMPLETED) == StopReason.DIVERGED && stopEpoch == lastEpoch;
        return diverged ? lastEpoch - 1 : lastEpoch;
    }

    /** The epoch with the best monitored value so far (Keras' {@code best_epoch}); empty before any monitored epoch. */
    public OptionalInt bestEpoch() {
        return patience.bestEpoch() >= 0 ? OptionalInt.of(patience.bestEpoch()) : OptionalInt.empty();
    }

    /** The best monitored value so far (Keras' {@code best}); empty before any monitored epoch. */
    public OptionalDouble bestValue() {
        return patience.bestEpoch() >= 0 ? OptionalDouble.of(patience.best()) : OptionalDouble.empty();
    }

    /** All markers so far, in the order they fired. */
    public List<Marker> markers() {
        return List.copyOf(markers);
    }

    /**
     * The epoch at which the stop criterion fired (training stopped there with {@code action: stop}, would have with
     * {@code mark}), or at which the cell diverged if that came first.
     */
    public OptionalInt stopEpoch() {
        return stopEpoch >= 0 ? OptionalInt.of(stopEpoch) : OptionalInt.empty();
    }

    /** Why {@link #stopEpoch()} is set: PATIENCE, CRITERION or DIVERGED. */
    public Optional<StopReason> stopReason() {
        return stopReason;
    }

    /** True once a decision said stop; further updates are refused. */
    public boolean ended() {
        return ended;
    }

    /**
     * The epoch Keras' {@code restore_best_weights} would restore: the best epoch as of the stop epoch (or as of now
     * when nothing stopped, as Keras restores at the end of training); after a divergence without a best epoch, the
     * last epoch before it. Empty when there is none. Kept in the snapshot so checkpoints keep their state layout;
     * fitlab itself keeps every checkpoint plus best.pth and last.pth rather than choosing one.
     */
    public OptionalInt restoreEpoch() {
        int epoch = stopEpoch >= 0 ? restoreEpochAtStop : resultEpochNow();
        return epoch >= 0 ? OptionalInt.of(epoch) : OptionalInt.empty();
    }

    /** The complete state as plain values (String, Long, Double, Boolean, List), for a checkpoint. */
    public Map<String, Object> snapshot() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("format", FORMAT);
        state.put("last_epoch", (long) lastEpoch);
        state.put("reference_train_loss", referenceTrainLoss);
        state.put("patience_fired", patienceFired);
        state.put("stop_epoch", (long) stopEpoch);
        state.put("stop_reason", stopReason.map(StopReason::name).orElse(""));
        state.put("restore_epoch_at_stop", (long) restoreEpochAtStop);
        state.put("ended", ended);
        List<Object> markerList = new ArrayList<>();
        for (Marker m : markers) {
            markerList.add(List.of(m.name(), (long) m.epoch(), m.value(), m.explanation()));
        }
        state.put("markers", markerList);
        patience.save(state);
        prechelt.save(state);
        return state;
    }

    /** A new instance for {@code config} continuing exactly from a {@link #snapshot()} taken with the same config. */
    public static EarlyStopping restore(EarlyStoppingConfig config, Map<String, Object> state) {
        if (!FORMAT.equals(state.get("format"))) {
            throw new IllegalArgumentException("not an early-stopping state (format " + state.get("format") + ")");
        }
        EarlyStopping es = new EarlyStopping(config);
        es.lastEpoch = STATE.intValue(state, "last_epoch");
        es.referenceTrainLoss = STATE.number(state, "reference_train_loss");
        es.patienceFired = STATE.bool(state, "patience_fired");
        es.stopEpoch = STATE.intValue(state, "stop_epoch");
        String reason = STATE.string(state, "stop_reason");
        es.stopReason = reason.isEmpty() ? Optional.empty() : Optional.of(StopReason.valueOf(reason));
        es.restoreEpochAtStop = STATE.intValue(state, "restore_epoch_at_stop");
        es.ended = STATE.bool(state, "ended");
        for (Object item : STATE.list(state, "markers")) {
            List<?> m = (List<?>) item;
            es.markers.add(new Marker((String) m.get(0), STATE.numberValue(m.get(1), "markers").intValue(),
                    STATE.numberValue(m.get(2), "markers").doubleValue(), (String) m.get(3)));
        }
        es.patience.load(state);
        es.prechelt.load(state);
        return es;
    }
}
