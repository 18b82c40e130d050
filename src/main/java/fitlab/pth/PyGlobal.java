package fitlab.pth;

/**
 * What a pickle's {@code GLOBAL module name} resolved to. Resolution never imports or runs anything: it
 * only matches names against the allowlist ({@link SafeGlobals}).
 */
sealed interface PyGlobal {
    String path();

    /** A function or type the unpickler knows how to apply with {@code REDUCE} or {@code NEWOBJ}. */
    record Known(Function function, String path) implements PyGlobal {}

    /** A storage class such as {@code torch.FloatStorage}; {@code dtype} is null for {@code UntypedStorage}. */
    record StorageClass(DType dtype, String path) implements PyGlobal {}

    /** A dtype object such as {@code torch.float32} (argument of {@code _rebuild_tensor_v3}). */
    record DTypeObject(DType dtype, String path) implements PyGlobal {}

    /** A class the caller allowed (e.g. {@code torch.nn.modules.linear.Linear}); becomes an inert {@link PyObject}. */
    record AllowedClass(String module, String name) implements PyGlobal {
        @Override
        public String path() {
            return module + "." + name;
        }
    }

    enum Function {
        ORDERED_DICT, REBUILD_TENSOR, REBUILD_TENSOR_V2, REBUILD_TENSOR_V3, REBUILD_PARAMETER,
        REBUILD_PARAMETER_WITH_STATE, PARAMETER, TORCH_SIZE, CODECS_ENCODE, SET, FROZENSET, BYTEARRAY
    }
}
