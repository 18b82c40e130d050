package fitlab.checkpoint;

import fitlab.UserError;
import fitlab.pth.DictFields;
import fitlab.pth.OrderedDict;
import fitlab.pth.Tensor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Converts a {@link Checkpoint} to the plain dict PyTorch tutorials save ({@code epoch}, {@code model_state_dict},
 * {@code optimizer_state_dict}, {@code loss}, ...) and back. Only values inside PyTorch's {@code weights_only}
 * allowlist are used (dicts, lists, ints, floats, strings, tensors, OrderedDict).
 */
public final class CheckpointCodec {
    public static final String EPOCH = "epoch";
    public static final String MODEL = "model_state_dict";
    public static final String OPTIMIZER = "optimizer_state_dict";
    public static final String LOSS = "loss";
    public static final String METRICS = "metrics";
    public static final String SPEC = "model_spec";
    public static final String RNG = "rng_state";
    public static final String STOPPING = "early_stopping";
    public static final String CONFIG = "config";
    public static final String FORMAT = "fitlab_format";
    public static final long FORMAT_VERSION = 1;

    private CheckpointCodec() {}

    public static LinkedHashMap<Object, Object> toValue(Checkpoint c) {
        LinkedHashMap<Object, Object> d = new LinkedHashMap<>();
        d.put(EPOCH, (long) c.epoch());
        d.put(MODEL, OrderedDict.stateDict(c.modelStateDict(), c.modulePrefixes()));
        d.put(OPTIMIZER, c.optimizerStateDict());
        d.put(LOSS, c.metrics().get("train_loss"));
        c.metrics().forEach(d::put);
        d.put(SPEC, c.modelSpec());
        LinkedHashMap<Object, Object> rng = new LinkedHashMap<>();
        c.rngState().forEach((k, v) -> {
            List<Object> longs = new ArrayList<>();
            for (long x : v) {
                longs.add(x);
            }
            rng.put(k, longs);
        });
        d.put(RNG, rng);
        d.put(STOPPING, c.earlyStopping());
        d.put(CONFIG, c.config());
        d.put(FORMAT, FORMAT_VERSION);
        return CanonicalStrings.of(d);
    }

    /** Reads a checkpoint dict written by {@link #toValue}; {@code file} names errors. */
    @SuppressWarnings("unchecked")
    public static Checkpoint fromValue(Object value, Path file) {
        if (!(value instanceof Map<?, ?> d)) {
            throw new UserError(file + ": expected a checkpoint dict, got " + kind(value) + " (a bare state_dict? use 'fitlab eval')");
        }
        DictFields fields = fields(file);
        int epoch = fields.intValue(d, EPOCH);
        Object sd = fields.required(d, MODEL);
        if (!(sd instanceof Map<?, ?> sdMap)) {
            throw new UserError(file + ": '" + MODEL + "' is " + kind(sd) + ", expected an OrderedDict of tensors");
        }
        LinkedHashMap<String, Tensor> state = new LinkedHashMap<>();
        sdMap.forEach((k, v) -> {
            if (!(v instanceof Tensor t)) {
                throw new UserError(file + ": " + MODEL + "/" + k + " is " + kind(v) + ", expected a tensor");
            }
            state.put(String.valueOf(k), t);
        });
        List<String> prefixes = new ArrayList<>();
        if (sd instanceof OrderedDict od) {
            od.optionalMetadata().ifPresent(m -> m.keySet().forEach(k -> {
                if (!"".equals(k)) {
                    prefixes.add(String.valueOf(k));
                }
            }));
        }
        Object optimizer = d.get(OPTIMIZER);
        LinkedHashMap<String, Double> metrics = new LinkedHashMap<>();
        for (String m : List.of("train_loss", "validation_loss", "test_loss", "train_accuracy", "validation_accuracy", "test_accuracy")) {
            if (d.get(m) instanceof Number n) {
                metrics.put(m, n.doubleValue());
            }
        }
        Map<String, Object> spec = (Map<String, Object>) fields.mapping(d, SPEC);
        LinkedHashMap<String, long[]> rng = new LinkedHashMap<>();
        fields.mapping(d, RNG).forEach((k, v) -> {
            if (!(v instanceof List<?> l) || l.size() != 4 || !l.stream().allMatch(x -> x instanceof Long)) {
                throw new UserError(file + ": " + RNG + "/" + k + ": expected a list of 4 integers");
            }
            long[] s = new long[4];
            for (int i = 0; i < 4; i++) {
                s[i] = (Long) l.get(i);
            }
            rng.put(String.valueOf(k), s);
        });
        return new Checkpoint(epoch, state, optimizer == null ? null : (Map<String, Object>) optimizer, metrics, spec, rng,
                (Map<String, Object>) fields.mapping(d, STOPPING), (Map<String, Object>) fields.mapping(d, CONFIG), prefixes);
    }

    /** Reads the fields of a checkpoint dict, naming {@code file} in every error. */
    private static DictFields fields(Path file) {
        return new DictFields(file + ": checkpoint (written by fitlab?)", UserError::new);
    }

    static String kind(Object v) {
        return DictFields.kind(v);
    }
}
