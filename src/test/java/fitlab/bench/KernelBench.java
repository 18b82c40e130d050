package fitlab.bench;

import fitlab.model.Activation;
import fitlab.model.MlpSpec;
import fitlab.model.Model;
import fitlab.model.Models;
import fitlab.random.Rng;
import java.util.Arrays;
import java.util.List;

/**
 * Times an MLP 1-W-W-1 tanh in isolation (no I/O): a training step's forward+backward over 200 rows and an eval
 * forward over 1000 rows, for each width given (default 64 and 256), with the achieved GFLOP/s of the dense
 * part (2 flops per multiply-add). Also the cost of one tanh. Warm-up first, median of timed rounds.
 *
 * <p>Usage: {@code KernelBench [WIDTH]...}
 */
public final class KernelBench {
    public static void main(String[] args) {
        int[] widths = args.length == 0 ? new int[] {64, 256} : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        for (int width : widths) {
            bench(width);
        }
        tanh();
    }

    private static void bench(int width) {
        Model model = Models.create(new MlpSpec(1, List.of(width, width), 1, Activation.TANH, 0.0), Rng.seeded(1));
        Rng rng = Rng.seeded(2);
        double[] train = new double[200];
        double[] test = new double[1000];
        double[] grad = new double[200];
        for (int i = 0; i < train.length; i++) {
            train[i] = rng.uniform(0, 1);
            grad[i] = rng.nextGaussian() / 200;
        }
        for (int i = 0; i < test.length; i++) {
            test[i] = rng.uniform(0, 1);
        }
        // Mlp answers a repeated forward (same input array and content, same weights) from its workspace: alternate
        // between two equal copies so every call here really computes.
        double[][] trains = {train, train.clone()};
        double[][] tests = {test, test.clone()};
        // multiply-adds per row: forward (W + W·W + W); backward: weight grads (W + W·W + W) and input grad (W·W + W)
        double forwardMacs = width + (double) width * width + width;
        double backwardMacs = forwardMacs + (double) width * width + width;
        int reps = Math.max(5, 2_000_000 / (width * width));
        double[] stepUs = new double[9];
        double[] evalUs = new double[9];
        for (int round = 0; round < 15; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                model.forward(trains[i & 1], 200, true, null);
                model.backward(grad, 200);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < reps; i++) {
                model.forward(tests[i & 1], 1000, false, null);
            }
            long t2 = System.nanoTime();
            if (round >= 6) {
                stepUs[round - 6] = (t1 - t0) / 1e3 / reps;
                evalUs[round - 6] = (t2 - t1) / 1e3 / reps;
            }
        }
        Arrays.sort(stepUs);
        Arrays.sort(evalUs);
        double step = stepUs[4];
        double eval = evalUs[4];
        System.out.printf("width %4d: train step (200 rows fwd+bwd) %9.1f us = %5.2f GFLOP/s; eval forward (1000 rows) %9.1f us = %5.2f GFLOP/s%n",
                width, step, 2 * 200 * (forwardMacs + backwardMacs) / (step * 1e3), eval, 2 * 1000 * forwardMacs / (eval * 1e3));
    }

    private static void tanh() {
        Model model = Models.create(new MlpSpec(1, List.of(1), 1, Activation.TANH, 0.0), Rng.seeded(1));
        Rng rng = Rng.seeded(3);
        double[] x = new double[64_000];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.nextGaussian() * 1.5;
        }
        double[] fast = new double[9];
        double[] strict = new double[9];
        double sink = 0;
        for (int round = 0; round < 15; round++) {
            long t0 = System.nanoTime();
            for (double v : x) {
                sink += Activation.TANH.apply(v);
            }
            long t1 = System.nanoTime();
            for (double v : x) {
                sink += Math.tanh(v);
            }
            long t2 = System.nanoTime();
            if (round >= 6) {
                fast[round - 6] = (t1 - t0) / (double) x.length;
                strict[round - 6] = (t2 - t1) / (double) x.length;
            }
        }
        Arrays.sort(fast);
        Arrays.sort(strict);
        System.out.printf("tanh: fitlab %.2f ns, Math.tanh %.2f ns per call (checksum %.3f, model params %d)%n", fast[4], strict[4], sink,
                model.parameters().length);
    }
}
