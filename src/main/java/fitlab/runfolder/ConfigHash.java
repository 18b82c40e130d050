package fitlab.runfolder;

import fitlab.UserError;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of a run's resolved {@code experiment.yaml}: two runs with the same hash trained the same cells. */
public final class ConfigHash {
    private ConfigHash() {}

    public static String of(Path experimentYaml) {
        return "sha256:" + hex(experimentYaml);
    }

    public static String of(byte[] bytes) {
        return "sha256:" + hex(bytes);
    }

    /** SHA-256 of a file's bytes, in lower-case hex. */
    static String hex(Path file) {
        try {
            return hex(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
    }

    private static String hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
