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
        Object ckpt = checkpoint();
        byte[] bytes = PthWriter.toBytes(ckpt, "epoch-0001");
        System.out.printf("W1 checkpoint: %d bytes; fitlab %d iterations, torch %d per measurement; ms per operation%n",
                bytes.length, n, Math.max(50, n / 4));
        System.out.printf("%-34s %10s %10s %8s%n", "operation", "fitlab", "torch", "ratio");
        List<Path> dirs = new ArrayList<>();
        dirs.add(Files.createTempDirectory("pth-bench"));
        Path shm = Path.of("/dev/shm");
        if (Files.isDirectory(shm) && Files.isWritable(shm)) {
            dirs.add(Files.createTempDirectory(shm, "pth-bench"));
        }
        for (Path dir : dirs) {
            String where = dir.startsWith(shm) ? "tmpfs" : "disk";
            Path file = dir.resolve("epoch-0001.pth");
            for (int i = 0; i < n; i++) { // warm-up
                PthWriter.write(file, ckpt);
                PthReader.read(file);
                Files.write(file, bytes);
                PthWriter.toBytes(ckpt, "epoch-0001");
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
            for (int i = 0; i < n; i++) {
                PthWriter.toBytes(ckpt, "epoch-0001");
            }
            long t3 = System.nanoTime();
            Path plain = dir.resolve("plain.bin");
            for (int i = 0; i < n; i++) {
                Files.write(plain, bytes); // the file system's own cost of writing these bytes, in place
            }
            long t4 = System.nanoTime();
            if (!(back instanceof Map<?, ?>)) {
                throw new IllegalStateException("read back " + back);
            }
            double[] torch = torch(dir.resolve("torch.pth"), Math.max(50, n / 4));
            double write = ms(t1 - t0, n);
            double read = ms(t2 - t1, n);
            double toBytes = ms(t3 - t2, n);
            double floor = ms(t4 - t3, n);
            row("write file (" + where + ")", write, torch[0]);
            row("read file (" + where + ")", read, torch[1]);
            row("serialize to memory", toBytes, torch[2]);
            System.out.printf("%-34s %10.4f %10s %8s   (torch.save / this = %.1fx: the most any writer could reach here)%n",
                    "  just writing the bytes (" + where + ")", floor, "", "", torch[0] / floor);
            for (Path f : List.of(file, plain, dir.resolve("torch.pth"))) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        }
    }

    private static double ms(long nanos, int n) {
        return nanos / 1e6 / n;
    }

    private static void row(String what, double fitlab, double torch) {
        System.out.printf("%-34s %10.4f %10.4f %7.1fx%n", what, fitlab, torch, torch / fitlab);
    }

    /** torch.save to the file, torch.load from it, torch.save to a BytesIO: ms per operation. */
    private static double[] torch(Path file, int n) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("/usr/bin/python3", "-c", PYTHON, file.toString(), Integer.toString(n));
        pb.environment().put("OMP_NUM_THREADS", "1");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0) {
            throw new IllegalStateException("python failed:\n" + out);
        }
        String[] parts = out.split("\\s+");
        int k = parts.length;
        return new double[] {Double.parseDouble(parts[k - 3]), Double.parseDouble(parts[k - 2]), Double.parseDouble(parts[k - 1])};
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
            import io, sys, time, torch
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
            for _ in range(n):
                torch.save(ckpt, io.BytesIO())
            t3 = time.perf_counter()
            print((t1 - t0) * 1000 / n, (t2 - t1) * 1000 / n, (t3 - t2) * 1000 / n)
            """;
}
