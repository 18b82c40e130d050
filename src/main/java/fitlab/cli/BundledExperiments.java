package fitlab.cli;

import fitlab.UserError;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds the bundled lessons and resolves a lesson named on the command line ({@code 01}, {@code polynomial-degree},
 * {@code 01-polynomial-degree.yaml}) to its file.
 *
 * <p>The lessons live in four places, searched in this order: {@code <fitlab.home>/experiments} (set by the
 * {@code fitlab} launchers and the app image, so a teacher's edits to a checkout are what runs), the checkout the
 * running jar was built in ({@code <checkout>/target/fitlab.jar}: {@code java -jar target/fitlab.jar} then sees the
 * same files as {@code ./fitlab}), {@code experiments/} in the working directory, and finally the copy inside the
 * jar itself ({@value #RESOURCE}), which is what makes {@code java -jar fitlab.jar run 01} work from any folder on
 * a machine that has nothing but the jar.
 */
final class BundledExperiments {
    /** Where the build copies experiments/ inside the jar (pom.xml, resources). */
    static final String RESOURCE = "/fitlab/lessons/experiments";
    /** A file always present in the bundled folder: jars need not hold directory entries, so a file is looked up. */
    private static final String MARKER = RESOURCE + "/README.md";
    private static final Pattern LESSON_FILE = Pattern.compile("(\\d\\d)-(.+)\\.ya?ml");

    private BundledExperiments() {}

    /** The folder the launcher or the user's working directory points at, else the copy inside the jar. */
    static Path folder() {
        return folder(System.getProperty("fitlab.home"), Path.of(""));
    }

    static Path folder(String home, Path workingDir) {
        for (Path p : new Path[] {home != null ? Path.of(home, "experiments") : null, checkoutOfJar(), workingDir.resolve("experiments")}) {
            if (p != null && Files.isDirectory(p)) {
                return p;
            }
        }
        return inJar().orElseThrow(() -> new UserError(
                "cannot find the bundled experiments (no experiments/ folder here and none inside the jar): pass --dir"));
    }

    /** The lesson files of a folder, sorted: {@code NN-name.yaml}. */
    static List<Path> lessons(Path folder) {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> LESSON_FILE.matcher(p.getFileName().toString()).matches())
                    .sorted((a, b) -> a.getFileName().toString().compareTo(b.getFileName().toString())).toList();
        } catch (IOException e) {
            throw new UserError("cannot list " + folder + ": " + e.getMessage());
        }
    }

    /**
     * {@code given} itself when that file exists; otherwise, when it names a bundled lesson by number ({@code 1},
     * {@code 01}), by name ({@code polynomial-degree}) or by file name (also as {@code experiments/<file>}, the
     * form the README uses), that lesson's file. Anything else is a user error naming what was looked for.
     */
    static Path resolve(Path given) {
        return resolve(given, System.getProperty("fitlab.home"), Path.of(""));
    }

    static Path resolve(Path given, String home, Path workingDir) {
        if (Files.exists(workingDir.resolve(given))) {
            return given;
        }
        Optional<String> wanted = lessonName(given);
        if (wanted.isPresent()) {
            Path folder = folder(home, workingDir);
            for (Path lesson : lessons(folder)) {
                if (matches(lesson.getFileName().toString(), wanted.get())) {
                    return lesson;
                }
            }
        }
        throw new UserError(given + ": no such file, and no bundled lesson of that name (see 'fitlab list')");
    }

    /** The part of {@code given} that can name a lesson: a bare name, or a file directly under {@code experiments/}. */
    private static Optional<String> lessonName(Path given) {
        if (given.getNameCount() == 1 && !given.isAbsolute()) {
            return Optional.of(given.toString());
        }
        if (given.getNameCount() == 2 && !given.isAbsolute() && given.getName(0).toString().equals("experiments")) {
            return Optional.of(given.getFileName().toString());
        }
        return Optional.empty();
    }

    private static boolean matches(String file, String wanted) {
        Matcher m = LESSON_FILE.matcher(file);
        if (!m.matches()) {
            return false;
        }
        String stem = file.substring(0, file.lastIndexOf('.'));
        boolean number = wanted.matches("\\d{1,2}") && Integer.parseInt(wanted) == Integer.parseInt(m.group(1));
        // Lesson names are lower case; accepting any case keeps a Windows or macOS habit of typing names freely
        // from giving "no such lesson" on file systems where the same spelling would open the file.
        return number || file.equalsIgnoreCase(wanted) || stem.equalsIgnoreCase(wanted) || m.group(2).equalsIgnoreCase(wanted);
    }

    /** {@code <checkout>} when the running code is {@code <checkout>/target/fitlab.jar} and the checkout has experiments/. */
    private static Path checkoutOfJar() {
        try {
            var source = BundledExperiments.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return null;
            }
            Path jar = Path.of(source.getLocation().toURI());
            Path target = jar.getParent();
            if (!Files.isRegularFile(jar) || target == null || target.getFileName() == null
                    || !target.getFileName().toString().equals("target") || target.getParent() == null) {
                return null;
            }
            Path experiments = target.getParent().resolve("experiments");
            return Files.isDirectory(experiments) ? experiments : null;
        } catch (URISyntaxException | SecurityException | IllegalArgumentException e) {
            return null;
        }
    }

    /** The lessons copied into the jar (or into target/classes when running from the build folder). */
    private static Optional<Path> inJar() {
        URL marker = BundledExperiments.class.getResource(MARKER);
        if (marker == null) {
            return Optional.empty();
        }
        try {
            URI uri = marker.toURI();
            if (uri.getScheme().equals("jar")) {
                return Optional.of(jarFileSystem(uri).getPath(RESOURCE));
            }
            return Optional.of(Path.of(uri).getParent());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    /** The jar opened as a file system; left open for the life of the process (it is read-only, and small to keep). */
    private static synchronized FileSystem jarFileSystem(URI inside) {
        try {
            return FileSystems.newFileSystem(inside, Map.of());
        } catch (FileSystemAlreadyExistsException e) {
            return FileSystems.getFileSystem(inside);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the bundled experiments in " + inside, e);
        }
    }
}
