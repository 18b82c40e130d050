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
import fitlab.model.ParameterSlot;
import fitlab.pth.Tensor;
import fitlab.random.Rng;
import fitlab.testsupport.PyTorch;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * PyTorch's {@code optimizer.load_state_dict} accepts the state fitlab produces (carried over as JSON and
 * rebuilt as tensors), its param_group keys are exactly torch's own, and one more PyTorch step from it equals
 * fitlab's next step.
 */
class OptimizerStateInteropTest {

    static final String SCRIPT = """
            import json, sys, torch
            torch.set_default_dtype(torch.float64)
            d = json.load(open(sys.argv[1]))
            def value(v):
                if isinstance(v, dict) and "__tensor__" in v:
                    dt = torch.float32 if v["dtype"] == "float32" else torch.float64
                    return torch.tensor(v["__tensor__"], dtype=dt).reshape(v["shape"])
                if isinstance(v, dict):
                    return {k: value(x) for k, x in v.items()}
                if isinstance(v, list):
                    return [value(x) for x in v]
                return v
            sd = value(d["state_dict"])
            sd["state"] = {int(k): v for k, v in sd["state"].items()}
            g = sd["param_groups"][0]
            if "betas" in g:
                g["betas"] = tuple(g["betas"])
            params = [torch.nn.Parameter(value(p)) for p in d["params"]]
            cls = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW}[d["kind"]]
            opt = cls(params, lr=123.0)
            fresh_keys = sorted(opt.state_dict()["param_groups"][0].keys())
            opt.load_state_dict(sd)
            for p, gr in zip(params, d["grads"]):
                p.grad = value(gr)
            opt.step()
            after = opt.state_dict()
            state_keys = {str(k): sorted(v.keys()) for k, v in after["state"].items()}
            step_dtype = [str(v["step"].dtype) for v in after["state"].values() if "step" in v]
            print(json.dumps({"params": [p.detach().flatten().tolist() for p in params],
                              "group_keys": fresh_keys, "state_keys": state_keys, "step_dtype": step_dtype,
                              "lr": after["param_groups"][0]["lr"]}))
            """;

    @ParameterizedTest
    @ValueSource(strings = {"sgd", "adam", "adamw"})
    void pytorchContinuesFromFitlabState(String kind, @TempDir Path dir) throws Exception {
        PyTorch.require();
        Model model = Models.create(new MlpSpec(1, List.of(8, 8), 1, Activation.TANH, 0.0), Rng.seeded(3));
        OptimizerSpec spec = switch (kind) {
            case "sgd" -> OptimizerSpec.defaults(OptimizerKind.SGD, 0.05).withMomentum(0.9, 0.0, true).withWeightDecay(1e-3);
            case "adam" -> OptimizerSpec.defaults(OptimizerKind.ADAM, 0.01).withWeightDecay(1e-3);
            default -> OptimizerSpec.defaults(OptimizerKind.ADAMW, 0.01);
        };
        Optimizer optimizer = Optimizer.create(spec, model.parameterSlots());
        Rng data = Rng.seeded(4);
        double[] x = new double[20];
        double[] y = new double[20];
        for (int i = 0; i < 20; i++) {
            x[i] = data.uniform(-1, 1);
            y[i] = Math.sin(3 * x[i]);
        }
        var options = new TrainingOptions(5, 0, false, 0.0, LossKind.MSE);
        var session = new TrainingSession(model, Loss.of(LossKind.MSE, 1), optimizer, options,
                new Dataset("train", 20, 1, x, y), Rng.seeded(5), Rng.seeded(6));
        for (int e = 0; e < 5; e++) {
            session.trainEpoch();
        }
        // the gradient of the next step, at the current weights
        double[] out = model.forward(x, 20, true, null);
        double[] dOut = new double[20];
        Loss.of(LossKind.MSE, 1).evaluate(out, y, 20, dOut);
        model.backward(dOut, 20);
        double[] grads = model.gradients().clone();
        double[] before = model.parameters().clone();

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("kind", kind);
        payload.put("state_dict", toJson(optimizer.stateDict()));
        payload.put("params", slices(before, model.parameterSlots()));
        payload.put("grads", slices(grads, model.parameterSlots()));
        Path file = dir.resolve("state.json");
        ObjectMapper json = new ObjectMapper();
        json.writeValue(file.toFile(), payload);
        JsonNode torch = json.readTree(PyTorch.runOk(SCRIPT, dir, file.toString()));

        List<String> ours = new ArrayList<>(((Map<?, ?>) ((List<?>) optimizer.stateDict().get("param_groups")).get(0))
                .keySet().stream().map(Object::toString).sorted().toList());
        List<String> theirs = new ArrayList<>();
        torch.get("group_keys").forEach(k -> theirs.add(k.asText()));
        assertEquals(theirs, ours, "param_group keys");
        assertEquals(spec.lr(), torch.get("lr").asDouble(), "torch adopted the saved lr");
        if (!kind.equals("sgd")) {
            torch.get("step_dtype").forEach(t -> assertEquals("torch.float32", t.asText()));
        }
        Map<?, ?> ourState = (Map<?, ?>) optimizer.stateDict().get("state");
        for (var e : ourState.entrySet()) {
            List<String> keys = ((Map<?, ?>) e.getValue()).keySet().stream().map(Object::toString).sorted().toList();
            List<String> torchKeys = new ArrayList<>();
            torch.get("state_keys").get(e.getKey().toString()).forEach(k -> torchKeys.add(k.asText()));
            assertEquals(torchKeys, keys, "state keys of parameter " + e.getKey());
        }

        optimizer.step(model.parameters(), grads);
        double[] after = model.parameters();
        int at = 0;
        double worst = 0;
        for (JsonNode p : torch.get("params")) {
            for (JsonNode v : p) {
                double rel = Math.abs(after[at] - v.asDouble()) / Math.max(Math.abs(v.asDouble()), 1e-300);
                worst = Math.max(worst, rel);
                assertTrue(rel <= 1e-10, kind + " parameter " + at + ": fitlab " + after[at] + ", torch " + v.asDouble());
                at++;
            }
        }
        assertEquals(after.length, at);
        assertTrue(!Arrays.equals(before, after), "the step changed the parameters");
        System.out.printf("optimizer interop %s: worst relative difference %.3g%n", kind, worst);
    }

    static List<Object> slices(double[] flat, List<ParameterSlot> slots) {
        List<Object> out = new ArrayList<>();
        for (ParameterSlot s : slots) {
            out.add(toJson(OptimizerStates.slice(flat, s)));
        }
        return out;
    }

    /** pth value types to JSON: tensors become {__tensor__: values, shape, dtype}; map keys become strings. */
    static Object toJson(Object v) {
        if (v instanceof Tensor t) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("__tensor__", t.toDoubleArray());
            m.put("shape", t.shape());
            m.put("dtype", t.dtype().torchName());
            return m;
        }
        if (v instanceof Map<?, ?> map) {
            Map<String, Object> m = new LinkedHashMap<>();
            map.forEach((k, x) -> m.put(String.valueOf(k), toJson(x)));
            return m;
        }
        if (v instanceof List<?> list) {
            return list.stream().map(OptimizerStateInteropTest::toJson).toList();
        }
        return v;
    }
}
