package fitlab.config.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fitlab.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Parses YAML text into {@link YamlNode}s with locations, using Jackson's streaming YAML parser
 * (a token stream keeps every position; a bound tree would lose them).
 */
public final class YamlReader {
    private static final YAMLFactory FACTORY = new YAMLFactory();

    private YamlReader() {}

    /**
     * The largest experiment file read: the bundled lessons are a few kilobytes, and a bound keeps a pasted log or a
     * generated multi-megabyte line from keeping the parser busy for minutes before any error.
     */
    public static final long MAX_FILE_BYTES = 1 << 20;

    public static YamlNode read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new UserError(file + ": " + size + " bytes; an experiment file may hold at most " + MAX_FILE_BYTES
                        + " bytes (1 MiB)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new UserError(file + ": no such file");
        } catch (IOException e) {
            throw new UserError(file + ": cannot read: " + e.getMessage());
        }
        if (bytes.length > MAX_FILE_BYTES) {
            throw new UserError(file + ": more than " + MAX_FILE_BYTES + " bytes; an experiment file may hold at most 1 MiB");
        }
        String text = Utf8Text.decode(bytes, file.toString());
        YamlNode node = parse(text, file.toString());
        if (node instanceof YamlNode.Mapping m && m.entries().isEmpty()) {
            throw new UserError(file + ":1:1: the experiment file is empty (no keys, only blank lines or comments); "
                    + "expected at least name:, data: and model: (see experiments/01-polynomial-degree.yaml)");
        }
        return node;
    }

    /** Parses {@code text}; {@code source} names it in locations (a file path, or {@code --set key}). */
    public static YamlNode parse(String text, String source) {
        try (JsonParser p = FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                return YamlNode.Mapping.empty(new Location(source, 1, 1));
            }
            YamlNode node = readValue(p, source);
            if (p.nextToken() != null) {
                throw new UserError(at(source, p.currentTokenLocation()) + ": expected a single YAML document");
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage().lines().findFirst().orElse("invalid YAML");
            throw new UserError((loc != null ? at(source, loc) : source) + ": invalid YAML: " + msg);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static YamlNode readValue(JsonParser p, String source) throws IOException {
        Location here = at(source, p.currentTokenLocation());
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                LinkedHashMap<String, YamlNode.Entry> entries = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    Location keyLoc = at(source, p.currentTokenLocation());
                    if (entries.containsKey(key)) {
                        throw new UserError(keyLoc + ": duplicate key '" + key + "' (first at "
                                + entries.get(key).keyLocation() + ")");
                    }
                    p.nextToken();
                    entries.put(key, new YamlNode.Entry(key, keyLoc, readValue(p, source)));
                }
                return new YamlNode.Mapping(entries, here);
            }
            case START_ARRAY -> {
                List<YamlNode> items = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    items.add(readValue(p, source));
                }
                return new YamlNode.Sequence(items, here);
            }
            case VALUE_NULL -> {
                return new YamlNode.Scalar("", YamlNode.ScalarType.NULL, here);
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.BOOLEAN, here);
            }
            case VALUE_NUMBER_INT -> {
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.INTEGER, here);
            }
            case VALUE_NUMBER_FLOAT -> {
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.FLOAT, here);
            }
            default -> {
                return new YamlNode.Scalar(p.getText(), YamlNode.ScalarType.STRING, here);
            }
        }
    }

    private static Location at(String source, JsonLocation loc) {
        return new Location(source, loc.getLineNr(), loc.getColumnNr());
    }
}
