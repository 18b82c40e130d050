package fitlab.pth;

import java.util.function.Predicate;

/**
 * How permissive the reader is. By default it accepts what {@code torch.load(weights_only=True)} accepts;
 * {@code allowedClasses} (tested with {@code module.name}) additionally admits classes pickled with
 * {@code NEWOBJ}/{@code BUILD} (whole {@code nn.Module}s), which become inert {@link PyObject}s.
 * {@code maxInflatedBytes} bounds any compressed record (PyTorch never compresses; others might).
 */
public record ReadOptions(Predicate<String> allowedClasses, long maxInflatedBytes) {
    private static final long DEFAULT_MAX_INFLATED = 1L << 30;

    /** Only the {@code weights_only=True} allowlist. */
    public static ReadOptions weightsOnly() {
        return new ReadOptions(name -> false, DEFAULT_MAX_INFLATED);
    }

    public static ReadOptions allowing(Predicate<String> allowedClasses) {
        return new ReadOptions(allowedClasses, DEFAULT_MAX_INFLATED);
    }
}
