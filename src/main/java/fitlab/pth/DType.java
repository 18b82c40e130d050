package fitlab.pth;

import java.util.Optional;

/** Tensor element types, named as PyTorch names them, with the legacy storage class pickled for each. */
public enum DType {
    FLOAT64("float64", "DoubleStorage", 8),
    FLOAT32("float32", "FloatStorage", 4),
    FLOAT16("float16", "HalfStorage", 2),
    BFLOAT16("bfloat16", "BFloat16Storage", 2),
    INT64("int64", "LongStorage", 8),
    INT32("int32", "IntStorage", 4),
    INT16("int16", "ShortStorage", 2),
    INT8("int8", "CharStorage", 1),
    UINT8("uint8", "ByteStorage", 1),
    BOOL("bool", "BoolStorage", 1);

    private final String torchName;
    private final String storageClass;
    private final int elementSize;

    DType(String torchName, String storageClass, int elementSize) {
        this.torchName = torchName;
        this.storageClass = storageClass;
        this.elementSize = elementSize;
    }

    /** PyTorch's name, e.g. {@code float32} (as in {@code torch.float32}). */
    public String torchName() {
        return torchName;
    }

    /** The legacy storage class in module {@code torch}, e.g. {@code FloatStorage}. */
    public String storageClass() {
        return storageClass;
    }

    public int elementSize() {
        return elementSize;
    }

    public boolean isFloatingPoint() {
        return this == FLOAT64 || this == FLOAT32 || this == FLOAT16 || this == BFLOAT16;
    }

    /** The dtypes fitlab reads, for messages: {@code float64, float32, ...}. */
    static String supportedNames() {
        StringBuilder b = new StringBuilder();
        for (DType d : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(d.torchName());
        }
        return b.toString();
    }

    public static Optional<DType> fromStorageClass(String name) {
        for (DType d : values()) {
            if (d.storageClass.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    public static Optional<DType> fromTorchName(String name) {
        for (DType d : values()) {
            if (d.torchName.equals(name)) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }
}
