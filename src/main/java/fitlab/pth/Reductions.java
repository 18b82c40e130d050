package fitlab.pth;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code REDUCE} and {@code NEWOBJ} do for the allowlisted functions: rebuild tensors and parameters
 * (checking offset, shape and stride against the storage, so no hostile shape allocates anything), build
 * OrderedDicts, sets and bytes. Arguments are checked; a mismatch is a one-line {@link PthFormatException}.
 */
final class Reductions {
    /** Thrown with a message only; the unpickler adds file, entry and offset. */
    static final class BadArguments extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BadArguments(String message) {
            super(message, null, false, false);
        }
    }

    private final Map<Storage, Map<DType, Storage>> reinterpreted = new IdentityHashMap<>();

    Object reduce(PyGlobal.Known f, PyTuple args) {
        List<Object> a = args.items();
        return switch (f.function()) {
            case ORDERED_DICT -> orderedDict(a);
            case REBUILD_TENSOR -> {
                arity(f, a, 4, 4);
                yield tensor(storage(a.get(0)), a.get(1), a.get(2), a.get(3), false);
            }
            case REBUILD_TENSOR_V2 -> {
                arity(f, a, 6, 7);
                checkMetadata(a);
                yield tensor(storage(a.get(0)), a.get(1), a.get(2), a.get(3), bool(a.get(4), "requires_grad"));
            }
            case REBUILD_TENSOR_V3 -> {
                arity(f, a, 7, 8);
                if (!(a.get(6) instanceof PyGlobal.DTypeObject d)) {
                    throw new BadArguments("_rebuild_tensor_v3 expects a torch dtype as 7th argument");
                }
                if (a.size() == 8 && a.get(7) instanceof Map<?, ?> m && !m.isEmpty()) {
                    throw new BadArguments("tensor metadata (conj/neg bits) is not supported");
                }
                yield tensor(reinterpret(storage(a.get(0)), d.dtype()), a.get(1), a.get(2), a.get(3), bool(a.get(4), "requires_grad"));
            }
            case REBUILD_PARAMETER, PARAMETER -> {
                arity(f, a, f.function() == PyGlobal.Function.PARAMETER ? 1 : 3, 3);
                boolean requiresGrad = a.size() < 2 || bool(a.get(1), "requires_grad");
                yield tensorArg(a.get(0)).asParameter(requiresGrad);
            }
            case REBUILD_PARAMETER_WITH_STATE -> {
                arity(f, a, 4, 4);
                if (a.get(3) instanceof Map<?, ?> m && !m.isEmpty()) {
                    throw new BadArguments("parameters with Python attributes (_rebuild_parameter_with_state) are not supported");
                }
                yield tensorArg(a.get(0)).asParameter(bool(a.get(1), "requires_grad"));
            }
            case TORCH_SIZE -> {
                arity(f, a, 0, 1);
                yield a.isEmpty() ? PyTuple.of() : new PyTuple(sequence(a.get(0)));
            }
            case CODECS_ENCODE -> {
                arity(f, a, 1, 2);
                if (!(a.get(0) instanceof String s) || (a.size() == 2 && !"latin1".equals(a.get(1)) && !"latin-1".equals(a.get(1)))) {
                    throw new BadArguments("_codecs.encode expects (str, 'latin1')");
                }
                if (s.chars().anyMatch(c -> c > 0xff)) {
                    throw new BadArguments("_codecs.encode: string is not latin-1");
                }
                yield s.getBytes(StandardCharsets.ISO_8859_1);
            }
            case SET, FROZENSET -> {
                arity(f, a, 0, 1);
                Set<Object> set = new LinkedHashSet<>();
                if (!a.isEmpty()) {
                    for (Object item : sequence(a.get(0))) {
                        set.add(Unpickler.hashable(item));
                    }
                }
                yield f.function() == PyGlobal.Function.SET ? set : Collections.unmodifiableSet(set);
            }
            case BYTEARRAY -> {
                arity(f, a, 0, 1);
                yield a.isEmpty() ? new byte[0] : bytesArg(a.get(0));
            }
        };
    }

    private static void arity(PyGlobal.Known f, List<Object> a, int min, int max) {
        if (a.size() < min || a.size() > max) {
            throw new BadArguments(f.path() + " expects " + (min == max ? "" + min : min + " to " + max) + " arguments, got " + a.size());
        }
    }

    private static void checkMetadata(List<Object> a) {
        if (a.size() == 7 && a.get(6) instanceof Map<?, ?> m && !m.isEmpty()) {
            throw new BadArguments("tensor metadata (conj/neg bits) is not supported");
        }
    }

    private static Object orderedDict(List<Object> a) {
        OrderedDict od = new OrderedDict();
        if (a.size() > 1) {
            throw new BadArguments("collections.OrderedDict expects at most 1 argument");
        }
        if (a.size() == 1) {
            for (Object pair : sequence(a.get(0))) {
                List<Object> kv = sequence(pair);
                if (kv.size() != 2) {
                    throw new BadArguments("OrderedDict items must be pairs");
                }
                od.put(Unpickler.hashable(kv.get(0)), kv.get(1));
            }
        }
        return od;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> sequence(Object o) {
        if (o instanceof PyTuple t) {
            return t.items();
        }
        if (o instanceof List<?> l) {
            return (List<Object>) l;
        }
        throw new BadArguments("expected a tuple or list, got " + Unpickler.typeName(o));
    }

    private static byte[] bytesArg(Object o) {
        if (o instanceof byte[] b) {
            return b.clone();
        }
        throw new BadArguments("expected bytes, got " + Unpickler.typeName(o));
    }

    private static boolean bool(Object o, String what) {
        if (o instanceof Boolean b) {
            return b;
        }
        throw new BadArguments(what + " must be a bool, got " + Unpickler.typeName(o));
    }

    private static Tensor tensorArg(Object o) {
        if (o instanceof Tensor t) {
            return t;
        }
        throw new BadArguments("expected a tensor, got " + Unpickler.typeName(o));
    }

    private static Storage storage(Object o) {
        if (o instanceof Storage s) {
            return s;
        }
        throw new BadArguments("expected a storage (persistent id), got " + Unpickler.typeName(o));
    }

    private Storage reinterpret(Storage untyped, DType dtype) {
        if (untyped.dtype() == dtype) {
            return untyped;
        }
        var byType = reinterpreted.computeIfAbsent(untyped, s -> new java.util.EnumMap<>(DType.class));
        Storage typed = byType.get(dtype);
        if (typed == null) {
            if (untyped.bytes().length % dtype.elementSize() != 0) {
                throw new BadArguments(untyped.bytes().length + " storage bytes are not a whole number of " + dtype.torchName());
            }
            typed = new Storage(dtype, untyped.bytes());
            byType.put(dtype, typed);
        }
        return typed;
    }

    private static long nonNegative(Object o, String what) {
        if (o instanceof Long l && l >= 0) {
            return l;
        }
        if (o instanceof BigInteger) {
            throw new BadArguments(what + " is out of range");
        }
        throw new BadArguments(what + " must be a non-negative int, got " + (o instanceof Long ? o : Unpickler.typeName(o)));
    }

    private static long[] dims(Object o, String what) {
        List<Object> items = sequence(o);
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = nonNegative(items.get(i), what + "[" + i + "]");
        }
        return out;
    }

    /** Checks that every element the view can reach lies inside the storage, then builds the tensor. */
    static Tensor tensor(Storage storage, Object offsetArg, Object sizeArg, Object strideArg, boolean requiresGrad) {
        long offset = nonNegative(offsetArg, "storage_offset");
        long[] size = dims(sizeArg, "size");
        long[] stride = dims(strideArg, "stride");
        if (size.length != stride.length) {
            throw new BadArguments("size has " + size.length + " dimensions but stride has " + stride.length);
        }
        try {
            long numel = 1;
            long last = offset;
            for (int d = 0; d < size.length; d++) {
                numel = Math.multiplyExact(numel, size[d]);
                if (size[d] > 0) {
                    last = Math.addExact(last, Math.multiplyExact(size[d] - 1, stride[d]));
                }
            }
            if (numel > Integer.MAX_VALUE) {
                throw new BadArguments("tensor of " + numel + " elements is too large (at most 2^31-1)");
            }
            if (numel > 0 ? last >= storage.numel() : offset > storage.numel()) {
                throw new BadArguments("tensor view (offset " + offset + ", size " + java.util.Arrays.toString(size) + ", stride "
                        + java.util.Arrays.toString(stride) + ") reaches element " + last + " of a storage of " + storage.numel());
            }
        } catch (ArithmeticException e) {
            throw new BadArguments("tensor size and stride overflow 64 bits");
        }
        return new Tensor(storage, offset, size, stride, requiresGrad);
    }
}
