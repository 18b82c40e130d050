package fitlab.serve;

import fitlab.UserError;
import fitlab.config.Cell;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A run the page asked for, validated exactly as {@code fitlab run} validates it (the same loader with the same
 * {@code --set} overrides and {@code --quick}) and checked against the server's limits, before anything is queued or
 * written to the runs folder.
 *
 * @param lessonId   the bundled lesson, or {@code yaml} for a file sent from the page
 * @param experiment the experiment file the run reads
 * @param sets       the page's settings as {@code key.path=value}
 * @param loaded     the experiment as loaded with those settings: its cells are what will train
 */
record RunOrder(String lessonId, Path experiment, List<String> sets, boolean quick, Experiment loaded) {
    /** What the page sends to start a run. */
    record Body(String lesson, Map<String, String> settings, boolean quick, String yaml) {
        Body {
            settings = settings == null ? Map.of() : new LinkedHashMap<>(settings);
        }
    }

    static final int MAX_YAML_BYTES = 64 * 1024;
    private static final Pattern POSITION = Pattern.compile(":(\\d+):(\\d+)");
    static final String YAML_NAME = "experiment.yaml";

    /**
     * @param uploads a folder of this server's own where YAML sent from the page is kept (named by its content hash)
     * @throws Rejection 400 for an unknown lesson, a bad setting or YAML (with line:column), 422 past a limit
     */
    static RunOrder validate(Body body, Lessons lessons, RunLimits limits, Path uploads) {
        if (body.yaml() != null && !body.yaml().isBlank()) {
            if (!body.settings().isEmpty()) {
                throw new Rejection(400, "yaml", "a YAML experiment from the page carries its own settings; send no settings with it");
            }
            Path file = keep(body.yaml(), uploads);
            Experiment e = load(file, List.of(), body.quick(), "yaml");
            refuseServerFiles(e);
            limits.check(e);
            return new RunOrder("yaml", file, List.of(), body.quick(), e);
        }
        Lesson lesson = lessons.get(body.lesson()).orElseThrow(() -> new Rejection(400, "lesson",
                "lesson '" + body.lesson() + "': no such lesson; expected one of "
                        + String.join(", ", lessons.all().stream().map(Lesson::id).toList())));
        List<String> sets = PageSettings.toSets(body.settings(), lesson.sweepPaths());
        Experiment e = load(lesson.file(), sets, body.quick(), null);
        limits.check(e);
        return new RunOrder(lesson.id(), lesson.file(), sets, body.quick(), e);
    }

    /** Loads as the CLI does; a config error comes back naming the setting (or the YAML's line:column). */
    private static Experiment load(Path file, List<String> sets, boolean quick, String yamlField) {
        try {
            return ExperimentLoader.load(file, sets, quick);
        } catch (UserError e) {
            String message = e.getMessage();
            if (yamlField != null) {
                message = message.replace(file.toAbsolutePath().toString(), YAML_NAME).replace(file.toString(), YAML_NAME);
                Matcher m = POSITION.matcher(message.startsWith(YAML_NAME) ? message.substring(YAML_NAME.length()) : "");
                if (m.lookingAt()) {
                    return throwAt(message, Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
                }
                throw new Rejection(400, yamlField, message);
            }
            throw new Rejection(400, fieldOf(message, sets), message);
        }
    }

    private static Experiment throwAt(String message, int line, int column) {
        throw new Rejection(400, "yaml", message, line, column);
    }

    /** The setting an error message is about: the one whose {@code --set} it quotes, or whose key path it names. */
    static String fieldOf(String message, List<String> sets) {
        for (String set : sets) {
            if (message.contains("--set " + set)) {
                return set.substring(0, set.indexOf('='));
            }
        }
        for (String set : sets) {
            String key = set.substring(0, set.indexOf('='));
            String last = key.substring(key.lastIndexOf('.') + 1);
            if (message.contains(key) || message.contains(last + ":") || message.contains(last + " ")) {
                return key;
            }
        }
        return "settings";
    }

    /** A run from the page reads only the page's own text: file paths in it could reach files on the server. */
    private static void refuseServerFiles(Experiment e) {
        for (Cell c : e.cells()) {
            if (c.config().data().path() != null && !c.config().data().path().isBlank()) {
                throw new Rejection(400, "yaml", YAML_NAME + ": data.path: a YAML experiment sent from the page cannot read files "
                        + "on the server; put the experiment and its CSV in the folder given with fitlab serve --experiments");
            }
            if (c.config().model().init().isPresent()) {
                throw new Rejection(400, "yaml", YAML_NAME + ": model.init: a YAML experiment sent from the page cannot read files "
                        + "on the server; put the experiment and its .pth in the folder given with fitlab serve --experiments");
            }
        }
    }

    /** Keeps the page's YAML as {@code page-<hash>.yaml}: the same text is the same file, so it names runs the same way. */
    private static Path keep(String yaml, Path uploads) {
        byte[] bytes = yaml.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_YAML_BYTES) {
            throw new Rejection(413, "yaml", YAML_NAME + ": " + bytes.length + " bytes, above the limit of " + MAX_YAML_BYTES);
        }
        try {
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 12);
            Path file = uploads.resolve("page-" + hash + ".yaml");
            if (!Files.exists(file)) {
                fitlab.io.AtomicFiles.write(file, bytes);
            }
            return file;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } catch (UserError e) {
            throw new Rejection(500, "yaml", e.getMessage());
        }
    }

    /** The command line that would start the same run, for {@code command.txt}. */
    String command() {
        StringBuilder sb = new StringBuilder("fitlab run ").append(experiment);
        for (String s : sets) {
            sb.append(" --set ").append(s);
        }
        if (quick) {
            sb.append(" --quick");
        }
        return sb.append("   # started from fitlab serve").toString();
    }
}
