package fitlab.io;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Whether a file or folder name can be created on Windows as well as on Linux and macOS: run folders are copied
 * between a teacher's Linux machine, students' Windows laptops and USB sticks, so every name fitlab writes must
 * survive all three.
 */
public final class PortableNames {
    /** Characters Windows refuses in a name (besides the control characters and the two separators). */
    private static final String RESERVED_CHARACTERS = "<>:\"/\\|?*";
    /** Device names Windows reserves whatever the extension ({@code con.txt} is the console too). */
    private static final Set<String> RESERVED_NAMES = Set.of("CON", "PRN", "AUX", "NUL",
            "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
            "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9");
    /** Windows' limit for one path component. */
    private static final int MAX_LENGTH = 255;

    private PortableNames() {}

    /** Why {@code name} is not a valid Windows file name, or empty when it is. */
    public static Optional<String> problem(String name) {
        if (name.isEmpty() || name.equals(".") || name.equals("..")) {
            return Optional.of("'" + name + "' is not a file name");
        }
        if (name.length() > MAX_LENGTH) {
            return Optional.of("'" + name + "' is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 32 || RESERVED_CHARACTERS.indexOf(c) >= 0) {
                return Optional.of("'" + name + "' contains '" + (c < 32 ? String.format("\\u%04x", (int) c) : String.valueOf(c))
                        + "', which Windows does not allow in file names");
            }
        }
        char last = name.charAt(name.length() - 1);
        if (last == '.' || last == ' ') {
            // Windows silently drops a trailing dot or space, so the file would appear under another name
            return Optional.of("'" + name + "' ends with '" + last + "', which Windows drops");
        }
        int dot = name.indexOf('.');
        String stem = (dot < 0 ? name : name.substring(0, dot)).toUpperCase(Locale.ROOT);
        if (RESERVED_NAMES.contains(stem)) {
            return Optional.of("'" + name + "' is a device name on Windows");
        }
        return Optional.empty();
    }
}
