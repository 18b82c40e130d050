package fitlab.pth.bench;

import fitlab.pth.OrderedDict;
import fitlab.pth.PthReader;
import fitlab.pth.PthWriter;
import fitlab.pth.PyTuple;
import fitlab.pth.Tensor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmark (not a test): writes and reads a W1-size checkpoint (state_dict of an MLP 1-64-64-1 in float64
 * plus Adam state exp_avg / exp_avg_sq / step) many times with fitlab, then the same content with
 * torch.save / torch.load in /usr/bin/python3, and prints milliseconds per operation and the ratio.
 * Run with {@code bench/pth-bench.sh [iterations]}.
 */
public final class PthBench {
    private static final int[] SIZES = {1, 64, 64, 1};

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Path dir = Files.createTempDirectory("pth-bench");
        Path file = dir.resolve("epoch-0001.pth");
        Object ckpt = checkpoint();
        for (int i = 0; i < n; i++) { // warm-up
            PthWriter.write(file, ckpt);
            PthReader.read(file);
        }
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            PthWriter.write(file, ckpt);
        }
        long t1 = System.nanoTime();
        Object back = null;
        for (int i = 0; i < n; i++) {
            back = PthReader.read(file);
        }
        long t2 = System.nanoTime();
        if (!(back instanceof Map<?, ?>)) {
            throw new IllegalStateException("read back " + back);
        }
        double javaWrite = (t1 - t0) / 1e6 / n;
        double javaRead = (t2 - t1) / 1e6 / n;
        long size = Files.size(file);

        int pyN = Math.max(50, n / 4);
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-c", PYTHON, dir.resolve("torch.pth").toString(), Integer.toString(pyN));
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("python failed:\n" + out);
        }
        String[] parts = out.split("\\s+");
        double torchWrite = Double.parseDouble(parts[parts.length - 2]);
        double torchRead = Double.parseDouble(parts[parts.length - 1]);
        System.out.printf("W1 checkpoint (%d bytes), fitlab %d iterations, torch %d iterations%n", size, n, pyN);
        System.out.printf("write: fitlab %.4f ms/op, torch %.4f ms/op, torch/fitlab = %.1fx%n", javaWrite, torchWrite, torchWrite / javaWrite);
        System.out.printf("read:  fitlab %.4f ms/op, torch %.4f ms/op, torch/fitlab = %.1fx%n", javaRead, torchRead, torchRead / javaRead);
        Files.deleteIfExists(file);
        Files.deleteIfExists(dir.resolve("torch.pth"));
        Files.deleteIfExists(dir);
    }

    static Object checkpoint() {
        SplittableRandom r = new SplittableRandom(1);
        Map<String, Object> sd = new LinkedHashMap<>();
        Map<Object, Object> state = new LinkedHashMap<>();
        List<Object> params = new ArrayList<>();
        List<String> prefixes = new ArrayList<>();
        int index = 0;
        for (int l = 0; l + 1 < SIZES.length; l++) {
            int layer = 2 * l;
            prefixes.add(Integer.toString(layer));
            if (l + 2 < SIZES.length) {
                prefixes.add(Integer.toString(layer + 1));
            }
            long[][] shapes = {{SIZES[l + 1], SIZES[l]}, {SIZES[l + 1]}};
            String[] names = {"weight", "bias"};
            for (int k = 0; k < 2; k++) {
                sd.put(layer + "." + names[k], random(r, shapes[k]));
                Map<Object, Object> s = new LinkedHashMap<>();
                s.put("step", Tensor.ofFloats(new float[] {100f}));
                s.put("exp_avg", random(r, shapes[k]));
                s.put("exp_avg_sq", random(r, shapes[k]));
                state.put((long) index, s);
                params.add((long) index++);
            }
        }
        Map<Object, Object> group = new LinkedHashMap<>();
        group.put("lr", 0.001);
        group.put("betas", PyTuple.of(0.9, 0.999));
        group.put("eps", 1e-8);
        group.put("weight_decay", 0L);
        group.put("amsgrad", false);
        group.put("params", params);
        Map<Object, Object> opt = new LinkedHashMap<>();
        opt.put("state", state);
        opt.put("param_groups", new ArrayList<>(List.of(group)));
        Map<Object, Object> ckpt = new LinkedHashMap<>();
        ckpt.put("epoch", 100L);
        ckpt.put("model_state_dict", OrderedDict.stateDict(sd, prefixes));
        ckpt.put("optimizer_state_dict", opt);
        ckpt.put("loss", 0.0123);
        return ckpt;
    }

    private static Tensor random(SplittableRandom r, long[] shape) {
        int n = 1;
        for (long d : shape) {
            n *= (int) d;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = r.nextDouble(-1, 1);
        }
        return Tensor.of(v, shape);
    }

    private static final String PYTHON = """
            import sys, time, torch
            path, n = sys.argv[1], int(sys.argv[2])
            torch.manual_seed(1)
            m = torch.nn.Sequential(torch.nn.Linear(1, 64), torch.nn.Tanh(), torch.nn.Linear(64, 64), torch.nn.Tanh(), torch.nn.Linear(64, 1)).double()
            opt = torch.optim.Adam(m.parameters(), lr=0.001)
            x = torch.randn(32, 1, dtype=torch.float64)
            m(x).pow(2).mean().backward(); opt.step()
            ckpt = {'epoch': 100, 'model_state_dict': m.state_dict(), 'optimizer_state_dict': opt.state_dict(), 'loss': 0.0123}
            for _ in range(max(10, n // 10)):
                torch.save(ckpt, path); torch.load(path)
            t0 = time.perf_counter()
            for _ in range(n):
                torch.save(ckpt, path)
            t1 = time.perf_counter()
            for _ in range(n):
                torch.load(path)
            t2 = time.perf_counter()
            print((t1 - t0) * 1000 / n, (t2 - t1) * 1000 / n)
            """;
}
