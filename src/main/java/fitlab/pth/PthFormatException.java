package fitlab.pth;

/**
 * A {@code .pth} file (or value to write) that this package cannot accept. The message is one line naming
 * the file, the entry and byte offset where it applies, and what was expected.
 */
public class PthFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PthFormatException(String message) {
        super(message);
    }

    public PthFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
