package fitlab.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import fitlab.config.CheckpointConfig.Retention;
import fitlab.config.yaml.YamlNode;
import fitlab.train.stopping.EarlyStoppingConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes the resolved experiment (every default filled in, overrides applied) as YAML that
 * {@link ExperimentLoader} reads back to the same cells; also gives the plain-map form stored in checkpoints.
 */
public final class ConfigWriter {
    private static final YAMLMapper YAML = new YAMLMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES));

    private ConfigWriter() {}

    public static String toYaml(Experiment experiment) {
        Map<String, Object> map = toMap(experiment.base());
        if (classesComeFromEachCellsKind(experiment)) {
            // Written out, the base's class count would bind to every cell when the run is read back (resume, verify,
            // report), giving a spiral swept in from moons the moons' 2 classes: leave it to each cell's kind again.
            ((Map<?, ?>) map.get("data")).remove("classes");
        }
        if (!experiment.sweep().isEmpty()) {
            Map<String, Object> sweep = new LinkedHashMap<>();
            for (SweepAxis a : experiment.sweep()) {
                sweep.put(a.path(), a.values().stream().map(YamlNode::toPlain).toList());
            }
            map.put("sweep", sweep);
        }
        if (!experiment.claims().isEmpty()) {
            map.put("claims", experiment.claims().stream().map(Claim::toPlain).toList());
        }
        try {
            return YAML.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write config as YAML", e);
        }
    }

    /**
     * True when the sweep varies the data kind and the cells' class counts differ although no sweep axis sets
     * {@code data.classes}: then the file did not give {@code classes} (an explicit value is the same in every cell)
     * and each cell took its own kind's default.
     */
    private static boolean classesComeFromEachCellsKind(Experiment experiment) {
        boolean classesSwept = experiment.sweep().stream().anyMatch(a -> a.path().equals("data.classes") || a.path().equals("data"));
        long distinct = experiment.cells().stream().map(c -> c.config().data().classes()).distinct().count();
        return !classesSwept && distinct > 1;
    }

    /** The config as nested plain values (String, Long, Double, Boolean, List, LinkedHashMap). */
    public static Map<String, Object> toMap(ExperimentConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", c.name());
        m.put("question", ordered("en", c.question().en(), "zh", c.question().zh()));
        m.put("seed", c.seed());
        DataConfig d = c.data();
        Map<String, Object> data = ordered("kind", lower(d.kind()), "function", d.function(), "x", List.of(d.xMin(), d.xMax()),
                "noise", d.noise(), "train", (long) d.train(), "validation", (long) d.validation(), "test", (long) d.test());
        data.put("balance", d.balance());
        data.put("classes", (long) d.classes());
        if (!d.path().isBlank()) {
            data.put("path", d.path());
        }
        data.put("augment", ordered("copies", (long) d.augment().copies(), "x_jitter", d.augment().xJitter(),
                "y_jitter", d.augment().yJitter()));
        m.put("data", data);
        ModelConfig mo = c.model();
        Map<String, Object> model = ordered("kind", lower(mo.kind()), "degree", (long) mo.degree(), "basis", lower(mo.basis()),
                "scale_input", mo.scaleInput(), "hidden", mo.hidden().stream().map(Integer::longValue).toList(),
                "activation", lower(mo.activation()), "dropout", mo.dropout());
        mo.init().ifPresent(p -> model.put("init", p));
        m.put("model", model);
        TrainingConfig t = c.training();
        Map<String, Object> training = ordered("optimizer", lower(t.optimizer()), "lr", t.lr(), "epochs", (long) t.epochs(),
                "batch", t.batch() == 0 ? "full" : (Object) (long) t.batch(), "shuffle", t.shuffle(),
                "weight_decay", t.weightDecay(), "l1", t.l1());
        training.put("momentum", t.momentum());
        training.put("dampening", t.dampening());
        training.put("nesterov", t.nesterov());
        training.put("betas", List.of(t.beta1(), t.beta2()));
        training.put("eps", t.eps());
        training.put("amsgrad", t.amsgrad());
        m.put("training", training);
        EarlyStoppingConfig e = c.earlyStopping();
        Map<String, Object> es = ordered("monitor", e.monitor(), "mode", lower(e.mode()), "min_delta", e.minDelta(),
                "patience", (long) e.patience());
        if (e.baseline().isPresent()) {
            es.put("baseline", e.baseline().getAsDouble());
        }
        es.put("start_from_epoch", (long) e.startFromEpoch());
        es.put("action", lower(e.action()));
        es.put("stop_on", lower(e.stopOn()));
        es.put("gl_alpha", e.prechelt().glAlpha());
        es.put("pq_alpha", e.prechelt().pqAlpha());
        es.put("up_strips", (long) e.prechelt().upStrips());
        es.put("strip_length", (long) e.prechelt().stripLength());
        if (e.continueAfterStop() > 0) { // written only when set, so run folders of configs without it keep their bytes
            es.put("continue_after_stop", (long) e.continueAfterStop());
        }
        m.put("early_stopping", es);
        Retention keep = c.checkpoint().keep();
        m.put("checkpoint", ordered("every", (long) c.checkpoint().every(),
                "keep", keep instanceof Retention.LastN n ? (Object) (long) n.n() : keep.yaml(),
                "whole_model", c.checkpoint().wholeModel()));
        m.put("report", ordered("language", c.report().language()));
        return m;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> ordered(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
