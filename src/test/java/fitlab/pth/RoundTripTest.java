package fitlab.pth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Property: any value of the value model survives write then read unchanged (seeded random values). */
class RoundTripTest {
    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void writeThenReadGivesTheSameValue(long seed) {
        Object value = new Generator(new SplittableRandom(seed)).value(0);
        byte[] bytes = PthWriter.toBytes(value, "archive");
        Object back = PthBytes.read(bytes, "seed-" + seed + ".pth");
        assertEquals(Describe.of(value), Describe.of(back));
    }

    @Test
    void sharedStorageStaysSharedAndParametersStayParameters() {
        Tensor base = Tensor.of(new double[] {1, 2, 3, 4}, 2, 2);
        Tensor t = new Tensor(base.storage(), 0, new long[] {2, 2}, new long[] {1, 2}, false);
        List<Object> back = castList(PthBytes.read(PthWriter.toBytes(new ArrayList<>(List.of(base.asParameter(), t)), "x"), "x.pth"));
        Tensor p = (Tensor) back.get(0);
        assertSame(p.storage(), ((Tensor) back.get(1)).storage());
        assertEquals(true, p.isParameter() && p.requiresGrad());
    }

    @SuppressWarnings("unchecked")
    private static List<Object> castList(Object o) {
        return (List<Object>) o;
    }

    /** Random nested values: containers up to depth 4, every scalar kind, tensors of every dtype and views. */
    static final class Generator {
        private final SplittableRandom r;
        private final List<Storage> storages = new ArrayList<>();

        Generator(SplittableRandom r) {
            this.r = r;
        }

        Object value(int depth) {
            int kind = r.nextInt(depth >= 4 ? 8 : 14);
            return switch (kind) {
                case 0 -> null;
                case 1 -> r.nextBoolean();
                case 2 -> (long) r.nextInt(-300, 70_000);
                case 3 -> r.nextLong();
                case 4 -> new BigInteger(r.nextInt(64, 300), new java.util.Random(r.nextLong())).negate();
                case 5 -> pickDouble();
                case 6 -> string();
                case 7 -> tensor();
                case 8 -> list(depth);
                case 9 -> new PyTuple(list(depth));
                case 10, 11 -> map(depth, kind == 11);
                case 12 -> {
                    var set = new LinkedHashSet<Object>();
                    for (int i = r.nextInt(4); i > 0; i--) {
                        set.add(r.nextBoolean() ? string() : (Object) (long) r.nextInt(1000));
                    }
                    yield set;
                }
                default -> tensor();
            };
        }

        private double pickDouble() {
            double[] special = {0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 1e-300};
            return r.nextInt(4) == 0 ? special[r.nextInt(special.length)] : r.nextDouble(-1e6, 1e6);
        }

        private String string() {
            String[] pieces = {"a", "weight", "überfit", "数据", "🙂", "", " ", "\n", "0.bias", "x\u0000y"};
            StringBuilder sb = new StringBuilder();
            for (int i = r.nextInt(4); i > 0; i--) {
                sb.append(pieces[r.nextInt(pieces.length)]);
            }
            return sb.toString();
        }

        private List<Object> list(int depth) {
            List<Object> l = new ArrayList<>();
            for (int i = r.nextInt(6); i > 0; i--) {
                l.add(value(depth + 1));
            }
            return l;
        }

        private Map<Object, Object> map(int depth, boolean ordered) {
            Map<Object, Object> m = ordered ? new OrderedDict() : new LinkedHashMap<>();
            for (int i = r.nextInt(6); i > 0; i--) {
                m.put(r.nextBoolean() ? string() : (Object) (long) r.nextInt(-5, 5000), value(depth + 1));
            }
            if (ordered && r.nextBoolean()) {
                Map<String, Object> names = new LinkedHashMap<>();
                m.keySet().forEach(k -> names.put(String.valueOf(k), null));
                ((OrderedDict) m).setMetadata(OrderedDict.stateDict(names).metadata());
            }
            return m;
        }

        private Tensor tensor() {
            if (!storages.isEmpty() && r.nextInt(3) == 0) {
                Storage s = storages.get(r.nextInt(storages.size()));
                long n = s.numel();
                if (n > 0) {
                    long off = r.nextLong(n);
                    long len = 1 + r.nextLong(n - off);
                    return new Tensor(s, off, new long[] {len}, new long[] {1}, r.nextBoolean());
                }
            }
            DType d = DType.values()[r.nextInt(DType.values().length)];
            int rank = r.nextInt(4);
            long[] shape = new long[rank];
            int n = 1;
            for (int i = 0; i < rank; i++) {
                shape[i] = r.nextInt(r.nextInt(8) == 0 ? 1 : 5); // sometimes empty
                n *= shape[i];
            }
            byte[] bytes = new byte[n * d.elementSize()];
            r.nextBytes(bytes);
            if (d == DType.BOOL) {
                for (int i = 0; i < bytes.length; i++) {
                    bytes[i] &= 1;
                }
            }
            Storage s = new Storage(d, bytes);
            storages.add(s);
            Tensor t = Tensor.contiguous(s, shape);
            if (rank == 2 && r.nextBoolean()) { // a transposed view
                t = new Tensor(s, 0, new long[] {shape[1], shape[0]}, new long[] {1, Math.max(shape[1], 1)}, false);
            }
            return r.nextInt(5) == 0 ? t.asParameter() : t;
        }
    }
}
