package fitlab.model;

/**
 * Where one named parameter tensor (e.g. {@code 0.weight} of shape [16, 1]) lives in a model's flat
 * parameter vector: elements {@code [offset, offset + length)} in row-major order.
 */
public record ParameterSlot(String name, long[] shape, int offset, int length) {
    public ParameterSlot {
        shape = shape.clone();
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }
}
