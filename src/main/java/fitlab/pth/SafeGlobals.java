package fitlab.pth;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The reader's allowlist: what {@code torch.load(weights_only=True)} accepts that this package models, plus
 * the classes a caller explicitly allows. Python 2 names are mapped first ({@code __builtin__} is
 * {@code builtins}). Modules that can reach the operating system are refused even if a caller allows them.
 */
final class SafeGlobals {
    private static final Set<String> NEVER = Set.of("os", "posix", "nt", "sys", "subprocess", "builtins", "shutil",
            "socket", "importlib", "runpy", "pickle", "marshal", "ctypes", "code", "pty", "webbrowser", "io");

    private static final Map<String, PyGlobal.Function> FUNCTIONS = Map.ofEntries(
            Map.entry("collections.OrderedDict", PyGlobal.Function.ORDERED_DICT),
            Map.entry("torch._utils._rebuild_tensor", PyGlobal.Function.REBUILD_TENSOR),
            Map.entry("torch._utils._rebuild_tensor_v2", PyGlobal.Function.REBUILD_TENSOR_V2),
            Map.entry("torch._utils._rebuild_tensor_v3", PyGlobal.Function.REBUILD_TENSOR_V3),
            Map.entry("torch._utils._rebuild_parameter", PyGlobal.Function.REBUILD_PARAMETER),
            Map.entry("torch._utils._rebuild_parameter_with_state", PyGlobal.Function.REBUILD_PARAMETER_WITH_STATE),
            Map.entry("torch.nn.parameter.Parameter", PyGlobal.Function.PARAMETER),
            Map.entry("torch.Size", PyGlobal.Function.TORCH_SIZE),
            Map.entry("_codecs.encode", PyGlobal.Function.CODECS_ENCODE),
            Map.entry("builtins.set", PyGlobal.Function.SET),
            Map.entry("builtins.frozenset", PyGlobal.Function.FROZENSET),
            Map.entry("builtins.bytearray", PyGlobal.Function.BYTEARRAY));

    private final Predicate<String> allowedClasses;

    SafeGlobals(Predicate<String> allowedClasses) {
        this.allowedClasses = allowedClasses;
    }

    /** PyTorch's storage classes and dtypes that fitlab has no {@link DType} for, with the dtype's name. */
    private static final Map<String, String> UNSUPPORTED = Map.ofEntries(
            Map.entry("ComplexDoubleStorage", "complex128"), Map.entry("ComplexFloatStorage", "complex64"),
            Map.entry("ComplexHalfStorage", "complex32"), Map.entry("QInt8Storage", "qint8"),
            Map.entry("QUInt8Storage", "quint8"), Map.entry("QInt32Storage", "qint32"),
            Map.entry("QUInt4x2Storage", "quint4x2"), Map.entry("QUInt2x4Storage", "quint2x4"),
            Map.entry("complex128", "complex128"), Map.entry("complex64", "complex64"), Map.entry("complex32", "complex32"),
            Map.entry("cdouble", "complex128"), Map.entry("cfloat", "complex64"), Map.entry("chalf", "complex32"),
            Map.entry("qint8", "qint8"), Map.entry("quint8", "quint8"), Map.entry("qint32", "qint32"),
            Map.entry("quint4x2", "quint4x2"), Map.entry("quint2x4", "quint2x4"));

    /**
     * The dtype a {@code torch} global names when it is a real PyTorch storage class or dtype that fitlab cannot
     * read (complex, quantised), so the error says "unsupported dtype" rather than that the file is malformed.
     */
    static Optional<String> unsupportedDtype(String module, String name) {
        if (!module.equals("torch") && !module.equals("torch.storage")) {
            return Optional.empty();
        }
        return Optional.ofNullable(UNSUPPORTED.get(name));
    }

    /** The global, or empty when it is not allowed. */
    Optional<PyGlobal> resolve(String module, String name) {
        String mod = module.equals("__builtin__") ? "builtins" : module;
        String path = mod + "." + name;
        PyGlobal.Function f = FUNCTIONS.get(path);
        if (f != null) {
            return Optional.of(new PyGlobal.Known(f, path));
        }
        if (mod.equals("torch") || mod.equals("torch.storage")) {
            if (name.equals("UntypedStorage")) {
                return Optional.of(new PyGlobal.StorageClass(null, path));
            }
            Optional<DType> storage = DType.fromStorageClass(name);
            if (storage.isPresent()) {
                return Optional.of(new PyGlobal.StorageClass(storage.get(), path));
            }
        }
        if (mod.equals("torch")) {
            Optional<DType> dtype = DType.fromTorchName(name);
            if (dtype.isPresent()) {
                return Optional.of(new PyGlobal.DTypeObject(dtype.get(), path));
            }
        }
        String root = mod.contains(".") ? mod.substring(0, mod.indexOf('.')) : mod;
        if (!NEVER.contains(root) && isIdentifierPath(mod) && isIdentifierPath(name) && allowedClasses.test(path)) {
            return Optional.of(new PyGlobal.AllowedClass(mod, name));
        }
        return Optional.empty();
    }

    private static boolean isIdentifierPath(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (String part : s.split("\\.", -1)) {
            if (part.isEmpty() || !Character.isJavaIdentifierStart(part.charAt(0)) || part.contains("$")) {
                return false;
            }
            for (int i = 1; i < part.length(); i++) {
                if (!Character.isJavaIdentifierPart(part.charAt(i))) {
                    return false;
                }
            }
        }
        return true;
    }
}
