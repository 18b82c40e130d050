package fitlab.packaging;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.Deflater;

/**
 * Builds the runnable jar {@code mvn package} makes (target/fitlab.jar) from the build's classes and the runtime
 * class path the pom writes to {@code target/runtime-classpath.txt}: the tests that run fitlab as a teacher would
 * (java -jar, the app image) need it during {@code mvn test}, which runs before the package phase. It merges the
 * jars as the pom's shade configuration does: first copy of a class wins, service files concatenated, signature
 * files and module descriptors dropped, a manifest naming fitlab.cli.Main.
 */
final class RunnableJar {
    static final Path CLASSES = Path.of("target", "classes");
    static final Path RUNTIME_CLASSPATH = Path.of("target", "runtime-classpath.txt");

    private RunnableJar() {}

    static Path build(Path jar) throws IOException {
        if (!Files.isRegularFile(RUNTIME_CLASSPATH)) {
            throw new IllegalStateException(RUNTIME_CLASSPATH + " is missing: the pom's dependency:build-classpath step writes it");
        }
        List<Path> libraries = new ArrayList<>();
        for (String entry : Files.readString(RUNTIME_CLASSPATH).strip().split(java.io.File.pathSeparator)) {
            if (!entry.isBlank()) {
                libraries.add(Path.of(entry));
            }
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "fitlab.cli.Main");
        manifest.getMainAttributes().put(new Attributes.Name("Multi-Release"), "true");
        Map<String, ByteArrayOutputStream> services = new LinkedHashMap<>();
        java.util.Set<String> written = new java.util.HashSet<>();
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            out.setLevel(Deflater.BEST_SPEED); // a test artefact: its size is not what is measured
            written.add("META-INF/MANIFEST.MF");
            try (Stream<Path> files = Files.walk(CLASSES)) {
                for (Path f : files.filter(Files::isRegularFile).sorted().toList()) {
                    String name = CLASSES.relativize(f).toString().replace('\\', '/');
                    try (InputStream in = Files.newInputStream(f)) {
                        add(out, name, in, written, services);
                    }
                }
            }
            for (Path library : libraries) {
                try (JarFile lib = new JarFile(library.toFile())) {
                    for (JarEntry e : java.util.Collections.list(lib.entries())) {
                        if (!e.isDirectory()) {
                            try (InputStream in = lib.getInputStream(e)) {
                                add(out, e.getName(), in, written, services);
                            }
                        }
                    }
                }
            }
            for (Map.Entry<String, ByteArrayOutputStream> s : services.entrySet()) {
                out.putNextEntry(new JarEntry(s.getKey()));
                s.getValue().writeTo(out);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void add(JarOutputStream out, String name, InputStream in, java.util.Set<String> written,
                            Map<String, ByteArrayOutputStream> services) throws IOException {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        if (upper.equals("META-INF/MANIFEST.MF") || name.endsWith("module-info.class")
                || (upper.startsWith("META-INF/") && (upper.endsWith(".SF") || upper.endsWith(".DSA") || upper.endsWith(".RSA")))) {
            return;
        }
        if (name.startsWith("META-INF/services/")) {
            OutputStream merged = services.computeIfAbsent(name, k -> new ByteArrayOutputStream());
            in.transferTo(merged);
            merged.write('\n');
            return;
        }
        if (!written.add(name)) {
            return;
        }
        out.putNextEntry(new JarEntry(name));
        in.transferTo(out);
        out.closeEntry();
    }
}
