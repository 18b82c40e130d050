package fitlab.config;

import fitlab.config.CheckpointConfig.Retention;
import fitlab.config.yaml.Section;
import fitlab.config.yaml.YamlNode;
import fitlab.model.Activation;
import fitlab.model.Basis;
import fitlab.train.stopping.EarlyStoppingConfig;
import fitlab.train.stopping.MonitorMode;
import fitlab.train.stopping.PrecheltParameters;
import fitlab.train.stopping.StopAction;
import fitlab.train.stopping.StopCriterion;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Binds a YAML tree (without its {@code sweep:} and {@code quick:} sections) to an {@link ExperimentConfig}.
 * Every default of the experiment format lives here, once; every value is range-checked with its location.
 */
public final class ConfigBinder {
    private static final double BIG = Double.MAX_VALUE;

    private ConfigBinder() {}

    /**
     * @param baseDir the experiment file's folder: relative file paths in the config ({@code data.path},
     *                {@code model.init}) are resolved against it, so the resolved config written to a run folder
     *                still finds them when the run is resumed or verified from elsewhere
     */
    public static ExperimentConfig bind(YamlNode tree, String defaultName, Path baseDir) {
        Section root = Section.root(tree);
        String name = root.string("name", defaultName);
        // The name becomes a folder under runs/: starting with a letter or digit rules out "." and "..", which would
        // put the run folder beside or above runs/.
        if (!name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
            throw root.error("name", root.node("name").orElse(null), "use up to 100 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit, got '" + name + "'");
        }
        // the run folder is named after the experiment, and run folders are copied to Windows laptops
        Optional<String> unportable = fitlab.io.PortableNames.problem(name);
        if (unportable.isPresent()) {
            throw root.error("name", root.node("name").orElse(null), "the run folder is named after it, and " + unportable.get());
        }
        Question question = question(root);
        long seed = root.integer("seed", 0L, 0L, Long.MAX_VALUE);
        DataConfig data = data(root.section("data"), baseDir);
        ModelConfig model = model(root.section("model"), baseDir);
        TrainingConfig training = training(root.section("training"));
        EarlyStoppingConfig stopping = earlyStopping(root.section("early_stopping"), data);
        CheckpointConfig checkpoint = checkpoint(root.section("checkpoint"));
        ReportConfig report = report(root.section("report"));
        root.finish();
        if (training.optimizer() == OptimizerKind.LSTSQ && model.kind() != ModelKind.POLYNOMIAL) {
            throw new fitlab.UserError(root.locationOf("training") + ": training.optimizer: lstsq (closed form) needs model.kind: polynomial");
        }
        return new ExperimentConfig(name, question, seed, data, model, training, stopping, checkpoint, report);
    }

    private static Question question(Section root) {
        Optional<YamlNode> q = root.node("question");
        if (q.isEmpty()) {
            return new Question("", "");
        }
        if (q.get() instanceof YamlNode.Mapping) {
            Section s = root.section("question");
            Question out = new Question(s.string("en", ""), s.string("zh", ""));
            s.finish();
            return out;
        }
        return new Question(root.string("question", ""), "");
    }

    private static DataConfig data(Section s, Path baseDir) {
        DataKind kind = s.choice("kind", DataKind.REGRESSION1D, DataKind.class);
        String function = s.string("function", "cos(1.5*pi*x)");
        double[] x = range(s, "x", 0, 1);
        double noise = s.decimal("noise", kind.isClassification() ? 0.2 : 0.1, 0, false, BIG);
        int train = s.integer("train", 30, 1, 10_000_000);
        int validation = s.integer("validation", 30, 1, 10_000_000);
        int test = s.integer("test", 1000, 1, 10_000_000);
        double balance = s.decimal("balance", 0.5, 0, true, 1);
        if (balance >= 1) {
            throw s.error("balance", s.node("balance").orElse(null), "must be < 1 (the fraction of class 1)");
        }
        // csv: 0 classes = a regression target; set classes: K for class indices 0..K-1 (cross-entropy)
        int classes = s.integer("classes", kind == DataKind.SPIRAL || kind == DataKind.GAUSSIANS ? 3 : kind == DataKind.CSV ? 0 : 2,
                kind == DataKind.CSV ? 0 : 2, 100);
        if (kind == DataKind.CSV && classes == 1) {
            throw s.error("classes", s.node("classes").orElse(null), "expected 0 (regression) or at least 2 classes");
        }
        if ((kind == DataKind.MOONS || kind == DataKind.CIRCLES || kind == DataKind.XOR) && classes != 2) {
            throw s.error("classes", s.node("classes").orElse(null), "kind " + kind.yamlName()
                    + " always has 2 classes, got " + classes + " (spiral and gaussians take any number)");
        }
        String path = resolve(s.string("path", ""), baseDir);
        if (kind == DataKind.CSV && path.isBlank()) {
            throw s.missing("path");
        }
        Section a = s.section("augment");
        Augmentation augment = new Augmentation(
                a.integer("copies", 0, 0, 1000),
                a.decimal("x_jitter", 0.0, 0, false, BIG),
                a.decimal("y_jitter", 0.0, 0, false, BIG));
        a.finish();
        s.finish();
        return new DataConfig(kind, function, x[0], x[1], noise, train, validation, test, balance, classes, path, augment);
    }

    private static String resolve(String path, Path baseDir) {
        if (path.isBlank()) {
            return path;
        }
        Path p = Path.of(path);
        return p.isAbsolute() ? path : baseDir.toAbsolutePath().resolve(p).normalize().toString();
    }

    private static double[] range(Section s, String key, double lo, double hi) {
        Optional<List<Double>> values = s.list(key, n -> Double.valueOf(number(s, key, n)));
        if (values.isEmpty()) {
            return new double[] {lo, hi};
        }
        List<Double> v = values.get();
        YamlNode at = s.node(key).orElseThrow();
        if (v.size() != 2) {
            throw s.error(key, at, "expected two numbers [low, high], got " + v.size());
        }
        if (!(v.get(1) > v.get(0))) {
            throw s.error(key, at, "range is empty: high (" + v.get(1) + ") must be greater than low (" + v.get(0) + ")");
        }
        return new double[] {v.get(0), v.get(1)};
    }

    private static double number(Section s, String key, YamlNode n) {
        if (n instanceof YamlNode.Scalar sc
                && (sc.type() == YamlNode.ScalarType.INTEGER || sc.type() == YamlNode.ScalarType.FLOAT)) {
            double v = fitlab.config.yaml.YamlNumbers.decimal(sc.text()).orElse(Double.NaN);
            if (Double.isFinite(v)) {
                return v;
            }
            throw s.error(key, n, "expected a finite number, got " + sc.text().trim());
        }
        throw s.error(key, n, "expected a number");
    }

    private static ModelConfig model(Section s, Path baseDir) {
        ModelKind kind = s.choice("kind", ModelKind.POLYNOMIAL, ModelKind.class);
        int degree = s.integer("degree", 4, 1, 1000);
        Basis basis = s.choice("basis", Basis.LEGENDRE, Basis.class);
        boolean scaleInput = s.bool("scale_input", true);
        List<Integer> hidden = s.list("hidden", n -> (int) s.integerValue("hidden", n, 1, 1_000_000)).orElse(List.of(64, 64));
        if (hidden.isEmpty()) {
            throw s.error("hidden", s.node("hidden").orElse(null), "needs at least one hidden layer width");
        }
        Activation activation = s.choice("activation", Activation.TANH, Activation.class);
        double dropout = s.decimal("dropout", 0.0, 0, false, 1);
        if (dropout >= 1) {
            throw s.error("dropout", s.node("dropout").orElse(null), "must be < 1 (a probability of dropping a unit)");
        }
        String init = resolve(s.string("init", ""), baseDir);
        s.finish();
        return new ModelConfig(kind, degree, basis, scaleInput, hidden, activation, dropout,
                init.isBlank() ? Optional.empty() : Optional.of(init));
    }

    private static TrainingConfig training(Section s) {
        OptimizerKind optimizer = s.choice("optimizer", OptimizerKind.ADAM, OptimizerKind.class);
        double lr = s.decimal("lr", optimizer == OptimizerKind.SGD ? 0.1 : 0.01, 0, true, BIG);
        int epochs = s.integer("epochs", optimizer == OptimizerKind.LSTSQ ? 0 : 2000, 0, 10_000_000);
        int batch = batch(s);
        boolean shuffle = s.bool("shuffle", true);
        double weightDecay = s.decimal("weight_decay", 0.0, 0, false, BIG);
        double l1 = s.decimal("l1", 0.0, 0, false, BIG);
        double momentum = s.decimal("momentum", 0.0, 0, false, BIG);
        double dampening = s.decimal("dampening", 0.0, 0, false, 1);
        boolean nesterov = s.bool("nesterov", false);
        if (nesterov && (momentum <= 0 || dampening != 0)) {
            throw s.error("nesterov", s.node("nesterov").orElse(null), "needs momentum > 0 and dampening 0 (as torch.optim.SGD)");
        }
        double[] betas = betas(s);
        double eps = s.decimal("eps", 1e-8, 0, false, BIG);
        boolean amsgrad = s.bool("amsgrad", false);
        s.finish();
        return new TrainingConfig(optimizer, lr, epochs, batch, shuffle, weightDecay, l1, momentum, dampening,
                nesterov, betas[0], betas[1], eps, amsgrad);
    }

    private static int batch(Section s) {
        Optional<YamlNode> n = s.node("batch");
        if (n.isEmpty()) {
            return 0;
        }
        if (n.get() instanceof YamlNode.Scalar sc && sc.type() == YamlNode.ScalarType.STRING) {
            if (sc.text().trim().equals("full")) {
                return 0;
            }
            throw s.error("batch", n.get(), "expected 'full' or a batch size, got '" + sc.text() + "'");
        }
        return (int) s.integerValue("batch", n.get(), 1, Integer.MAX_VALUE);
    }

    private static double[] betas(Section s) {
        Optional<List<Double>> values = s.list("betas", n -> Double.valueOf(number(s, "betas", n)));
        if (values.isEmpty()) {
            return new double[] {0.9, 0.999};
        }
        List<Double> b = values.get();
        if (b.size() != 2 || b.get(0) < 0 || b.get(0) >= 1 || b.get(1) < 0 || b.get(1) >= 1) {
            throw s.error("betas", s.node("betas").orElse(null), "expected two numbers in [0, 1), like [0.9, 0.999]");
        }
        return new double[] {b.get(0), b.get(1)};
    }

    /** Unset fields take {@link EarlyStoppingConfig#DEFAULTS}: the stopping rules own their defaults. */
    private static EarlyStoppingConfig earlyStopping(Section s, DataConfig data) {
        EarlyStoppingConfig d = EarlyStoppingConfig.DEFAULTS;
        String monitor = s.string("monitor", d.monitor());
        List<String> monitors = List.of("validation_loss", "train_loss", "validation_accuracy", "train_accuracy");
        if (!monitors.contains(monitor)) {
            throw s.error("monitor", s.node("monitor").orElse(null), "expected one of " + String.join(" | ", monitors)
                    + ", got '" + monitor + "'" + fitlab.config.yaml.Suggest.hint(monitor, monitors));
        }
        boolean classification = data.kind().isClassification() || (data.kind() == DataKind.CSV && data.classes() >= 2);
        if (monitor.endsWith("_accuracy") && !classification) {
            throw s.error("monitor", s.node("monitor").orElse(null), monitor + " needs a classification task, but data.kind "
                    + data.kind().yamlName() + (data.kind() == DataKind.CSV ? " with classes: 0" : "")
                    + " is regression (no accuracy is measured); use validation_loss or train_loss");
        }
        MonitorMode mode = s.choice("mode", d.mode(), MonitorMode.class);
        double minDelta = s.decimal("min_delta", d.minDelta(), 0, false, BIG);
        int patience = s.integer("patience", d.patience(), 0, Integer.MAX_VALUE);
        OptionalDouble baseline = s.has("baseline")
                ? OptionalDouble.of(s.decimal("baseline", 0.0, -BIG, false, BIG))
                : d.baseline();
        RemovedKeys.rejectInEarlyStopping(s);
        int startFromEpoch = s.integer("start_from_epoch", d.startFromEpoch(), 0, Integer.MAX_VALUE);
        StopAction action = s.choice("action", d.action(), StopAction.class);
        StopCriterion stopOn = s.choice("stop_on", d.stopOn(), StopCriterion.class);
        PrecheltParameters p = d.prechelt();
        double gl = s.decimal("gl_alpha", p.glAlpha(), 0, true, BIG);
        double pq = s.decimal("pq_alpha", p.pqAlpha(), 0, true, BIG);
        int up = s.integer("up_strips", p.upStrips(), 1, 1000);
        int strip = s.integer("strip_length", p.stripLength(), PrecheltParameters.MIN_STRIP_LENGTH, 1000);
        int continueAfterStop = s.integer("continue_after_stop", d.continueAfterStop(), 0, 10_000_000);
        if (continueAfterStop > 0 && action != StopAction.STOP) {
            throw s.error("continue_after_stop", s.node("continue_after_stop").orElse(null),
                    "continues a cell that early stopping stopped, so it needs action: stop (got action: " + action.name().toLowerCase(java.util.Locale.ROOT) + ")");
        }
        s.finish();
        return new EarlyStoppingConfig(monitor, mode, minDelta, patience, baseline, startFromEpoch,
                action, stopOn, new PrecheltParameters(gl, pq, up, strip), d.divergence(), continueAfterStop);
    }

    private static CheckpointConfig checkpoint(Section s) {
        int every = s.integer("every", 1, 1, Integer.MAX_VALUE);
        Retention keep = new Retention.All();
        Optional<YamlNode> k = s.node("keep");
        if (k.isPresent()) {
            YamlNode n = k.get();
            if (n instanceof YamlNode.Scalar sc && sc.type() == YamlNode.ScalarType.INTEGER) {
                keep = new Retention.LastN((int) s.integerValue("keep", n, 1, Integer.MAX_VALUE));
            } else if (n instanceof YamlNode.Scalar sc) {
                keep = switch (sc.text().trim()) {
                    case "all" -> new Retention.All();
                    case "last" -> new Retention.Last();
                    case "best" -> new Retention.Best();
                    default -> throw s.error("keep", n, "expected all | last | best | a number N, got '" + sc.text() + "'");
                };
            } else {
                throw s.error("keep", n, "expected all | last | best | a number N");
            }
        }
        boolean whole = s.bool("whole_model", false);
        s.finish();
        return new CheckpointConfig(every, keep, whole);
    }

    private static ReportConfig report(Section s) {
        String language = s.string("language", "en");
        if (!language.equals("en") && !language.equals("zh")) {
            throw s.error("language", s.node("language").orElse(null), "expected en | zh, got '" + language + "'");
        }
        s.finish();
        return new ReportConfig(language);
    }
}
