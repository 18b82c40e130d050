package fitlab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/architecture.md's package table stays true: it lists exactly the packages under src/main/java, in an order
 * that no import goes against (a package uses only the packages listed before it), every package has a
 * package-info.java, and no source file points at a document outside the repository.
 */
class ArchitectureDocTest {
    static final Path DOC = Path.of("docs/architecture.md");
    static final Path SOURCES = Path.of("src/main/java");
    static final Pattern ROW = Pattern.compile("^\\| `(fitlab[a-z.]*)` \\|");
    static final Pattern IMPORT = Pattern.compile("^import (?:static )?(fitlab(?:\\.[a-z]+)*)\\.[A-Z]", Pattern.MULTILINE);
    static final Pattern PATCH_ROW = Pattern.compile("^\\| `([a-z][a-z0-9.]*)` \\|");

    /** The other libraries' packages fitlab adds a class to (the library-patches table), in the order listed. */
    static List<String> patchedPackages() throws IOException {
        return tableColumn("library-patches", PATCH_ROW);
    }

    static List<String> documentedPackages() throws IOException {
        return tableColumn("package-table", ROW);
    }

    /** The first column of the table between {@code <!-- name} and {@code <!-- end name} in the architecture doc. */
    static List<String> tableColumn(String name, Pattern row) throws IOException {
        List<String> out = new ArrayList<>();
        boolean inTable = false;
        for (String line : Files.readAllLines(DOC)) {
            if (line.startsWith("<!-- " + name)) {
                inTable = true;
            } else if (line.startsWith("<!-- end " + name)) {
                break;
            } else if (inTable) {
                Matcher m = row.matcher(line);
                if (m.find()) {
                    out.add(m.group(1));
                }
            }
        }
        return out;
    }

    static boolean isFitlab(String pkg) {
        return pkg.equals("fitlab") || pkg.startsWith("fitlab.");
    }

    static TreeSet<String> sourcePackages() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            TreeSet<String> out = new TreeSet<>();
            files.filter(p -> p.toString().endsWith(".java"))
                    .forEach(p -> out.add(SOURCES.relativize(p.getParent()).toString().replace('/', '.').replace('\\', '.')));
            return out;
        }
    }

    @Test
    void thePackageTableListsEveryPackageOnce() throws IOException {
        List<String> documented = documentedPackages();
        assertEquals(documented.size(), new TreeSet<>(documented).size(), "a package listed twice: " + documented);
        TreeSet<String> fitlab = new TreeSet<>(), others = new TreeSet<>();
        sourcePackages().forEach(p -> (isFitlab(p) ? fitlab : others).add(p));
        assertEquals(fitlab, new TreeSet<>(documented), "docs/architecture.md's package table against src/main/java");
        assertEquals(others, new TreeSet<>(patchedPackages()), "docs/architecture.md's library-patches table against src/main/java");
    }

    @Test
    void aClassAddedToAnotherLibrarysPackageUsesNothingOfFitlab() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String p : patchedPackages()) {
            try (Stream<Path> files = Files.list(SOURCES.resolve(p.replace('.', '/')))) {
                for (Path f : files.filter(x -> x.toString().endsWith(".java")).toList()) {
                    if (IMPORT.matcher(Files.readString(f)).find() || Files.readString(f).contains("fitlab.")) {
                        offenders.add(f.toString());
                    }
                }
            }
        }
        assertEquals(List.of(), offenders, "a library patch must stay a patch of that library");
    }

    @Test
    void everyPackageHasAPackageInfo() throws IOException {
        for (String p : sourcePackages()) {
            if (isFitlab(p) && !p.equals("fitlab")) {
                assertTrue(Files.exists(SOURCES.resolve(p.replace('.', '/')).resolve("package-info.java")), p + " has no package-info.java");
            }
        }
    }

    @Test
    void noImportGoesAgainstTheDataFlow() throws IOException {
        List<String> order = documentedPackages();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String pkg = SOURCES.relativize(file.getParent()).toString().replace('/', '.').replace('\\', '.');
                int rank = order.indexOf(pkg);
                Matcher m = IMPORT.matcher(Files.readString(file));
                while (m.find()) {
                    int used = order.indexOf(m.group(1));
                    if (used > rank) {
                        violations.add(SOURCES.relativize(file) + " imports " + m.group(1));
                    }
                }
            }
        }
        assertEquals(List.of(), violations, "imports from a later stage of the data flow");
    }

    @Test
    void sourcesNeverPointOutsideTheRepository() throws IOException {
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(file);
                if (text.contains("DESIGN.md") || text.contains("shared/reference") || text.contains("../shared")) {
                    offenders.add(file.toString());
                }
            }
        }
        // this test names those documents itself, to look for them
        offenders.remove(Path.of("src/test/java/fitlab/ArchitectureDocTest.java").toString());
        assertEquals(List.of(), offenders, "source files citing documents that are not in the repository");
    }
}
