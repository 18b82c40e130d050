package fitlab;

/**
 * A problem with what the user gave fitlab (a config, a CSV or {@code .pth} file, a flag), as opposed to
 * a bug. The CLI prints {@link #getMessage()} as one line on stderr and exits 2, without a stack trace.
 * The message names the file, the field or position, and what was expected.
 */
public class UserError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
