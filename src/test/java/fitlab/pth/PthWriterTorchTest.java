package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import fitlab.testsupport.PyTorch;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.special.Erf;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files fitlab writes load in PyTorch 1.13 with the same values, and pass the weights_only static check. */
class PthWriterTorchTest {
    @TempDir
    Path dir;

    private static final String LOAD_AND_DESCRIBE = """
            wo = sys.argv[2] == 'weights_only'
            v = torch.load(sys.argv[1], weights_only=wo)
            print(json.dumps(describe(v)))
            """;

    static OrderedDict stateDictWithEverything() {
        Map<String, Object> e = new LinkedHashMap<>();
        Tensor base = Tensor.of(new double[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, 3, 4);
        e.put("base", base);
        e.put("t", new Tensor(base.storage(), 0, new long[] {4, 3}, new long[] {1, 4}, false));
        e.put("row", new Tensor(base.storage(), 4, new long[] {4}, new long[] {1}, false));
        e.put("block", new Tensor(base.storage(), 5, new long[] {2, 2}, new long[] {4, 1}, false));
        e.put("scalar", Tensor.scalar(-2.5));
        e.put("empty", Tensor.of(new double[0], 0));
        e.put("empty3", Tensor.ofFloats(new float[0], 2, 0, 3));
        for (DType d : DType.values()) {
            byte[] bytes = new byte[3 * d.elementSize()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) (d == DType.BOOL ? i % 2 : 0x11 * (i + 1)); // well-defined values for every dtype
            }
            if (d == DType.FLOAT16 || d == DType.BFLOAT16 || d == DType.FLOAT32 || d == DType.FLOAT64) {
                bytes[bytes.length - 1] = 0x3f; // finite, no NaN
            }
            e.put("dtype_" + d.torchName(), Tensor.contiguous(new Storage(d, bytes), 3));
        }
        e.put("tied_a", Tensor.ofLongs(new long[] {5, -6}, 2));
        e.put("tied_b", e.get("tied_a"));
        return OrderedDict.stateDict(e);
    }

    @Test
    void stateDictLoadsWithWeightsOnlyInTorch113() throws Exception {
        OrderedDict sd = stateDictWithEverything();
        Path file = dir.resolve("sd.pth");
        PthWriter.write(file, sd);
        String out = PyTorch.runOk(Describe.PYTHON + LOAD_AND_DESCRIBE, dir, file.toString(), "weights_only");
        assertEquals(Describe.of(sd), Describe.parse(out));
        var report = WeightsOnlyAllowlist.check(pickleOf(sd));
        assertTrue(report.allowed(), report.violations().toString());
        assertTrue(report.loadableIn113());
    }

    @Test
    void checkpointWithFloatsLoadsInTorch113AndPassesTheStatic26Check() throws Exception {
        Map<Object, Object> ckpt = new LinkedHashMap<>();
        ckpt.put("epoch", 12L);
        ckpt.put("model_state_dict", stateDictWithEverything());
        Map<Object, Object> state = new LinkedHashMap<>();
        state.put(0L, new LinkedHashMap<>(Map.of("momentum_buffer", Tensor.of(new double[] {0.5, 0.25}, 2))));
        Map<Object, Object> group = new LinkedHashMap<>();
        group.put("lr", 0.1);
        group.put("betas", PyTuple.of(0.9, 0.999));
        group.put("foreach", null);
        group.put("nesterov", false);
        group.put("params", new ArrayList<>(List.of(0L)));
        ckpt.put("optimizer_state_dict", new LinkedHashMap<>(Map.of("state", state, "param_groups", List.of(group))));
        ckpt.put("loss", 1e-300);
        ckpt.put("big", new BigInteger("-123456789012345678901234567890"));
        ckpt.put("long", 1L << 40);
        ckpt.put("neg", -70000L);
        ckpt.put("text", "überfit ✓");
        ckpt.put("bytes", new byte[] {0, (byte) 0xff, 65});
        Path file = dir.resolve("ckpt.pth");
        PthWriter.write(file, ckpt);
        String script = Describe.PYTHON + """
                v = torch.load(sys.argv[1], weights_only=False)
                assert v['bytes'] == b'\\x00\\xffA', v['bytes']
                del v['bytes']
                print(json.dumps(describe(v)))
                try:
                    torch.load(sys.argv[1], weights_only=True); print('LOADED')
                except Exception as e:
                    print('REJECTED', e)
                """;
        String[] lines = PyTorch.runOk(script, dir, file.toString()).split("\n");
        ckpt.remove("bytes");
        assertEquals(Describe.of(ckpt), Describe.parse(lines[0]));
        assertTrue(lines[1].startsWith("REJECTED") && lines[1].contains("71"), lines[1]); // 1.13 has no BINFLOAT
        ckpt.put("bytes", new byte[] {1});
        var report = WeightsOnlyAllowlist.check(pickleOf(ckpt));
        assertTrue(report.allowed(), report.violations().toString());
        assertFalse(report.loadableIn113());
    }

    @Test
    void wholeSequentialLoadsAndComputesWhatJavaComputes() throws Exception {
        int[] sizes = {2, 4, 4, 3, 3, 1};
        List<PyObject> layers = new ArrayList<>();
        List<double[][]> weights = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        String[] acts = {"relu", "tanh", "sigmoid", "gelu", "dropout"};
        for (int l = 0; l + 1 < sizes.length; l++) {
            double[][] w = new double[sizes[l + 1]][sizes[l]];
            double[] flat = new double[sizes[l + 1] * sizes[l]];
            double[] b = new double[sizes[l + 1]];
            for (int o = 0; o < w.length; o++) {
                for (int i = 0; i < w[o].length; i++) {
                    w[o][i] = Math.sin(7 * l + 3 * o + i + 1);
                    flat[o * sizes[l] + i] = w[o][i];
                }
                b[o] = 0.1 * (o - l);
            }
            weights.add(w);
            biases.add(b);
            layers.add(TorchModules.linear(Tensor.of(flat, sizes[l + 1], sizes[l]), Tensor.of(b, sizes[l + 1])));
            if (l < acts.length) {
                layers.add(switch (acts[l]) {
                    case "relu" -> TorchModules.relu();
                    case "tanh" -> TorchModules.tanh();
                    case "sigmoid" -> TorchModules.sigmoid();
                    case "gelu" -> TorchModules.gelu();
                    default -> TorchModules.dropout(0.5);
                });
            }
        }
        Path file = dir.resolve("model.whole.pth");
        PthWriter.write(file, TorchModules.sequential(layers));
        double[][] xs = {{0.5, -1.0}, {2.0, 0.25}, {-3.0, 1.5}};
        String out = PyTorch.runOk("""
                import torch, sys
                m = torch.load(sys.argv[1])
                assert type(m) is torch.nn.Sequential and not m.training, m
                print(list(m.state_dict().keys()))
                x = torch.tensor([[0.5, -1.0], [2.0, 0.25], [-3.0, 1.5]], dtype=torch.float64)
                with torch.no_grad():
                    for v in m(x).flatten().tolist(): print(repr(v))
                """, dir, file.toString());
        String[] lines = out.strip().split("\n");
        assertEquals("['0.weight', '0.bias', '2.weight', '2.bias', '4.weight', '4.bias', '6.weight', '6.bias', '8.weight', '8.bias']", lines[0]);
        for (int r = 0; r < xs.length; r++) {
            double[] h = xs[r];
            for (int l = 0; l < weights.size(); l++) {
                h = affine(weights.get(l), biases.get(l), h);
                if (l < acts.length) {
                    String act = acts[l];
                    for (int i = 0; i < h.length; i++) {
                        double v = h[i];
                        h[i] = switch (act) {
                            case "relu" -> Math.max(0, v);
                            case "tanh" -> Math.tanh(v);
                            case "sigmoid" -> 1 / (1 + Math.exp(-v));
                            case "gelu" -> 0.5 * v * (1 + Erf.erf(v / Math.sqrt(2)));
                            default -> v;
                        };
                    }
                }
            }
            assertEquals(h[0], Double.parseDouble(lines[1 + r]), 1e-12);
        }
    }

    @Test
    void customClassLoadsWhenItExistsAndNamesItselfWhenItDoesNot() throws Exception {
        Map<String, Tensor> buffers = new LinkedHashMap<>();
        buffers.put("x_mean", Tensor.scalar(0.5));
        buffers.put("x_scale", Tensor.scalar(2.0));
        PyObject linear = TorchModules.linear(Tensor.of(new double[] {1, -2, 3}, 1, 3), Tensor.of(new double[] {0.25}, 1));
        PyObject poly = TorchModules.custom("fitlab_torch_probe", "PolynomialProbe", Map.of(), buffers, Map.of("linear", linear),
                Map.of("degree", 3L));
        Path file = dir.resolve("poly.pth");
        PthWriter.write(file, poly);
        Path withClass = Files.createDirectory(dir.resolve("with"));
        Files.writeString(withClass.resolve("fitlab_torch_probe.py"), """
                import torch
                class PolynomialProbe(torch.nn.Module):
                    def forward(self, x):
                        z = (x - self.x_mean) * self.x_scale
                        return self.linear(torch.cat([z ** k for k in range(1, self.degree + 1)], dim=1))
                """);
        String load = """
                import torch, sys
                sys.path.insert(0, '.')  # the class lives next to the notebook, i.e. in the working folder
                m = torch.load(sys.argv[1])
                print(type(m).__name__, sorted(m.state_dict().keys()))
                print(repr(m(torch.tensor([[1.5]], dtype=torch.float64)).item()))
                """;
        String[] lines = PyTorch.runOk(load, withClass, file.toString()).strip().split("\n");
        assertEquals("PolynomialProbe ['linear.bias', 'linear.weight', 'x_mean', 'x_scale']", lines[0]);
        double z = (1.5 - 0.5) * 2.0;
        assertEquals(0.25 + z - 2 * z * z + 3 * z * z * z, Double.parseDouble(lines[1]), 1e-12);
        Path without = Files.createDirectory(dir.resolve("without"));
        PyTorch.Result missing = PyTorch.run(load, without, file.toString());
        assertNotEquals(0, missing.exitCode());
        assertTrue(missing.stderr().contains("fitlab_torch_probe"), missing.stderr());
    }

    private static double[] affine(double[][] w, double[] b, double[] x) {
        double[] y = new double[w.length];
        for (int o = 0; o < w.length; o++) {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                s += w[o][i] * x[i];
            }
            y[o] = s + b[o];
        }
        return y;
    }

    static byte[] pickleOf(Object value) {
        return Pickler.pickle(value).pickle();
    }

    static JsonNode describe(Object v) {
        return Describe.of(v);
    }
}
