package fitlab.experiment;

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
        try {
            return of(Files.readAllBytes(experimentYaml));
        } catch (IOException e) {
            throw new UserError("cannot read " + experimentYaml + ": " + e.getMessage());
        }
    }

    public static String of(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
