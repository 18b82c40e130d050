package fitlab.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.UserError;
import fitlab.pth.Tensor;
import fitlab.random.Rng;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Specs round-trip through model_spec dicts; models name, initialise, load and run as torch.nn would. */
class ModelTest {

    @Test
    void specsRoundTripThroughTheirMaps() {
        var mlp = new MlpSpec(1, List.of(64, 64), 1, Activation.TANH, 0.0);
        assertEquals(Map.of("kind", "mlp", "layers", List.of(1L, 64L, 64L, 1L), "activation", "tanh", "dropout", 0.0), mlp.toMap());
        assertEquals(mlp, ModelSpec.fromMap(mlp.toMap()));
        var poly = new PolynomialSpec(4, Basis.LEGENDRE, true, 0.0, 1.0);
        assertEquals(List.of("kind", "degree", "basis", "scale_input", "x_min", "x_max"), List.copyOf(poly.toMap().keySet()));
        assertEquals(poly, ModelSpec.fromMap(poly.toMap()));
    }

    @Test
    void badSpecMapsNameTheKey() {
        Map<String, Object> m = new LinkedHashMap<>(new MlpSpec(1, List.of(4), 1, Activation.RELU, 0.0).toMap());
        m.put("activation", "swish");
        assertTrue(assertThrows(UserError.class, () -> ModelSpec.fromMap(m)).getMessage().contains("'activation'"));
        m.remove("layers");
        assertTrue(assertThrows(UserError.class, () -> ModelSpec.fromMap(m)).getMessage().contains("'layers'"));
        Map<String, Object> p = new LinkedHashMap<>(new PolynomialSpec(3, Basis.MONOMIAL, false, 0, 0).toMap());
        p.put("degree", "three");
        assertTrue(assertThrows(UserError.class, () -> ModelSpec.fromMap(p)).getMessage().contains("'degree'"));
        assertTrue(assertThrows(UserError.class, () -> ModelSpec.fromMap(Map.of("kind", "tree"))).getMessage().contains("'kind'"));
    }

    @Test
    void mlpIsNamedAsNnSequentialWithDropoutTakingIndices() {
        Mlp plain = (Mlp) Models.create(new MlpSpec(1, List.of(16, 16), 1, Activation.TANH, 0.0), Rng.seeded(1));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias", "4.weight", "4.bias"), List.copyOf(plain.stateDict().keySet()));
        assertArrayEquals(new long[] {16, 1}, plain.stateDict().get("0.weight").shape());
        Mlp dropped = (Mlp) Models.create(new MlpSpec(2, List.of(8, 8), 3, Activation.RELU, 0.5), Rng.seeded(1));
        assertEquals(List.of("0.weight", "0.bias", "3.weight", "3.bias", "6.weight", "6.bias"), List.copyOf(dropped.stateDict().keySet()));
        assertEquals(List.of(new Layer.Linear(2, 8), new Layer.Act(Activation.RELU), new Layer.Dropout(0.5),
                new Layer.Linear(8, 8), new Layer.Act(Activation.RELU), new Layer.Dropout(0.5), new Layer.Linear(8, 3)), dropped.layers());
    }

    @Test
    void initialisationIsUniformWithinOneOverSqrtFanIn() {
        Model m = Models.create(new MlpSpec(4, List.of(100), 1, Activation.TANH, 0.0), Rng.seeded(2));
        for (ParameterSlot s : m.parameterSlots()) {
            double bound = 1 / Math.sqrt(s.name().startsWith("0.") ? 4 : 100);
            double max = 0;
            for (int i = s.offset(); i < s.offset() + s.length(); i++) {
                max = Math.max(max, Math.abs(m.parameters()[i]));
            }
            assertTrue(max <= bound && (s.length() < 50 || max > 0.8 * bound), s.name() + " max |w| " + max + " vs bound " + bound);
        }
        assertArrayEquals(Models.create(m.spec(), Rng.seeded(2)).parameters(), m.parameters(), "same stream, same weights");
    }

    @Test
    void stateDictLoadsBackAndRejectsWrongKeysAndShapes() {
        Model a = Models.create(new MlpSpec(1, List.of(4), 1, Activation.GELU, 0.0), Rng.seeded(3));
        Model b = Models.create(a.spec(), Rng.seeded(4));
        b.loadStateDict(a.stateDict());
        assertArrayEquals(a.parameters(), b.parameters());
        var missing = new LinkedHashMap<>(a.stateDict());
        missing.remove("2.bias");
        missing.put("2.bais", Tensor.of(new double[] {0}, 1));
        String msg = assertThrows(UserError.class, () -> b.loadStateDict(missing)).getMessage();
        assertTrue(msg.contains("2.bias") && msg.contains("2.bais"), msg);
        var wrongShape = new LinkedHashMap<>(a.stateDict());
        wrongShape.put("0.weight", Tensor.of(new double[4], 1, 4));
        assertTrue(assertThrows(UserError.class, () -> b.loadStateDict(wrongShape)).getMessage().contains("0.weight"));
    }

    @Test
    void polynomialStateDictHasLinearAndScalingBuffers() {
        var spec = new PolynomialSpec(3, Basis.LEGENDRE, true, -2.0, 6.0);
        Model m = Models.create(spec, Rng.seeded(5));
        var sd = m.stateDict();
        assertEquals(List.of("linear.weight", "linear.bias", "x_min", "x_max"), List.copyOf(sd.keySet()));
        assertArrayEquals(new long[] {1, 3}, sd.get("linear.weight").shape());
        assertArrayEquals(new long[0], sd.get("x_min").shape());
        assertEquals(-2.0, sd.get("x_min").item());
        // ŷ = b + Σ w_k P_k(u), u = 2(x+2)/8 - 1; at x = 6, u = 1 and every P_k(1) = 1
        double[] p = m.parameters();
        assertEquals(p[0] + p[1] + p[2] + p[3], m.predict(new double[] {6.0}, 1)[0], 1e-15);
        // at x = 4, u = 0.5: P1 = 0.5, P2 = (3u²-1)/2 = -0.125, P3 = (5u³-3u)/2 = -0.4375
        assertEquals(p[3] + 0.5 * p[0] - 0.125 * p[1] - 0.4375 * p[2], m.predict(new double[] {4.0}, 1)[0], 1e-15);
        var other = new LinkedHashMap<>(sd);
        other.put("x_max", Tensor.scalar(7.0));
        assertTrue(assertThrows(UserError.class, () -> m.loadStateDict(other)).getMessage().contains("x_max"));
    }

    /**
     * The polynomial remembers the features of recent inputs: the same values give the same bits as a fresh model,
     * and a buffer refilled with other values (a shuffled batch) is never answered from the old features.
     */
    @Test
    void polynomialFeaturesAreReusedOnlyForEqualInputs() {
        var spec = new PolynomialSpec(6, Basis.LEGENDRE, true, 0.0, 1.0);
        Model m = Models.create(spec, Rng.seeded(9));
        double[] batch = {0.1, 0.2, 0.3, 0.4, 0.5};
        double[] first = m.forward(batch, 5, false, null).clone();
        double[][] splits = new double[6][];
        for (int i = 0; i < splits.length; i++) {
            splits[i] = new double[] {0.05 * i, 0.7, 0.9 - 0.1 * i};
            m.forward(splits[i], 3, false, null); // more inputs than the cache holds
        }
        assertArrayEquals(first, m.forward(batch, 5, false, null), "same values, same outputs");
        batch[2] = 0.35; // the same array, refilled
        Model fresh = Models.create(spec, Rng.seeded(9));
        assertArrayEquals(fresh.forward(batch, 5, false, null), m.forward(batch, 5, false, null).clone(),
                "a refilled buffer is computed afresh");
        assertArrayEquals(fresh.forward(batch, 3, false, null), m.forward(batch, 3, false, null), "fewer rows of it too");
        // the backward pass uses the features of the last forward
        m.forward(splits[0], 3, false, null);
        m.backward(new double[] {1, 1, 1}, 3);
        fresh.forward(splits[0], 3, false, null);
        fresh.backward(new double[] {1, 1, 1}, 3);
        assertArrayEquals(fresh.gradients(), m.gradients());
    }

    @Test
    void dropoutZeroesOrScalesLikeTorchAndOnlyInTrainMode() {
        var spec = new MlpSpec(1, List.of(2000), 1, Activation.RELU, 0.25);
        Mlp m = (Mlp) Models.create(spec, Rng.seeded(6));
        double[] p = m.parameters();
        // last layer: weight 1 on every hidden unit, bias 0, so the output sums the hidden layer
        ParameterSlot w2 = m.parameterSlots().get(2);
        for (int i = 0; i < w2.length(); i++) {
            p[w2.offset() + i] = 1.0;
        }
        p[m.parameterSlots().get(3).offset()] = 0.0;
        double eval = m.forward(new double[] {1.0}, 1, false, null)[0];
        assertEquals(eval, m.forward(new double[] {1.0}, 1, false, null)[0], "eval mode is deterministic");
        double train = m.forward(new double[] {1.0}, 1, true, Rng.seeded(7))[0];
        assertTrue(Math.abs(train - eval) > 0, "train mode drops units");
        assertTrue(Math.abs(train / eval - 1) < 0.1, "inverted dropout keeps the expected sum: " + train + " vs " + eval);
        assertEquals(train, m.forward(new double[] {1.0}, 1, true, Rng.seeded(7))[0], "same stream, same mask");
    }
}
