package fitlab.shard;

import fitlab.testsupport.MetricsFiles;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Asserts that two run folders hold the same results, byte for byte: experiment.yaml, the data, summary.csv, every
 * chart file (PNG, SVG, GIF and their data, charts.json) and every cell file; metrics.csv without its last column
 * (seconds: wall time), report/index.html except where a line names the run folder.
 */
final class SameRun {
    private SameRun() {}

    /** @return the number of files compared */
    static int assertSame(Path expected, Path actual) throws IOException {
        int files = 0;
        for (String f : List.of("experiment.yaml", "summary.csv", "report/charts/charts.json")) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
            files++;
        }
        List<String> charts = tree(expected, "report/charts");
        assertEquals(charts, tree(actual, "report/charts"), "the same charts");
        assertTrue(charts.stream().anyMatch(f -> f.endsWith(".png")) && charts.stream().anyMatch(f -> f.endsWith(".svg")));
        for (String f : charts) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
            files++;
        }
        assertSameHtml(expected, actual);
        List<String> expectedFiles = tree(expected, "data", "cells");
        assertEquals(expectedFiles, tree(actual, "data", "cells"), "the same data and cell files");
        assertTrue(expectedFiles.stream().anyMatch(f -> f.endsWith(".pth")), "cells hold checkpoints");
        for (String f : expectedFiles) {
            if (f.endsWith("/metrics.csv")) {
                assertEquals(MetricsFiles.withoutSeconds(expected.resolve(f)), MetricsFiles.withoutSeconds(actual.resolve(f)), f);
            } else {
                assertArrayEquals(Files.readAllBytes(expected.resolve(f)), Files.readAllBytes(actual.resolve(f)), f);
            }
            files++;
        }
        return files;
    }

    /** index.html line by line; a line may differ only where it names the run folder. */
    static void assertSameHtml(Path expected, Path actual) throws IOException {
        List<String> a = Files.readAllLines(expected.resolve("report/index.html"));
        List<String> b = Files.readAllLines(actual.resolve("report/index.html"));
        assertEquals(a.size(), b.size(), "index.html lines");
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).equals(b.get(i))) {
                boolean renamed = oneRenamed(a.get(i), b.get(i), expected.toString(), actual.toString())
                        || oneRenamed(a.get(i), b.get(i), expected.getFileName().toString(), actual.getFileName().toString());
                assertTrue(renamed, "index.html line " + (i + 1) + " differs beyond the folder's name:\n" + a.get(i) + "\n" + b.get(i));
            }
        }
    }

    /** Whether {@code b} is {@code a} with one occurrence of {@code from} replaced by {@code to}. */
    private static boolean oneRenamed(String a, String b, String from, String to) {
        for (int at = a.indexOf(from); at >= 0; at = a.indexOf(from, at + 1)) {
            if ((a.substring(0, at) + to + a.substring(at + from.length())).equals(b)) {
                return true;
            }
        }
        return false;
    }

    static List<String> tree(Path root, String... dirs) throws IOException {
        List<String> out = new java.util.ArrayList<>();
        for (String d : dirs) {
            try (Stream<Path> walk = Files.walk(root.resolve(d))) {
                walk.filter(Files::isRegularFile).map(p -> root.relativize(p).toString())
                        .filter(p -> !Path.of(p).getFileName().toString().startsWith(".")).sorted().forEach(out::add);
            }
        }
        return out;
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(p, t);
                }
            }
        }
    }

    static String[] args(String... a) {
        return Arrays.copyOf(a, a.length);
    }
}
