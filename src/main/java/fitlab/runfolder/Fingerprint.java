package fitlab.runfolder;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fitlab.UserError;
import fitlab.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code fingerprint.json}: the SHA-256 of the run's resolved {@code experiment.yaml} and of every data file, recorded
 * once the data is written and before any cell starts. {@code run --resume} checks it first, so a damaged or edited
 * config (a file cut in half still parses, as a different experiment) or replaced data is refused instead of being
 * continued as if it were the run that was started.
 */
public final class Fingerprint {
    public static final String FILE = "fingerprint.json";
    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Fingerprint() {}

    static Path file(RunFolder run) {
        return run.root().resolve(FILE);
    }

    /** Hashes experiment.yaml and data/** as they are now and records them. */
    public static void record(RunFolder run) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("format", FORMAT);
        out.put("sha256", hashes(run));
        try {
            AtomicFiles.write(file(run), JSON.writeValueAsString(out) + "\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + FILE, e);
        }
    }

    /** Whether the run recorded its inputs (it did unless it was cut off before its first cell started). */
    public static boolean exists(RunFolder run) {
        return Files.isRegularFile(file(run));
    }

    /**
     * Fails with one line naming the first file that differs from what was recorded, or is missing or extra.
     *
     * @throws UserError when the fingerprint is unreadable or does not match
     */
    public static void verify(RunFolder run) {
        Map<String, String> recorded;
        try {
            Map<String, Object> in = JSON.readValue(file(run).toFile(), new TypeReference<Map<String, Object>>() {});
            if (!Integer.valueOf(FORMAT).equals(in.get("format")) || !(in.get("sha256") instanceof Map<?, ?> m)) {
                throw new UserError(file(run) + ": not a fitlab fingerprint (format " + in.get("format") + ")");
            }
            recorded = new LinkedHashMap<>();
            m.forEach((k, v) -> recorded.put(String.valueOf(k), String.valueOf(v)));
        } catch (IOException e) {
            throw new UserError(file(run) + ": damaged (" + e.getMessage().lines().findFirst().orElse("unreadable")
                    + "); this run cannot be shown to be the one that was started, so it is not resumed; start a new run");
        }
        Map<String, String> now = hashes(run);
        for (var e : recorded.entrySet()) {
            String actual = now.get(e.getKey());
            if (actual == null) {
                throw changed(run, e.getKey(), "is missing");
            }
            if (!actual.equals(e.getValue())) {
                throw changed(run, e.getKey(), "has changed since the run started (its SHA-256 differs from " + FILE + ")");
            }
        }
        for (String name : now.keySet()) {
            if (!recorded.containsKey(name)) {
                throw changed(run, name, "was not there when the run started (not in " + FILE + ")");
            }
        }
    }

    private static UserError changed(RunFolder run, String name, String problem) {
        return new UserError(run.root().resolve(name) + ": " + problem + "; run --resume only continues the experiment "
                + "that was started: restore the file, or start a new run with fitlab run");
    }

    private static Map<String, String> hashes(RunFolder run) {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(RunFolder.EXPERIMENT, sha256(run.experimentYaml()));
        if (Files.isDirectory(run.dataDir())) {
            try (Stream<Path> walk = Files.walk(run.dataDir())) {
                List<Path> files = walk.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
                for (Path p : files) {
                    out.put(run.root().relativize(p).toString().replace('\\', '/'), sha256(p));
                }
            } catch (IOException e) {
                throw new UserError("cannot read " + run.dataDir() + ": " + e.getMessage());
            }
        }
        return out;
    }

    /** The file's SHA-256 in hex (the one digest of a run folder: {@link ConfigHash} writes the same, prefixed). */
    static String sha256(Path file) {
        return ConfigHash.hex(file);
    }
}
