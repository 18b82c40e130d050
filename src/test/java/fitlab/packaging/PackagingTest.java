package fitlab.packaging;

import static org.junit.jupiter.api.Assertions.*;

import fitlab.cli.Cli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * fitlab as a teacher meets it: the runnable jar started with {@code java -jar} from a folder that is not the
 * checkout, and the self-contained app image unpacked and run with no Java on the PATH. Both must write the same
 * checkpoints, byte for byte, as the build run in-process.
 */
@Tag("slow")
class PackagingTest {
    private static final Path CHECKOUT = Path.of("").toAbsolutePath();

    @TempDir
    static Path shared;
    static Path jar;

    @TempDir
    Path dir;

    @BeforeAll
    static void buildTheRunnableJar() throws IOException {
        jar = RunnableJar.build(shared.resolve("fitlab.jar"));
    }

    @Test
    void javaDashJarListsAndRunsTheBundledLessonsFromAnyFolder() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("classroom"));
        assertFalse(outside.startsWith(CHECKOUT), "the folder is outside the checkout");
        assertFalse(Files.exists(outside.resolve("experiments")));

        JdkTools.Result list = JdkTools.run(List.of(JdkTools.JAVA.toString(), "-jar", jar.toString(), "list"), outside, null, 120);
        assertEquals(0, list.exitCode(), list.err());
        List<String> lines = list.out().lines().toList();
        assertEquals(14, lines.size(), list.out());
        assertTrue(lines.get(0).startsWith("01-polynomial-degree.yaml ") && lines.get(0).contains("cells"), lines.get(0));
        assertTrue(lines.get(13).startsWith("14-resume-without-early-stopping.yaml "), lines.get(13));

        // a shortened lesson 01 by name, into runs/ under the working directory as ./fitlab would
        List<String> shorter = List.of("--quick", "--set", "sweep.model.degree=[1,4]", "--set", "training.epochs=100", "--threads", "1");
        List<String> command = new ArrayList<>(List.of(JdkTools.JAVA.toString(), "-jar", jar.toString(), "run", "polynomial-degree"));
        command.addAll(shorter);
        JdkTools.Result run = JdkTools.run(command, outside, null, 600);
        assertEquals(0, run.exitCode(), run.err());
        Path runs = outside.resolve("runs").resolve("polynomial-degree");
        List<Path> stamped;
        try (Stream<Path> s = Files.list(runs)) {
            stamped = s.toList();
        }
        assertEquals(1, stamped.size(), "one timestamped run folder under the working directory's runs/");

        Path reference = dir.resolve("reference");
        List<String> inProcess = new ArrayList<>(List.of("run", "experiments/01-polynomial-degree.yaml", "--out", reference.toString()));
        inProcess.addAll(shorter);
        Cli.Result ref = Cli.run(inProcess.toArray(String[]::new));
        assertEquals(0, ref.exitCode(), ref.err());
        assertSameCheckpoints(reference, stamped.get(0));

        JdkTools.Result missing = JdkTools.run(List.of(JdkTools.JAVA.toString(), "-jar", jar.toString(), "run", "nope"), outside, null, 120);
        assertEquals(2, missing.exitCode());
        assertEquals("fitlab: nope: no such file, and no bundled lesson of that name (see 'fitlab list')", missing.err().strip());
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void theAppImageRunsLessonOneWithNoJavaOnThePath() throws IOException, InterruptedException {
        JdkTools.require();
        Path build = dir.resolve("build");
        JdkTools.Result image = JdkTools.run(List.of(JdkTools.JAVA.toString(), CHECKOUT.resolve("packaging/AppImage.java").toString(),
                "--jar", jar.toString(), "--home", CHECKOUT.toString(), "--dest", build.toString(), "--version", "test",
                "--archives", "tar.gz,zip"), dir, null, 600);
        assertEquals(0, image.exitCode(), image.err());
        List<Path> archives = image.out().lines().filter(l -> l.startsWith("archive: ")).map(l -> Path.of(l.substring(9))).toList();
        assertEquals(List.of("fitlab-test-linux-" + arch() + ".tar.gz", "fitlab-test-linux-" + arch() + ".zip"),
                archives.stream().map(p -> p.getFileName().toString()).toList());
        Path archive = archives.get(0);

        // unpacked elsewhere, as from a USB stick: nothing of the build folder is used
        Path stick = Files.createDirectories(dir.resolve("stick"));
        JdkTools.Result untar = JdkTools.run(List.of("tar", "-xzf", archive.toString(), "-C", stick.toString()), dir, null, 300);
        assertEquals(0, untar.exitCode(), untar.err());
        assertEquals(filesUnder(stick), zipEntries(archives.get(1)), "the zip holds the same image as the tar.gz");
        AppImageTestSupport.deleteTree(build);
        Path launcher = stick.resolve("fitlab/bin/fitlab");
        assertTrue(Files.isExecutable(launcher), "the archive keeps the launcher's execute bit");
        String modules = Files.readAllLines(stick.resolve("fitlab/lib/runtime/release")).stream()
                .filter(l -> l.startsWith("MODULES=")).findFirst().orElseThrow();
        assertTrue(modules.contains("java.desktop") && !modules.contains("jdk.compiler") && !modules.contains("java.net.http"),
                "a runtime trimmed to what fitlab uses: " + modules);
        assertTrue(Files.isRegularFile(stick.resolve("fitlab/lib/app/experiments/01-polynomial-degree.yaml")));
        assertTrue(Files.isDirectory(stick.resolve("fitlab/lib/app/notebooks")));
        assertTrue(Files.isDirectory(stick.resolve("fitlab/lib/app/datasets/polynomial-degree")));

        Path noJava = Files.createDirectories(dir.resolve("no-java-bin"));
        Path classroom = Files.createDirectories(dir.resolve("classroom"));
        Map<String, String> bare = Map.of("PATH", noJava.toString(), "HOME", classroom.toString(), "LC_ALL", "C.UTF-8");
        // the image's run in the background while the reference trains in this JVM: two cores, two runs
        var imageRun = new java.util.concurrent.CompletableFuture<JdkTools.Result>();
        Thread t = new Thread(() -> {
            try {
                imageRun.complete(JdkTools.run(List.of("/usr/bin/env", "-i", "PATH=" + noJava, "HOME=" + classroom, "LC_ALL=C.UTF-8",
                        launcher.toString(), "run", "01", "--quick", "--lang", "zh", "--out", "image-run", "--threads", "1"), classroom, bare, 600));
            } catch (Throwable e) {
                imageRun.completeExceptionally(e);
            }
        });
        t.start();
        Path reference = dir.resolve("reference");
        Cli.Result ref = Cli.run("run", "experiments/01-polynomial-degree.yaml", "--quick", "--lang", "zh", "--out", reference.toString(),
                "--threads", "1");
        assertEquals(0, ref.exitCode(), ref.err());
        t.join();
        JdkTools.Result run = imageRun.join();
        assertEquals(0, run.exitCode(), run.out() + run.err());
        assertTrue(run.out().contains("report: image-run"), run.out());
        assertSameCheckpoints(reference, classroom.resolve("image-run"));

        // Chinese charts (--lang zh, on both sides so the configs in the checkpoints agree): the image's trimmed runtime
        // uses the system's fonts, and says which to install when it has none
        String index = Files.readString(classroom.resolve("image-run/report/index.html"));
        if (systemHasACjkFont()) {
            assertFalse(run.err().contains("no CJK font"), run.err());
            assertTrue(index.contains("过拟合"), "the report is in Chinese");
        } else {
            assertTrue(run.err().contains("no CJK font found (install fonts-noto-cjk)"), run.err());
            assertFalse(index.contains("过拟合"), "drawn in English rather than in boxes");
        }
    }

    private static boolean systemHasACjkFont() {
        for (String family : java.awt.GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(java.util.Locale.ROOT)) {
            if (new java.awt.Font(family, java.awt.Font.PLAIN, 12).canDisplayUpTo("过拟合欠拟合训练验证测试") == -1) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every checkpoint of one run folder equals the other's, byte for byte (and there are some), and so does every
     * metrics.csv but for its wall-clock {@code seconds} column.
     */
    static void assertSameCheckpoints(Path expected, Path actual) throws IOException {
        Map<String, byte[]> want = trainedFiles(expected);
        Map<String, byte[]> got = trainedFiles(actual);
        assertTrue(want.keySet().stream().filter(k -> k.endsWith(".pth")).count() >= 6, "checkpoints to compare: " + want.keySet());
        assertEquals(want.keySet(), got.keySet());
        for (String name : want.keySet()) {
            assertArrayEquals(want.get(name), got.get(name), name);
        }
    }

    private static Map<String, byte[]> trainedFiles(Path run) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        Path cells = run.resolve("cells");
        try (Stream<Path> s = Files.walk(cells)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                String name = cells.relativize(f).toString();
                if (name.endsWith(".pth")) {
                    files.put(name, Files.readAllBytes(f));
                } else if (name.endsWith("metrics.csv")) {
                    files.put(name, withoutSeconds(Files.readAllLines(f)).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private static String withoutSeconds(List<String> lines) {
        int seconds = List.of(lines.get(0).split(",")).indexOf("seconds");
        assertTrue(seconds >= 0, "metrics.csv has a seconds column: " + lines.get(0));
        StringBuilder sb = new StringBuilder();
        for (String line : lines) {
            List<String> fields = new ArrayList<>(List.of(line.split(",", -1)));
            fields.remove(seconds);
            sb.append(String.join(",", fields)).append('\n');
        }
        return sb.toString();
    }

    private static java.util.Set<String> filesUnder(Path root) throws IOException {
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(Files::isRegularFile).map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    private static java.util.Set<String> zipEntries(Path zip) throws IOException {
        try (var z = new java.util.zip.ZipFile(zip.toFile())) {
            return z.stream().filter(e -> !e.isDirectory()).map(java.util.zip.ZipEntry::getName)
                    .collect(java.util.stream.Collectors.toCollection(java.util.TreeSet::new));
        }
    }

    private static String arch() {
        String a = System.getProperty("os.arch");
        return a.equals("amd64") || a.equals("x86_64") ? "x64" : a;
    }
}
