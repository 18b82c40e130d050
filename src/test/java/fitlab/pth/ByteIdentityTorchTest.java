package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import fitlab.testsupport.PyTorch;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** fitlab's writer reproduces PyTorch 1.13's {@code torch.save} of a state_dict byte for byte. */
class ByteIdentityTorchTest {
    @TempDir
    Path dir;

    @Test
    void linearStateDictIsByteIdenticalToTorch113() throws Exception {
        PyTorch.runOk("""
                import torch, sys
                m = torch.nn.Linear(3, 2)
                with torch.no_grad():
                    m.weight.copy_(torch.arange(6.).view(2, 3)); m.bias.copy_(torch.tensor([0.5, -1.0]))
                torch.save(m.state_dict(), 'tiny_sd.pth')
                """, dir);
        Map<String, Object> entries = new LinkedHashMap<>();
        entries.put("weight", Tensor.ofFloats(new float[] {0, 1, 2, 3, 4, 5}, 2, 3));
        entries.put("bias", Tensor.ofFloats(new float[] {0.5f, -1f}, 2));
        byte[] ours = PthWriter.toBytes(OrderedDict.stateDict(entries), "tiny_sd", PthWriter.Layout.TORCH_1_13);
        assertArrayEquals(Files.readAllBytes(dir.resolve("tiny_sd.pth")), ours);
    }

    @Test
    void float64MlpStateDictWithManyStoragesAndAnEmptyTensorIsByteIdentical() throws Exception {
        // 12 storages, so keys sort as strings (0, 1, 10, 11, 2, ...); one empty storage (no data descriptor)
        PyTorch.runOk("""
                import torch
                layers = []
                for i in range(5):
                    layers += [torch.nn.Linear(3, 3), torch.nn.Tanh()]
                m = torch.nn.Sequential(*layers, torch.nn.Linear(3, 1)).double()
                k = 0
                with torch.no_grad():
                    for p in m.parameters():
                        p.copy_(torch.arange(p.numel(), dtype=torch.float64).view(p.shape) * 0.25 - k); k += 1
                sd = m.state_dict()
                sd['empty'] = torch.zeros(0, 3, dtype=torch.float64)
                torch.save(sd, 'mlp.pth')
                """, dir);
        Map<String, Object> entries = new LinkedHashMap<>();
        List<String> prefixes = new java.util.ArrayList<>();
        int k = 0;
        for (int layer = 0; layer < 11; layer++) {
            prefixes.add(Integer.toString(layer));
            if (layer % 2 == 1) {
                continue;
            }
            int out = layer == 10 ? 1 : 3;
            entries.put(layer + ".weight", ramp(out * 3, k++, out, 3));
            entries.put(layer + ".bias", ramp(out, k++, out));
        }
        entries.put("empty", Tensor.of(new double[0], 0, 3));
        byte[] ours = PthWriter.toBytes(OrderedDict.stateDict(entries, prefixes), "mlp", PthWriter.Layout.TORCH_1_13);
        assertArrayEquals(Files.readAllBytes(dir.resolve("mlp.pth")), ours);
    }

    private static Tensor ramp(int n, int k, long... shape) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i * 0.25 - k;
        }
        return Tensor.of(v, shape);
    }
}
