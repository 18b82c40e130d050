import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds fitlab's self-contained app image from a runnable jar: a Java runtime trimmed to the modules the jar uses
 * (jdeps + jlink), a native {@code fitlab} launcher around it (jpackage --type app-image), the bundled lessons,
 * datasets and notebooks next to the jar, then the image archived as {@code fitlab-<version>-<os>-<arch>.tar.gz}
 * and {@code .zip}.
 *
 * <p>A Java program rather than a shell script so that the same file builds the image on Windows and macOS (jpackage
 * builds for the machine it runs on only), and so that the pom ({@code mvn package}) and the test that runs the
 * image ({@code AppImageTest}) share one recipe. Run it with the JDK's source launcher:
 *
 * <pre>java packaging/AppImage.java --jar target/fitlab.jar --home . --dest target --version 0.1.0 [--archives tar.gz,zip]</pre>
 *
 * It prints {@code image: DIR}, {@code launcher: FILE} and one {@code archive: FILE} line per archive.
 */
public final class AppImage {
    /**
     * Modules no static analysis sees: the zip file system is a service provider, loaded by name when fitlab reads
     * the lessons inside its own jar (the image normally reads the copies next to the jar, but the fallback must work);
     * jdk.management holds the DiagnosticCommand MBean through which a training command adds its compiler directives
     * (fitlab.cli.CompilerPolicy; without it the image trains the same bits, only its report is slower).
     */
    private static final List<String> SERVICE_MODULES = List.of("jdk.zipfs", "jdk.management");
    /** What travels next to the jar, from the checkout: lessons, their committed datasets, the PyTorch notebooks. */
    private static final List<String> BUNDLE = List.of("experiments", "datasets", "notebooks");
    /**
     * The launcher's JVM flags, the same as the bash launcher's ({@code ./fitlab}): ParallelGC for a batch job on a
     * laptop's few cores, no display needed, UTF-8 output for the Chinese reports; {@code fitlab.home} makes fitlab
     * find the bundled lessons next to its jar ({@code $APPDIR} is jpackage's name for that folder).
     */
    private static final List<String> JAVA_OPTIONS = List.of("-XX:+UseParallelGC", "-Djava.awt.headless=true",
            "-Dfile.encoding=UTF-8", "-Dfitlab.home=$APPDIR");

    public static void main(String[] args) throws IOException {
        Map<String, String> opts = options(args);
        Path jar = Path.of(required(opts, "--jar")).toAbsolutePath();
        Path home = Path.of(opts.getOrDefault("--home", ".")).toAbsolutePath();
        Path dest = Path.of(required(opts, "--dest")).toAbsolutePath();
        String version = required(opts, "--version");
        List<String> archives = List.of(opts.getOrDefault("--archives", "tar.gz,zip").split(","));
        if (!Files.isRegularFile(jar)) {
            fail("--jar " + jar + ": no such file");
        }
        String platform = "fitlab-" + version + "-" + os() + "-" + arch();
        Path work = dest.resolve("app-image-work");
        deleteTree(work);
        Files.createDirectories(work);

        long t0 = System.nanoTime();
        String modules = modules(jar);
        log("modules (jdeps + services): " + modules);
        Path runtime = work.resolve("runtime");
        run("jlink", "--add-modules", modules, "--strip-debug", "--no-man-pages", "--no-header-files", "--compress=2",
                "--output", runtime.toString());

        Path input = work.resolve("input");
        Files.createDirectories(input);
        Files.copy(jar, input.resolve("fitlab.jar"));
        for (String folder : BUNDLE) {
            Path from = home.resolve(folder);
            if (!Files.isDirectory(from)) {
                fail("--home " + home + ": no " + folder + "/ folder to bundle");
            }
            copyTree(from, input.resolve(folder));
        }

        Path images = work.resolve("image");
        List<String> jpackage = new ArrayList<>(List.of("--type", "app-image", "--name", "fitlab", "--input", input.toString(),
                "--main-jar", "fitlab.jar", "--main-class", "fitlab.cli.Main", "--runtime-image", runtime.toString(),
                "--dest", images.toString(), "--description", "fitlab: a lab for teaching overfitting and underfitting",
                "--vendor", "fitlab"));
        if (!os().equals("macos")) {
            // jpackage refuses a macOS bundle version that starts with 0, so the Mac image keeps jpackage's default
            jpackage.addAll(List.of("--app-version", version));
        }
        if (os().equals("windows")) {
            jpackage.add("--win-console"); // a command-line tool: without it the output never reaches cmd.exe
        }
        for (String o : JAVA_OPTIONS) {
            jpackage.addAll(List.of("--java-options", o));
        }
        run("jpackage", jpackage.toArray(String[]::new));

        String imageName = os().equals("macos") ? "fitlab.app" : "fitlab";
        Path image = dest.resolve(platform);
        deleteTree(image);
        Files.move(images.resolve(imageName), image);
        deleteTree(work);
        System.out.println("image: " + image);
        System.out.println("launcher: " + image.resolve(launcher()));
        log(String.format(Locale.ROOT, "image %.1f MB (runtime %.1f MB) in %.0f s", size(image) / 1e6,
                size(image.resolve(runtimeFolder())) / 1e6, (System.nanoTime() - t0) / 1e9));

        for (String kind : archives) {
            Path archive = dest.resolve(platform + "." + kind.strip());
            switch (kind.strip()) {
                case "tar.gz" -> TarGz.write(image, imageName, archive);
                case "zip" -> Zip.write(image, imageName, archive);
                case "none", "" -> {
                    continue;
                }
                default -> fail("--archives: expected tar.gz, zip or none, got '" + kind + "'");
            }
            System.out.println("archive: " + archive);
            log(String.format(Locale.ROOT, "%s %.1f MB", archive.getFileName(), Files.size(archive) / 1e6));
        }
    }

    /** The launcher inside the image, relative to its root. */
    static String launcher() {
        return switch (os()) {
            case "windows" -> "fitlab.exe";
            case "macos" -> "Contents/MacOS/fitlab";
            default -> "bin/fitlab";
        };
    }

    private static String runtimeFolder() {
        return switch (os()) {
            case "windows" -> "runtime";
            case "macos" -> "Contents/runtime";
            default -> "lib/runtime";
        };
    }

    /** What jdeps finds the jar (and its shaded libraries) using, plus the modules only loaded as services. */
    private static String modules(Path jar) {
        String found = run("jdeps", "--multi-release", "17", "--ignore-missing-deps", "--print-module-deps", jar.toString()).strip();
        Set<String> modules = new TreeSet<>(List.of(found.split(",")));
        modules.addAll(SERVICE_MODULES);
        return String.join(",", modules);
    }

    /** Runs a JDK tool in this JVM (they all offer a ToolProvider), failing with its output when it fails. */
    private static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool).orElse(null);
        if (provider == null) {
            fail(tool + " not found in " + System.getProperty("java.home") + ": run this with a full JDK 17 (openjdk-17-jdk)");
        }
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        if (code != 0) {
            fail(tool + " exited " + code + ":\n" + out + err);
        }
        return out.toString();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                fail("usage: java packaging/AppImage.java --jar JAR --home CHECKOUT --dest DIR --version V [--archives tar.gz,zip|none]");
            }
            opts.put(args[i], args[++i]);
        }
        return opts;
    }

    private static String required(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            fail("missing " + name + " (usage: --jar JAR --home CHECKOUT --dest DIR --version V)");
        }
        return v;
    }

    static String os() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        return name.startsWith("windows") ? "windows" : name.startsWith("mac") ? "macos" : "linux";
    }

    static String arch() {
        String a = System.getProperty("os.arch");
        return a.equals("amd64") || a.equals("x86_64") ? "x64" : a;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.sorted().toList()) {
                String rel = from.relativize(p).toString();
                if (rel.contains("__pycache__") || rel.contains(".ipynb_checkpoints") || rel.endsWith(".nbconvert.ipynb")) {
                    continue; // leftovers of running the notebooks, not part of the lessons
                }
                Path target = to.resolve(rel);
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The image's files, sorted, with their path inside the archive ({@code root/...}, always '/'-separated). */
    static List<Map.Entry<String, Path>> entries(Path image, String root) throws IOException {
        List<Map.Entry<String, Path>> out = new ArrayList<>();
        try (Stream<Path> s = Files.walk(image)) {
            for (Path p : s.sorted().toList()) {
                String rel = image.relativize(p).toString().replace('\\', '/');
                out.add(Map.entry(rel.isEmpty() ? root + "/" : root + "/" + rel + (Files.isDirectory(p) ? "/" : ""), p));
            }
        }
        return out;
    }

    private static void log(String message) {
        System.err.println("app-image: " + message);
    }

    private static void fail(String message) {
        System.err.println("app-image: " + message);
        System.exit(2);
    }

    /**
     * A POSIX (ustar) tar.gz, written here rather than with a tar command so Windows builds need none; it keeps the
     * launcher's execute bit, which a zip made with java.util.zip cannot carry.
     */
    static final class TarGz {
        private static final int BLOCK = 512;

        static void write(Path image, String root, Path archive) throws IOException {
            try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(archive), 1 << 16), 1 << 16)) {
                for (Map.Entry<String, Path> e : entries(image, root)) {
                    Path p = e.getValue();
                    boolean dir = Files.isDirectory(p);
                    long size = dir ? 0 : Files.size(p);
                    out.write(header(e.getKey(), mode(p, dir), size, Files.getLastModifiedTime(p).toMillis() / 1000, dir));
                    if (!dir) {
                        try (InputStream in = Files.newInputStream(p)) {
                            in.transferTo(out);
                        }
                        int pad = (int) ((BLOCK - size % BLOCK) % BLOCK);
                        out.write(new byte[pad]);
                    }
                }
                out.write(new byte[2 * BLOCK]);
            }
        }

        private static int mode(Path p, boolean dir) throws IOException {
            try {
                int m = 0;
                for (PosixFilePermission perm : Files.getPosixFilePermissions(p)) {
                    m |= 1 << (8 - perm.ordinal()); // OWNER_READ is bit 8 ... OTHERS_EXECUTE bit 0
                }
                return m | 0200; // writable by its owner: the archive can be unpacked over and deleted again
            } catch (UnsupportedOperationException e) {
                // no POSIX permissions (a Windows build): folders and the launcher executable, the rest plain files
                return dir || p.getFileName().toString().equals("fitlab") || p.toString().endsWith(".so") ? 0755 : 0644;
            }
        }

        private static byte[] header(String name, int mode, long size, long mtime, boolean dir) {
            byte[] h = new byte[BLOCK];
            byte[] full = name.getBytes(StandardCharsets.UTF_8);
            String prefix = "";
            String rest = name;
            if (full.length > 100) {
                int cut = name.lastIndexOf('/', name.length() - 2);
                while (cut > 0 && (name.substring(cut + 1).getBytes(StandardCharsets.UTF_8).length > 100
                        || name.substring(0, cut).getBytes(StandardCharsets.UTF_8).length > 155)) {
                    cut = name.lastIndexOf('/', cut - 1);
                }
                if (cut <= 0) {
                    throw new IllegalArgumentException("path too long for a ustar archive: " + name);
                }
                prefix = name.substring(0, cut);
                rest = name.substring(cut + 1);
            }
            put(h, 0, 100, rest.getBytes(StandardCharsets.UTF_8));
            put(h, 100, 8, octal(mode, 7));
            put(h, 108, 8, octal(0, 7));
            put(h, 116, 8, octal(0, 7));
            put(h, 124, 12, octal(size, 11));
            put(h, 136, 12, octal(mtime, 11));
            h[156] = (byte) (dir ? '5' : '0');
            put(h, 257, 6, "ustar\0".getBytes(StandardCharsets.US_ASCII));
            put(h, 263, 2, "00".getBytes(StandardCharsets.US_ASCII));
            put(h, 345, 155, prefix.getBytes(StandardCharsets.UTF_8));
            for (int i = 148; i < 156; i++) {
                h[i] = ' ';
            }
            long sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            put(h, 148, 8, (String.format("%06o", sum) + "\0 ").getBytes(StandardCharsets.US_ASCII));
            return h;
        }

        private static byte[] octal(long value, int digits) {
            return (String.format("%0" + digits + "o", value) + "\0").getBytes(StandardCharsets.US_ASCII);
        }

        private static void put(byte[] h, int at, int length, byte[] value) {
            if (value.length > length) {
                throw new IllegalArgumentException("tar header field too long");
            }
            System.arraycopy(value, 0, h, at, value.length);
        }
    }

    /** A zip for Windows, where Explorer opens it without any tool; it carries no execute bits (Windows needs none). */
    static final class Zip {
        static void write(Path image, String root, Path archive) throws IOException {
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(archive), 1 << 16))) {
                zip.setLevel(Deflater.DEFAULT_COMPRESSION);
                for (Map.Entry<String, Path> e : entries(image, root)) {
                    ZipEntry entry = new ZipEntry(e.getKey());
                    entry.setLastModifiedTime(Files.getLastModifiedTime(e.getValue()));
                    zip.putNextEntry(entry);
                    if (!Files.isDirectory(e.getValue())) {
                        Files.copy(e.getValue(), zip);
                    }
                    zip.closeEntry();
                }
            }
        }
    }
}
