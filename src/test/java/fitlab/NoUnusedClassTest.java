package fitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every top-level class in src/main is used by production code: its name appears in the code (not the comments or
 * strings) of another main source file. Test-only helpers belong in src/test, dead code nowhere. The one exception is
 * the entry point the jar's manifest names.
 */
class NoUnusedClassTest {
    static final Path MAIN = Path.of("src/main/java");
    static final String ENTRY_POINT = "fitlab.cli.Main";
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*");

    @Test
    void everyMainClassIsUsedByAnotherMainClass() throws IOException {
        Map<String, Set<String>> identifiers = new HashMap<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java")).toList()) {
                Set<String> ids = new HashSet<>();
                Matcher m = IDENTIFIER.matcher(code(Files.readString(f)));
                while (m.find()) {
                    ids.add(m.group());
                }
                identifiers.put(className(f), ids);
            }
        }
        assertTrue(identifiers.size() > 100, "found the sources: " + identifiers.size());
        assertTrue(identifiers.containsKey(ENTRY_POINT), "the manifest's entry point exists");
        List<String> unused = new ArrayList<>();
        for (String cls : identifiers.keySet()) {
            String simple = cls.substring(cls.lastIndexOf('.') + 1);
            boolean used = identifiers.entrySet().stream().anyMatch(e -> !e.getKey().equals(cls) && e.getValue().contains(simple));
            if (!used && !cls.equals(ENTRY_POINT)) {
                unused.add(cls);
            }
        }
        assertEquals(List.of(), unused.stream().sorted().toList(), "classes no other main class uses");
    }

    @Test
    void commentsAndStringsDoNotCountAsUse() {
        String code = code("""
                /** Uses Foo. */
                class A { // Bar here
                    String s = "Baz \\" Qux";
                    char c = '"';
                    Real r;
                }
                """);
        assertTrue(code.contains("Real"), code);
        for (String name : List.of("Foo", "Bar", "Baz", "Qux")) {
            assertTrue(!code.contains(name), name + " in " + code);
        }
    }

    private static String className(Path file) {
        String rel = MAIN.relativize(file).toString().replace('\\', '/');
        return rel.substring(0, rel.length() - ".java".length()).replace('/', '.');
    }

    /** The source with comments, string, text-block and char literals blanked out. */
    static String code(String src) {
        StringBuilder out = new StringBuilder(src.length());
        int i = 0;
        while (i < src.length()) {
            if (src.startsWith("//", i)) {
                i = end(src.indexOf('\n', i), src);
            } else if (src.startsWith("/*", i)) {
                i = end(src.indexOf("*/", i + 2), src) + 2;
            } else if (src.startsWith("\"\"\"", i)) {
                i = end(src.indexOf("\"\"\"", i + 3), src) + 3;
                out.append("\"\"");
            } else if (src.charAt(i) == '"' || src.charAt(i) == '\'') {
                char quote = src.charAt(i++);
                while (i < src.length() && src.charAt(i) != quote) {
                    i += src.charAt(i) == '\\' ? 2 : 1;
                }
                i++;
                out.append(quote).append(quote);
            } else {
                out.append(src.charAt(i++));
            }
        }
        return out.toString();
    }

    private static int end(int at, String src) {
        return at < 0 ? src.length() : at;
    }
}
