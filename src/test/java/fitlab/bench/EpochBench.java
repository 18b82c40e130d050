package fitlab.bench;

import fitlab.checkpoint.Checkpoint;
import fitlab.checkpoint.Checkpoints;
import fitlab.config.Cell;
import fitlab.config.ConfigWriter;
import fitlab.config.Experiment;
import fitlab.config.ExperimentConfig;
import fitlab.config.ExperimentLoader;
import fitlab.data.Generators;
import fitlab.data.Splits;
import fitlab.experiment.Recipe;
import fitlab.model.Model;
import fitlab.model.Models;
import fitlab.random.Rng;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import fitlab.train.EpochEvaluator;
import fitlab.train.EvalResult;
import fitlab.train.Loss;
import fitlab.train.Optimizer;
import fitlab.train.SessionState;
import fitlab.train.TrainingSession;
import fitlab.train.stopping.EarlyStopping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A hand-written microbenchmark of one cell's epoch, part by part, doing what {@code CellRunner} does per epoch:
 * train step, three evaluations (shared out with {@code --eval-helpers} threads, default 1, as a one-cell run on
 * two cores does), metrics line, early stopping, checkpoint build (the snapshot), and the hand-off of the snapshot
 * to a single background writer thread with at most 3 pending epochs (as {@code Retention}'s
 * {@code CheckpointWriter}): {@code hand-off} is what the training thread spends on it (waiting only when the
 * writer falls behind); {@code serialize-bg} and {@code write-bg} run on the writer thread, overlap the next epoch
 * and are not part of {@code epoch}. Warm-up rounds first (JIT), then timed rounds; each part is timed with
 * {@link System#nanoTime()} and the median over rounds of the per-epoch mean is printed. Not a test: run its
 * {@code main} (bench/run.sh does).
 *
 * <p>Usage: {@code EpochBench EXPERIMENT.yaml OUT_DIR [--set key=value]... [--epochs-per-round N] [--rounds N]
 * [--eval-helpers N]}
 */
public final class EpochBench {
    private static final String[] PARTS = {"train", "eval", "metrics", "stopping", "build", "hand-off", "epoch", "serialize-bg", "write-bg"};
    private static final int TRAINING_THREAD_PARTS = 6;

    public static void main(String[] args) throws IOException {
        Path yaml = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> sets = new ArrayList<>();
        int epochsPerRound = 100;
        int warmupRounds = 5;
        int rounds = 7;
        int helpers = 1;
        for (int i = 2; i < args.length; i++) {
            switch (args[i]) {
                case "--set" -> sets.add(args[++i]);
                case "--epochs-per-round" -> epochsPerRound = Integer.parseInt(args[++i]);
                case "--rounds" -> rounds = Integer.parseInt(args[++i]);
                case "--warmup" -> warmupRounds = Integer.parseInt(args[++i]);
                case "--eval-helpers" -> helpers = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Experiment experiment = ExperimentLoader.load(yaml, sets, false);
        Cell cell = experiment.cells().get(0);
        Files.createDirectories(out);
        double[][] perRound = new double[rounds][];
        for (int r = 0; r < warmupRounds + rounds; r++) {
            double[] t = round(cell.config(), out.resolve("round-" + r), epochsPerRound, helpers);
            if (r >= warmupRounds) {
                perRound[r - warmupRounds] = t;
            }
        }
        String label = sets.isEmpty() ? "base" : String.join(",", sets);
        System.out.printf("EpochBench %s (%d epochs x %d rounds, %d eval helper threads, median of per-epoch means, microseconds)%n",
                label, epochsPerRound, rounds, helpers);
        for (int p = 0; p < PARTS.length; p++) {
            double[] values = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                values[r] = perRound[r][p];
            }
            Arrays.sort(values);
            System.out.printf("  %-10s %9.1f us   (min %.1f, max %.1f)%n", PARTS[p], values[rounds / 2], values[0], values[rounds - 1]);
        }
    }

    /** One fresh cell trained for {@code epochs}; returns the mean microseconds per epoch of each part. */
    private static double[] round(ExperimentConfig c, Path dir, int epochs, int helpers) throws IOException {
        Splits splits = Generators.generate(c.data(), c.seed());
        Recipe recipe = Recipe.of(c, splits.train().features(), 0);
        Model model = Models.create(recipe.model(), Rng.derive(c.seed(), "init", recipe.model().toMap().toString()));
        Loss loss = Loss.of(recipe.loss(), model.outputs());
        TrainingSession session = new TrainingSession(model, loss, Optimizer.create(recipe.optimizer().orElseThrow(),
                model.parameterSlots()), recipe.training(), splits.train(), Rng.derive(c.seed(), "shuffle", ""),
                Rng.derive(c.seed(), "dropout", ""));
        EarlyStopping stopping = new EarlyStopping(recipe.stopping());
        Map<String, Object> config = ConfigWriter.toMap(c);
        Path checkpoints = dir.resolve("checkpoints");
        Files.createDirectories(checkpoints);
        Path metrics = dir.resolve(MetricsLog.FILE);
        MetricsLog.create(metrics, false);
        long[] ns = new long[PARTS.length];
        AtomicLong serializeNs = new AtomicLong();
        AtomicLong writeNs = new AtomicLong();
        ExecutorService writer = Executors.newSingleThreadExecutor();
        Deque<Future<?>> pending = new ArrayDeque<>();
        EpochEvaluator evaluator = new EpochEvaluator(model, loss, helpers);
        MetricsLog.Appender log = MetricsLog.appender(metrics);
        for (int epoch = 1; epoch <= epochs; epoch++) {
            long t0 = System.nanoTime();
            session.trainEpoch();
            long t1 = System.nanoTime();
            List<EvalResult> results = evaluator.evaluate(List.of(splits.train(), splits.validation(), splits.test()));
            EvalResult train = results.get(0);
            EvalResult validation = results.get(1);
            EvalResult test = results.get(2);
            long t2 = System.nanoTime();
            MetricsRow row = new MetricsRow(epoch, train.loss(), validation.loss(), test.loss(), Double.NaN, Double.NaN, Double.NaN,
                    0.001, (t2 - t0) / 1e9);
            log.append(row);
            long t3 = System.nanoTime();
            stopping.update(epoch, row.trainLoss(), row.validationLoss(), row.validationLoss());
            long t4 = System.nanoTime();
            Checkpoint checkpoint = checkpoint(epoch, model, session.state(), row, stopping, config);
            long t5 = System.nanoTime();
            Path file = checkpoints.resolve(String.format("epoch-%04d.pth", epoch));
            while (pending.size() >= 3) {
                await(pending.removeFirst());
            }
            pending.addLast(writer.submit(() -> {
                long w0 = System.nanoTime();
                byte[] bytes = Checkpoints.toBytes(checkpoint, file);
                long w1 = System.nanoTime();
                Checkpoints.writeBytes(bytes, file);
                serializeNs.addAndGet(w1 - w0);
                writeNs.addAndGet(System.nanoTime() - w1);
            }));
            long t6 = System.nanoTime();
            long[] marks = {t0, t1, t2, t3, t4, t5, t6};
            for (int p = 0; p < TRAINING_THREAD_PARTS; p++) {
                ns[p] += marks[p + 1] - marks[p];
            }
            ns[TRAINING_THREAD_PARTS] += t6 - t0;
        }
        while (!pending.isEmpty()) {
            await(pending.removeFirst());
        }
        writer.shutdown();
        evaluator.close();
        log.close();
        ns[TRAINING_THREAD_PARTS + 1] = serializeNs.get();
        ns[TRAINING_THREAD_PARTS + 2] = writeNs.get();
        deleteTree(dir);
        double[] us = new double[PARTS.length];
        for (int p = 0; p < PARTS.length; p++) {
            us[p] = ns[p] / 1e3 / epochs;
        }
        return us;
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException | ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same dict CellRunner.checkpoint builds. */
    private static Checkpoint checkpoint(int epoch, Model model, SessionState state, MetricsRow row, EarlyStopping stopping,
                                         Map<String, Object> config) {
        LinkedHashMap<String, Double> metrics = new LinkedHashMap<>();
        metrics.put("train_loss", row.trainLoss());
        metrics.put("validation_loss", row.validationLoss());
        metrics.put("test_loss", row.testLoss());
        LinkedHashMap<String, long[]> rng = new LinkedHashMap<>();
        rng.put("shuffle", state.shuffleRng());
        rng.put("dropout", state.dropoutRng());
        return new Checkpoint(epoch, model.stateDict(), new LinkedHashMap<>(state.optimizerState()), metrics, model.spec().toMap(),
                rng, stopping.snapshot(), config, Checkpoints.modulePrefixes(model));
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }
}
