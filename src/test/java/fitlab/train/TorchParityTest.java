package fitlab.train;

import fitlab.config.OptimizerKind;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fitlab.data.Dataset;
import fitlab.model.Activation;
import fitlab.model.MlpSpec;
import fitlab.model.Model;
import fitlab.model.Models;
import fitlab.pth.Tensor;
import fitlab.random.Rng;
import fitlab.testsupport.PyTorch;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * fitlab and PyTorch (float64) train the same network from the same initial weights (drawn by PyTorch) on
 * the same data in the same order, and must agree on every epoch's training loss to 1e-10 relative.
 */
class TorchParityTest {
    static final int EPOCHS = 200;
    static final double TOLERANCE = 1e-10;

    /** name -> case, as parity.py reads it. */
    static final Map<String, Map<String, Object>> CASES = new LinkedHashMap<>();

    static {
        List<Map<String, Object>> optimizers = List.of(
                Map.of("kind", "sgd", "lr", 0.05),
                Map.of("kind", "sgd", "lr", 0.02, "momentum", 0.9, "wd", 1e-3),
                Map.of("kind", "sgd", "lr", 0.02, "momentum", 0.9, "nesterov", true, "wd", 1e-3),
                Map.of("kind", "adam", "lr", 0.01, "wd", 1e-3),
                Map.of("kind", "adam", "lr", 0.01, "amsgrad", true),
                Map.of("kind", "adamw", "lr", 0.01, "wd", 0.05));
        for (var opt : optimizers) {
            String tag = opt.get("kind") + (opt.containsKey("momentum") ? "-momentum" : "")
                    + (opt.containsKey("nesterov") ? "-nesterov" : "") + (opt.containsKey("amsgrad") ? "-amsgrad" : "");
            CASES.put("tanh-1-16-16-1-mse/" + tag, mlpCase(1, List.of(1, 16, 16, 1), "tanh", "mse", 60, 0, opt));
            CASES.put("relu-2-32-2-ce/" + tag, mlpCase(2, List.of(2, 32, 2), "relu", "ce", 80, 0, opt));
        }
        Map<String, Object> adam = Map.of("kind", "adam", "lr", 0.01);
        CASES.put("tanh-1-16-16-1-mse/adam-batch32", mlpCase(3, List.of(1, 16, 16, 1), "tanh", "mse", 70, 32, adam));
        CASES.put("relu-2-32-2-ce/sgd-momentum-batch32", mlpCase(4, List.of(2, 32, 2), "relu", "ce", 70, 32,
                Map.of("kind", "sgd", "lr", 0.05, "momentum", 0.9, "wd", 1e-3)));
        CASES.put("sigmoid-2-8-1-bce/adam", mlpCase(5, List.of(2, 8, 1), "sigmoid", "bce", 80, 0, adam));
        CASES.put("gelu-1-16-16-1-mse/adam", mlpCase(6, List.of(1, 16, 16, 1), "gelu", "mse", 60, 0, adam));
        CASES.put("sigmoid-1-16-1-mse/sgd", mlpCase(7, List.of(1, 16, 1), "sigmoid", "mse", 60, 0, Map.of("kind", "sgd", "lr", 0.1)));
        Map<String, Object> l1 = new LinkedHashMap<>(mlpCase(8, List.of(1, 16, 16, 1), "tanh", "mse", 60, 0, adam));
        l1.put("l1", 1e-4);
        CASES.put("tanh-1-16-16-1-mse/adam-l1", l1);
    }

    static JsonNode torchResults;

    static Map<String, Object> mlpCase(int seed, List<Integer> layers, String act, String loss, int n, int batch, Map<String, Object> opt) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("seed", seed);
        c.put("layers", layers);
        c.put("act", act);
        c.put("loss", loss);
        c.put("n", n);
        c.put("batch", batch);
        c.put("opt", opt);
        return c;
    }

    @BeforeAll
    static void trainInPyTorch(@TempDir Path dir) throws IOException {
        PyTorch.require();
        ObjectMapper json = new ObjectMapper();
        Path cases = dir.resolve("cases.json");
        json.writeValue(cases.toFile(), CASES);
        String out = PyTorch.runOk(resource("parity.py"), dir, String.valueOf(EPOCHS), cases.toString());
        torchResults = json.readTree(out);
    }

    static String resource(String name) throws IOException {
        try (InputStream in = TorchParityTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Stream<String> caseNames() {
        return CASES.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("caseNames")
    void lossCurvesMatchPyTorch(String name) {
        Map<String, Object> c = CASES.get(name);
        JsonNode torch = torchResults.get(name);
        @SuppressWarnings("unchecked")
        List<Integer> layers = (List<Integer>) c.get("layers");
        String lossName = (String) c.get("loss");
        var spec = new MlpSpec(layers.get(0), layers.subList(1, layers.size() - 1), layers.get(layers.size() - 1),
                Activation.fromKey((String) c.get("act")), 0.0);
        Model model = Models.create(spec, Rng.seeded(99)); // weights then replaced by PyTorch's
        model.loadStateDict(tensors(torch.get("init"), model));
        int n = (Integer) c.get("n");
        Dataset train = new Dataset("train", n, layers.get(0), doubles(torch.get("x")), doubles(torch.get("y")));
        LossKind kind = switch (lossName) {
            case "mse" -> LossKind.MSE;
            case "bce" -> LossKind.BCE_WITH_LOGITS;
            default -> LossKind.CROSS_ENTROPY;
        };
        double l1 = c.containsKey("l1") ? (Double) c.get("l1") : 0.0;
        var options = new TrainingOptions(EPOCHS, (Integer) c.get("batch"), false, l1, kind);
        @SuppressWarnings("unchecked")
        Optimizer optimizer = Optimizer.create(optimizerSpec((Map<String, Object>) c.get("opt")), model.parameterSlots());
        var session = new TrainingSession(model, Loss.of(kind, model.outputs()), optimizer, options, train,
                Rng.seeded(1), Rng.seeded(2));
        double[] torchTrain = doubles(torch.get("train_losses"));
        double[] torchEval = doubles(torch.get("eval_losses"));
        double worst = 0;
        for (int e = 0; e < EPOCHS; e++) {
            double trainLoss = session.trainEpoch();
            double evalLoss = session.evaluate(train).loss();
            worst = Math.max(worst, Math.max(relative(trainLoss, torchTrain[e]), relative(evalLoss, torchEval[e])));
            assertTrue(relative(trainLoss, torchTrain[e]) <= TOLERANCE,
                    name + " epoch " + (e + 1) + ": fitlab train loss " + trainLoss + ", torch " + torchTrain[e]);
            assertTrue(relative(evalLoss, torchEval[e]) <= TOLERANCE,
                    name + " epoch " + (e + 1) + ": fitlab eval loss " + evalLoss + ", torch " + torchEval[e]);
        }
        // the run must actually learn, or agreement would prove little
        assertTrue(torchTrain[EPOCHS - 1] < 0.9 * torchTrain[0], name + " did not learn: " + torchTrain[0] + " -> " + torchTrain[EPOCHS - 1]);
        System.out.printf("parity %-45s worst relative difference %.3g%n", name, worst);
    }

    static OptimizerSpec optimizerSpec(Map<String, Object> o) {
        double lr = ((Number) o.get("lr")).doubleValue();
        double wd = ((Number) o.getOrDefault("wd", 0.0)).doubleValue();
        return switch ((String) o.get("kind")) {
            case "sgd" -> OptimizerSpec.defaults(OptimizerKind.SGD, lr).withWeightDecay(wd)
                    .withMomentum(((Number) o.getOrDefault("momentum", 0.0)).doubleValue(), 0.0, (Boolean) o.getOrDefault("nesterov", false));
            case "adam" -> OptimizerSpec.defaults(OptimizerKind.ADAM, lr).withWeightDecay(wd)
                    .withAmsgrad((Boolean) o.getOrDefault("amsgrad", false));
            default -> OptimizerSpec.defaults(OptimizerKind.ADAMW, lr).withWeightDecay(wd);
        };
    }

    static double relative(double a, double b) {
        return Math.abs(a - b) / Math.max(Math.abs(b), 1e-300);
    }

    static Map<String, Tensor> tensors(JsonNode init, Model model) {
        Map<String, Tensor> sd = new LinkedHashMap<>();
        for (var slot : model.parameterSlots()) {
            sd.put(slot.name(), Tensor.of(doubles(init.get(slot.name())), slot.shape()));
        }
        return sd;
    }

    static double[] doubles(JsonNode node) {
        List<Double> values = new ArrayList<>();
        node.forEach(v -> values.add(v.asDouble()));
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
