package fitlab.pth;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.Objects;

/**
 * A dense CPU tensor as PyTorch pickles it: a {@link Storage}, an offset into it (in elements), a shape
 * and a stride (in elements). Views (transposes, slices) share their base's storage.
 */
public final class Tensor {
    private final Storage storage;
    private final long storageOffset;
    private final long[] shape;
    private final long[] stride;
    private final boolean requiresGrad;
    private final boolean parameter;

    public Tensor(Storage storage, long storageOffset, long[] shape, long[] stride, boolean requiresGrad) {
        this(storage, storageOffset, shape, stride, requiresGrad, false);
    }

    private Tensor(Storage storage, long storageOffset, long[] shape, long[] stride, boolean requiresGrad, boolean parameter) {
        this.parameter = parameter;
        this.storage = Objects.requireNonNull(storage);
        this.storageOffset = storageOffset;
        this.shape = shape.clone();
        this.stride = stride.clone();
        this.requiresGrad = requiresGrad;
        if (shape.length != stride.length) {
            throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " and stride " + Arrays.toString(stride) + " differ in rank");
        }
    }

    /** A contiguous float64 tensor holding a copy of {@code values} in row-major order. */
    public static Tensor of(double[] values, long... shape) {
        return ofRange(values, 0, values.length, shape);
    }

    /** A contiguous float64 tensor of {@code values[from .. from + length - 1]}, copied once (no intermediate array). */
    public static Tensor ofRange(double[] values, int from, int length, long... shape) {
        checkCount(length, shape);
        ByteBuffer b = ByteBuffer.allocate(length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asDoubleBuffer().put(values, from, length);
        return contiguous(new Storage(DType.FLOAT64, b.array()), shape);
    }

    /** A contiguous float32 tensor. */
    public static Tensor ofFloats(float[] values, long... shape) {
        checkCount(values.length, shape);
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return contiguous(new Storage(DType.FLOAT32, b.array()), shape);
    }

    /** A contiguous int64 tensor. */
    public static Tensor ofLongs(long[] values, long... shape) {
        checkCount(values.length, shape);
        ByteBuffer b = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        b.asLongBuffer().put(values);
        return contiguous(new Storage(DType.INT64, b.array()), shape);
    }

    /** A 0-dim float64 tensor. */
    public static Tensor scalar(double value) {
        return of(new double[] {value});
    }

    /** A contiguous (row-major) view of a whole storage. */
    public static Tensor contiguous(Storage storage, long... shape) {
        return new Tensor(storage, 0, shape, contiguousStride(shape), false);
    }

    public static long[] contiguousStride(long[] shape) {
        long[] stride = new long[shape.length];
        long s = 1;
        for (int i = shape.length - 1; i >= 0; i--) {
            stride[i] = s;
            s *= Math.max(shape[i], 1);
        }
        return stride;
    }

    public Tensor withRequiresGrad(boolean value) {
        return new Tensor(storage, storageOffset, shape, stride, value, parameter);
    }

    /**
     * This tensor as a {@code torch.nn.Parameter} (same storage, {@code requires_grad=True}), pickled through
     * {@code torch._utils._rebuild_parameter}. The reader returns parameters this way.
     */
    public Tensor asParameter() {
        return new Tensor(storage, storageOffset, shape, stride, true, true);
    }

    /** A parameter with an explicit {@code requires_grad} (PyTorch allows frozen parameters). */
    public Tensor asParameter(boolean requiresGrad) {
        return new Tensor(storage, storageOffset, shape, stride, requiresGrad, true);
    }

    /** The same tensor as a plain tensor (not a parameter), as {@code state_dict()} would hold it. */
    public Tensor asPlainTensor() {
        return new Tensor(storage, storageOffset, shape, stride, parameter ? false : requiresGrad, false);
    }

    /** Whether this was (or is to be written as) a {@code torch.nn.Parameter}. */
    public boolean isParameter() {
        return parameter;
    }

    public Storage storage() {
        return storage;
    }

    public DType dtype() {
        return storage.dtype();
    }

    public long storageOffset() {
        return storageOffset;
    }

    public long[] shape() {
        return shape.clone();
    }

    public long[] stride() {
        return stride.clone();
    }

    public int dim() {
        return shape.length;
    }

    public boolean requiresGrad() {
        return requiresGrad;
    }

    public long numel() {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    /** The elements in row-major order, converted to double. */
    public double[] toDoubleArray() {
        int n = Math.toIntExact(numel());
        double[] out = new double[n];
        ByteBuffer b = ByteBuffer.wrap(storage.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        long[] index = new long[shape.length];
        for (int i = 0; i < n; i++) {
            out[i] = readAsDouble(b, elementOffset(index));
            increment(index);
        }
        return out;
    }

    /** The elements in row-major order as longs (integer and bool dtypes; floats are truncated). */
    public long[] toLongArray() {
        int n = Math.toIntExact(numel());
        long[] out = new long[n];
        ByteBuffer b = ByteBuffer.wrap(storage.bytes()).order(ByteOrder.LITTLE_ENDIAN);
        long[] index = new long[shape.length];
        for (int i = 0; i < n; i++) {
            out[i] = readAsLong(b, elementOffset(index));
            increment(index);
        }
        return out;
    }

    /** The single value of a one-element tensor. */
    public double item() {
        if (numel() != 1) {
            throw new IllegalStateException("item() needs one element, tensor has " + numel());
        }
        return toDoubleArray()[0];
    }

    private long elementOffset(long[] index) {
        long off = storageOffset;
        for (int d = 0; d < index.length; d++) {
            off += index[d] * stride[d];
        }
        return off;
    }

    private void increment(long[] index) {
        for (int d = index.length - 1; d >= 0; d--) {
            if (++index[d] < shape[d]) {
                return;
            }
            index[d] = 0;
        }
    }

    private double readAsDouble(ByteBuffer b, long element) {
        int at = Math.toIntExact(element * dtype().elementSize());
        return switch (dtype()) {
            case FLOAT64 -> b.getDouble(at);
            case FLOAT32 -> b.getFloat(at);
            case FLOAT16 -> HalfFloats.halfToFloat(b.getShort(at));
            case BFLOAT16 -> Float.intBitsToFloat((b.getShort(at) & 0xffff) << 16);
            case INT64 -> b.getLong(at);
            case INT32 -> b.getInt(at);
            case INT16 -> b.getShort(at);
            case INT8 -> b.get(at);
            case UINT8 -> b.get(at) & 0xff;
            case BOOL -> b.get(at) != 0 ? 1 : 0;
        };
    }

    private long readAsLong(ByteBuffer b, long element) {
        int at = Math.toIntExact(element * dtype().elementSize());
        return switch (dtype()) {
            case INT64 -> b.getLong(at);
            case INT32 -> b.getInt(at);
            case INT16 -> b.getShort(at);
            case INT8 -> b.get(at);
            case UINT8 -> b.get(at) & 0xff;
            case BOOL -> b.get(at) != 0 ? 1 : 0;
            default -> (long) readAsDouble(b, element);
        };
    }

    private static void checkCount(int count, long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        if (n != count) {
            throw new IllegalArgumentException(count + " values do not fill shape " + Arrays.toString(shape));
        }
    }

    @Override
    public String toString() {
        return (parameter ? "Parameter(" : "Tensor(") + dtype().torchName() + ", shape=" + Arrays.toString(shape) + ")";
    }
}
