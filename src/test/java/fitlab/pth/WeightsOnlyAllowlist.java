package fitlab.pth;

import static fitlab.pth.Opcodes.*;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A static check of a pickle against {@code torch.load(weights_only=True)}: every opcode must be in the
 * restricted unpickler's set and every global in its default allowlist (PyTorch 2.6+, with the
 * {@code __builtin__} to {@code builtins} mapping). Also says whether PyTorch 1.13's older, stricter
 * unpickler accepts it (no {@code BINFLOAT}; no {@code set} or {@code _codecs.encode}).
 */
public final class WeightsOnlyAllowlist {
    /** What the scan found; {@code violations} empty means 2.6+ {@code weights_only=True} loads it. */
    public record Report(SortedSet<String> opcodes, SortedSet<String> globals, List<String> violations, boolean loadableIn113) {
        public boolean allowed() {
            return violations.isEmpty();
        }
    }

    private static final Set<Integer> OPCODES = Set.of(PROTO, STOP, MARK, GLOBAL, REDUCE, NEWOBJ, BUILD, BINPERSID, BININT,
            BININT1, BININT2, LONG1, BINFLOAT, BINUNICODE, SHORT_BINSTRING, NONE, NEWTRUE, NEWFALSE, EMPTY_TUPLE, TUPLE, TUPLE1,
            TUPLE2, TUPLE3, EMPTY_LIST, APPEND, APPENDS, EMPTY_DICT, SETITEM, SETITEMS, EMPTY_SET, BINGET, LONG_BINGET, BINPUT,
            LONG_BINPUT);

    private static final Set<String> GLOBALS = Set.of("collections.OrderedDict", "collections.Counter",
            "torch.nn.parameter.Parameter", "torch.serialization._get_layout", "torch.Size", "torch.Tensor", "torch.device",
            "_codecs.encode", "builtins.bytearray", "builtins.set", "builtins.complex", "torch.storage.TypedStorage",
            "torch.storage.UntypedStorage", "torch._tensor._rebuild_from_type_v2", "torch.per_tensor_affine",
            "torch.per_tensor_symmetric", "torch.per_channel_affine", "torch.per_channel_symmetric",
            "torch.per_channel_affine_float_qparams", "torch._utils._rebuild_parameter", "torch._utils._rebuild_parameter_with_state",
            "torch._utils._rebuild_qtensor", "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2",
            "torch._utils._rebuild_tensor_v3", "torch._utils._rebuild_sparse_tensor", "torch._utils._rebuild_meta_tensor_no_storage",
            "torch._utils._rebuild_wrapper_subclass", "torch._utils._rebuild_device_tensor_from_numpy",
            "torch._utils._rebuild_device_tensor_from_cpu_tensor");

    private static final Set<String> GLOBALS_113 = Set.of("collections.OrderedDict", "torch.nn.parameter.Parameter",
            "torch.serialization._get_layout", "torch.Size", "torch.Tensor", "torch._utils._rebuild_parameter",
            "torch._utils._rebuild_tensor", "torch._utils._rebuild_tensor_v2", "torch._utils._rebuild_sparse_tensor",
            "torch._utils._rebuild_meta_tensor_no_storage", "torch._utils._rebuild_sparse_csr_tensor");

    private static final Set<String> TENSOR_TYPES = Set.of("Double", "Float", "Half", "BFloat16", "Long", "Int", "Short", "Char",
            "Byte", "Bool", "ComplexDouble", "ComplexFloat", "QInt8", "QUInt8", "QInt32", "QUInt4x2", "QUInt2x4");

    private WeightsOnlyAllowlist() {}

    /** Scans {@code data.pkl} of a fitlab- or torch-written zip {@code .pth}. */
    public static Report checkFile(byte[] pthBytes) {
        return check(PthBytes.dataPkl(pthBytes));
    }

    /** Scans a pickle. Malformed pickles are reported as a violation, not an exception. */
    public static Report check(byte[] pickle) {
        SortedSet<String> opcodes = new TreeSet<>();
        SortedSet<String> globals = new TreeSet<>();
        List<String> violations = new ArrayList<>();
        boolean ok113 = true;
        PickleInput in = new PickleInput(pickle, "pickle");
        try {
            while (in.remaining() > 0) {
                int at = in.position();
                int op = in.u8();
                opcodes.add(Opcodes.name(op));
                if (!OPCODES.contains(op)) {
                    violations.add("opcode " + Opcodes.name(op) + " at byte " + at);
                }
                ok113 &= op != BINFLOAT;
                switch (op) {
                    case PROTO, BININT1, BINGET, BINPUT -> in.u8();
                    case BININT2 -> in.u16();
                    case BININT, LONG_BINGET, LONG_BINPUT -> in.i32();
                    case BINFLOAT -> in.i64();
                    case LONG1, SHORT_BINSTRING, SHORT_BINUNICODE, SHORT_BINBYTES -> in.bytes(in.u8());
                    case LONG4, BINUNICODE, BINSTRING, BINBYTES -> in.bytes(in.u32());
                    case BINUNICODE8, BINBYTES8, BYTEARRAY8, FRAME -> in.bytes(in.i64());
                    case GLOBAL -> {
                        String module = in.line();
                        String name = in.line();
                        String path = (module.equals("__builtin__") ? "builtins" : module) + "." + name;
                        globals.add(path);
                        if (!globalAllowed(path)) {
                            violations.add("global " + path + " at byte " + at);
                        }
                        ok113 &= GLOBALS_113.contains(path) || storageOrTensorClass(path) || dtype113(path);
                    }
                    default -> { }
                }
                if (op == STOP) {
                    break;
                }
            }
        } catch (PthFormatException e) {
            violations.add("malformed pickle: " + e.getMessage());
        }
        return new Report(opcodes, globals, List.copyOf(violations), ok113 && violations.isEmpty());
    }

    private static boolean globalAllowed(String path) {
        if (GLOBALS.contains(path) || storageOrTensorClass(path)) {
            return true;
        }
        return path.startsWith("torch.") && DType.fromTorchName(path.substring(6)).isPresent();
    }

    private static boolean dtype113(String path) {
        return Set.of("torch.float16", "torch.float32", "torch.float64", "torch.int8", "torch.int16", "torch.int32", "torch.int64")
                .contains(path);
    }

    private static boolean storageOrTensorClass(String path) {
        if (!path.startsWith("torch.") || path.indexOf('.', 6) >= 0) {
            return false;
        }
        String name = path.substring(6);
        for (String kind : List.of("Storage", "Tensor")) {
            if (name.endsWith(kind) && TENSOR_TYPES.contains(name.substring(0, name.length() - kind.length()))) {
                return true;
            }
        }
        return false;
    }
}
