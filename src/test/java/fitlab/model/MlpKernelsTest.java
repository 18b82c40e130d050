package fitlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import fitlab.random.Rng;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The fast MLP (feature-major, blocked {@link Kernels#multiply}) gives bit-identical outputs and gradients to the
 * textbook row-major loops it replaced: same sums in the same order, only the loop structure differs.
 */
class MlpKernelsTest {

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(new MlpSpec(1, List.of(16, 16), 1, Activation.TANH, 0.0), 200, true),
                Arguments.of(new MlpSpec(1, List.of(64, 64), 1, Activation.TANH, 0.0), 300, false), // rows > one block
                Arguments.of(new MlpSpec(3, List.of(5, 7), 4, Activation.RELU, 0.0), 13, true),
                Arguments.of(new MlpSpec(2, List.of(9), 3, Activation.GELU, 0.3), 11, true),       // dropout in train mode
                Arguments.of(new MlpSpec(4, List.of(6, 3, 5), 2, Activation.SIGMOID, 0.2), 1, true),
                Arguments.of(new MlpSpec(2, List.of(33), 1, Activation.TANH, 0.5), 517, true));
    }

    @ParameterizedTest(name = "{0}, {1} rows, training {2}")
    @MethodSource("shapes")
    void forwardAndGradientsMatchTheTextbookLoops(MlpSpec spec, int rows, boolean training) {
        Mlp mlp = (Mlp) Models.create(spec, Rng.seeded(5));
        Rng data = Rng.seeded(6);
        double[] x = new double[rows * spec.inputs()];
        double[] gradOut = new double[rows * spec.outputs()];
        for (int i = 0; i < x.length; i++) {
            x[i] = data.uniform(-2, 2);
        }
        for (int i = 0; i < gradOut.length; i++) {
            gradOut[i] = data.nextGaussian();
        }
        double[] xCopy = x.clone();
        double[] out = Arrays.copyOf(mlp.forward(x, rows, training, Rng.seeded(7)), rows * spec.outputs());
        mlp.backward(gradOut, rows);
        Reference ref = new Reference(spec, mlp.parameters());
        assertArrayEquals(ref.forward(xCopy, rows, training, Rng.seeded(7)), out);
        assertArrayEquals(ref.backward(gradOut, rows), mlp.gradients());
        assertArrayEquals(xCopy, x, "the input is not changed");
    }

    @Test
    void multiplyMatchesTheNaiveSumForAwkwardShapes() {
        Rng rng = Rng.seeded(8);
        // both sides of the short-row copy (63, 64, 65 columns) with odd and even row counts
        int[][] shapes = {{1, 1, 1}, {3, 5, 7}, {2, 4, 256}, {5, 9, 300}, {7, 3, 513}, {64, 64, 64}, {5, 6, 63}, {3, 4, 65}, {4, 7, 65}};
        for (int[] s : shapes) {
            int nI = s[0];
            int nK = s[1];
            int n = s[2];
            for (boolean transposed : new boolean[] {false, true}) {
                double[] m = new double[3 + nI * nK];
                double[] b = new double[2 + nK * n];
                for (int i = 0; i < m.length; i++) {
                    m[i] = rng.nextGaussian();
                }
                for (int i = 0; i < b.length; i++) {
                    b[i] = rng.nextGaussian();
                }
                int strideI = transposed ? 1 : nK;
                int strideK = transposed ? nI : 1;
                double[] c = new double[4 + nI * n];
                double[] expected = c.clone();
                Arrays.fill(c, 99.0); // overwritten, not accumulated into
                c[0] = c[1] = c[2] = c[3] = 0.0;
                Kernels.multiply(nI, nK, n, m, 3, strideI, strideK, b, 2, c, 4);
                for (int i = 0; i < nI; i++) {
                    for (int col = 0; col < n; col++) {
                        double sum = 0.0;
                        for (int k = 0; k < nK; k++) {
                            sum += m[3 + i * strideI + k * strideK] * b[2 + k * n + col];
                        }
                        expected[4 + i * n + col] = sum;
                    }
                }
                assertArrayEquals(expected, c, Arrays.toString(s) + (transposed ? " transposed" : ""));
            }
        }
    }

    @Test
    void aRepeatedForwardIsReusedOnlyWhenInputAndWeightsAreUnchanged() {
        MlpSpec spec = new MlpSpec(2, List.of(8, 8), 1, Activation.TANH, 0.0);
        Mlp mlp = (Mlp) Models.create(spec, Rng.seeded(11));
        double[] train = randomInputs(40, 2, 12);
        double[] other = randomInputs(30, 2, 13);
        double[] gradOut = randomInputs(40, 1, 14);
        // a cell's epoch: train step, eval on train, eval on another split, next train step (reuses the eval on train)
        mlp.forward(train, 40, true, null);
        mlp.backward(gradOut, 40);
        mlp.parameters()[0] += 0.25;                          // an optimizer step
        mlp.forward(train, 40, false, null);
        mlp.forward(other, 30, false, null);
        double[] out = mlp.forward(train, 40, true, null).clone();
        mlp.backward(gradOut, 40);
        Reference ref = new Reference(spec, mlp.parameters());
        assertArrayEquals(ref.forward(train, 40, true, null), Arrays.copyOf(out, 40));
        assertArrayEquals(ref.backward(gradOut, 40), mlp.gradients());

        mlp.forward(train, 40, false, null);
        mlp.parameters()[5] = Math.nextUp(mlp.parameters()[5]); // one ulp in one weight
        double[] afterWeightChange = Arrays.copyOf(mlp.forward(train, 40, true, null), 40);
        assertArrayEquals(new Reference(spec, mlp.parameters()).forward(train, 40, false, null), afterWeightChange);

        mlp.forward(train, 40, false, null);
        train[17] = -train[17];                              // the caller changed the data in place
        double[] afterInputChange = Arrays.copyOf(mlp.forward(train, 40, true, null), 40);
        assertArrayEquals(new Reference(spec, mlp.parameters()).forward(train, 40, false, null), afterInputChange);
    }

    @Test
    void aTrainingForwardWithDropoutIsNeverReused() {
        MlpSpec spec = new MlpSpec(1, List.of(12), 1, Activation.RELU, 0.5);
        Mlp mlp = (Mlp) Models.create(spec, Rng.seeded(21));
        double[] x = randomInputs(25, 1, 22);
        double[] eval = Arrays.copyOf(mlp.forward(x, 25, false, null), 25);
        double[] trained = Arrays.copyOf(mlp.forward(x, 25, true, Rng.seeded(23)), 25);
        Reference ref = new Reference(spec, mlp.parameters());
        assertArrayEquals(ref.forward(x, 25, false, null), eval);
        assertArrayEquals(ref.forward(x, 25, true, Rng.seeded(23)), trained);
        assertFalse(Arrays.equals(eval, trained), "dropout changed the outputs");
        assertArrayEquals(eval, Arrays.copyOf(mlp.forward(x, 25, false, null), 25), "eval after a dropout step recomputes");
    }

    static double[] randomInputs(int rows, int columns, long seed) {
        Rng rng = Rng.seeded(seed);
        double[] x = new double[rows * columns];
        for (int i = 0; i < x.length; i++) {
            x[i] = rng.uniform(-2, 2);
        }
        return x;
    }

    /** The pre-optimisation Mlp: row-major, one dot product per output, one term at a time. */
    static final class Reference {
        final int[] sizes;
        final Activation act;
        final double p;
        final double[] params;
        final int[] wOff;
        final int[] bOff;
        double[][] inputs;
        double[][] z;
        double[][] a;
        double[][] mask;

        Reference(MlpSpec spec, double[] params) {
            sizes = spec.layerSizes().stream().mapToInt(Integer::intValue).toArray();
            act = spec.activation();
            p = spec.dropout();
            this.params = params;
            wOff = new int[sizes.length - 1];
            bOff = new int[sizes.length - 1];
            int o = 0;
            for (int l = 0; l < sizes.length - 1; l++) {
                wOff[l] = o;
                o += sizes[l] * sizes[l + 1];
                bOff[l] = o;
                o += sizes[l + 1];
            }
        }

        double[] forward(double[] x, int rows, boolean training, Rng dropout) {
            int layers = sizes.length - 1;
            inputs = new double[layers][];
            z = new double[layers][];
            a = new double[layers][];
            mask = new double[layers][];
            double[] in = x;
            for (int l = 0; l < layers; l++) {
                inputs[l] = in;
                int nIn = sizes[l];
                int nOut = sizes[l + 1];
                z[l] = new double[rows * nOut];
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < nOut; j++) {
                        double sum = 0.0;
                        for (int k = 0; k < nIn; k++) {
                            sum += in[r * nIn + k] * params[wOff[l] + j * nIn + k];
                        }
                        z[l][r * nOut + j] = sum + params[bOff[l] + j];
                    }
                }
                if (l == layers - 1) {
                    break;
                }
                a[l] = new double[rows * nOut];
                double[] h = new double[rows * nOut];
                mask[l] = new double[rows * nOut];
                for (int i = 0; i < rows * nOut; i++) {
                    a[l][i] = act.apply(z[l][i]);
                    mask[l][i] = training && p > 0 ? (dropout.nextDouble() < p ? 0.0 : 1.0 / (1.0 - p)) : 1.0;
                    h[i] = training && p > 0 ? a[l][i] * mask[l][i] : a[l][i];
                }
                in = h;
            }
            return z[layers - 1];
        }

        double[] backward(double[] gradOut, int rows) {
            double[] g = new double[params.length];
            double[] delta = gradOut;
            for (int l = sizes.length - 2; l >= 0; l--) {
                int nIn = sizes[l];
                int nOut = sizes[l + 1];
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < nOut; j++) {
                        double d = delta[r * nOut + j];
                        for (int k = 0; k < nIn; k++) {
                            g[wOff[l] + j * nIn + k] += d * inputs[l][r * nIn + k];
                        }
                        g[bOff[l] + j] += d;
                    }
                }
                if (l == 0) {
                    break;
                }
                double[] next = new double[rows * nIn];
                for (int r = 0; r < rows; r++) {
                    for (int j = 0; j < nOut; j++) {
                        double d = delta[r * nOut + j];
                        for (int k = 0; k < nIn; k++) {
                            next[r * nIn + k] += d * params[wOff[l] + j * nIn + k];
                        }
                    }
                }
                for (int i = 0; i < next.length; i++) {
                    double dy = p > 0 && mask[l - 1][i] != 1.0 ? next[i] * mask[l - 1][i] : next[i];
                    next[i] = act.backward(dy, z[l - 1][i], a[l - 1][i]);
                }
                delta = next;
            }
            return g;
        }
    }
}
