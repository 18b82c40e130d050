package fitlab.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import fitlab.io.AtomicFiles;
import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * {@code report/reload-check.json}: the slide deck's reload check (every checkpoint reloaded and its losses compared
 * with metrics.csv), recorded with a checksum of everything it read. The check is a pure function of the run
 * folder's files outside {@code report/}, so while their digest is unchanged the recorded result is still the
 * true one and a later {@code fitlab report} states it without reloading every checkpoint again; a changed, added
 * or removed file (a resumed cell, an edited metrics.csv, a replaced .pth) changes the digest and the check runs
 * again. {@code fitlab verify} always runs the full check.
 */
final class ReloadRecord {
    static final String FILE = "reload-check.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** The file's content: the inputs' digest ({@link #inputsDigest}) and the check's result. */
    record Stored(String inputsDigest, SlideDeck.ReloadCheck result) {}

    private ReloadRecord() {}

    static Path file(RunFolder run) {
        return run.reportDir().resolve(FILE);
    }

    /** The recorded result when it was made from exactly these files, else a fresh check (then recorded). */
    static SlideDeck.ReloadCheck of(RunFolder run) {
        return of(run, inputsDigest(run.root()));
    }

    /** As {@link #of(RunFolder)}, with the folder's {@link #inputsDigest} already computed. */
    static SlideDeck.ReloadCheck of(RunFolder run, String digest) {
        Optional<Stored> stored = read(file(run));
        if (stored.isPresent() && stored.get().inputsDigest().equals(digest)) {
            return stored.get().result();
        }
        SlideDeck.ReloadCheck fresh = SlideDeck.ReloadCheck.of(run.root());
        try {
            Files.createDirectories(file(run).getParent());
            AtomicFiles.write(file(run), JSON.writeValueAsBytes(new Stored(digest, fresh)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return fresh;
    }

    /** A record that cannot be read (damaged, or from another format) is no record: the check runs again. */
    private static Optional<Stored> read(Path file) {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(JSON.readValue(file.toFile(), Stored.class))
                    .filter(s -> s.inputsDigest() != null && s.result() != null && s.result().problems() != null);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * CRC-32 over the relative name, length and bytes of every file of the run folder outside {@code report/}, in
     * name order, leaving out hidden files (the run lock, temporary files of atomic writes): a superset of what the
     * check reads (config, data, metrics.csv, checkpoints), so no change to its inputs goes unseen but by a one in
     * four billion chance. This detects change, it authenticates nothing ({@code fitlab verify} always runs the full
     * check); CRC-32 is what the JDK computes with one CPU instruction per 16 bytes under both of its compilers,
     * where SHA-256 ran as Java code under the report's client compiler (7 % of {@code fitlab report}'s samples on
     * lesson 01, whose 1 830 checkpoints it read). The prefix names the checksum, so a record of another kind is
     * no match.
     */
    static String inputsDigest(Path root) {
        try (var walk = Files.walk(root)) {
            List<Path> files = walk.filter(Files::isRegularFile)
                    .filter(p -> !root.relativize(p).startsWith("report"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> root.relativize(p))
                    .sorted((a, b) -> a.toString().replace('\\', '/').compareTo(b.toString().replace('\\', '/')))
                    .toList();
            CRC32 crc = new CRC32();
            long count = 0;
            for (Path rel : files) {
                byte[] name = rel.toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8);
                crc.update(name);
                crc.update(0);
                // the length before the bytes, so that no two different folders give the same stream
                byte[] bytes = Files.readAllBytes(root.resolve(rel));
                crc.update(Long.toString(bytes.length).getBytes(StandardCharsets.US_ASCII));
                crc.update(0);
                crc.update(bytes);
                count += bytes.length;
            }
            return "crc32:" + String.format("%08x", crc.getValue()) + ":" + files.size() + ":" + count;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
