package fitlab.packaging;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The three ways to start fitlab (./fitlab, fitlab.cmd, the app image's launcher) give the JVM the same flags, and the
 * two build-on-first-use launchers build only the jar: a flag added to one and forgotten in another would make a
 * lesson behave differently on Windows, or make ./fitlab pay for jlink + jpackage on every rebuild.
 */
class LaunchersTest {
    private static final List<String> JVM_FLAGS = List.of("-XX:+UseParallelGC", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
            "-Dfitlab.home=");

    @Test
    void everyLauncherPassesTheSameJvmFlags() throws IOException {
        String bash = Files.readString(Path.of("fitlab"));
        String cmd = Files.readString(Path.of("fitlab.cmd"));
        String image = Files.readString(Path.of("packaging", "AppImage.java"));
        for (String flag : JVM_FLAGS) {
            assertTrue(bash.contains(flag), "./fitlab: " + flag);
            assertTrue(cmd.contains(flag), "fitlab.cmd: " + flag);
            assertTrue(image.contains("\"" + flag), "packaging/AppImage.java: " + flag);
        }
        assertTrue(bash.contains("${FITLAB_JAVA_OPTS:-}") && cmd.contains("%FITLAB_JAVA_OPTS%"), "both honour FITLAB_JAVA_OPTS");
    }

    /** Both build-on-first-use launchers give the same commands the client compiler alone, and no training command. */
    @Test
    void bothLaunchersRunTheSameCommandsOnTheClientCompiler() throws IOException {
        java.util.regex.Matcher bash = java.util.regex.Pattern.compile("case \"\\$\\{1:-}\" in ([a-z|]+)\\) jit=\"-XX:TieredStopAtLevel=1\"")
                .matcher(Files.readString(Path.of("fitlab")));
        java.util.regex.Matcher cmd = java.util.regex.Pattern.compile("for %%c in \\(([a-z ]+)\\) do if /i \"%~1\"==\"%%c\" set \"FITLAB_JIT=-XX:TieredStopAtLevel=1\"")
                .matcher(Files.readString(Path.of("fitlab.cmd")));
        assertTrue(bash.find(), "./fitlab chooses the compiler per command");
        assertTrue(cmd.find(), "fitlab.cmd chooses the compiler per command");
        List<String> c1 = List.of(bash.group(1).split("\\|"));
        assertEquals(c1, List.of(cmd.group(1).split(" ")));
        for (String training : List.of("run", "resume", "serve")) {
            assertFalse(c1.contains(training), training + " trains: it keeps C2's vectorised kernels");
        }
        assertTrue(c1.contains("report") && c1.contains("verify"), "" + c1);
    }

    @Test
    void theLaunchersBuildTheJarWithoutTheAppImage() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        assertTrue(pom.contains("<skip>${fitlab.skipAppImage}</skip>"), "the pom's app-image step can be skipped");
        for (String launcher : List.of("fitlab", "fitlab.cmd")) {
            String text = Files.readString(Path.of(launcher));
            assertTrue(text.contains("mvn -B -q -DskipTests -Dfitlab.skipAppImage=true package"), launcher);
        }
    }

    @Test
    void theWindowsLauncherHasWindowsLineEndings() throws IOException {
        byte[] bytes = Files.readAllBytes(Path.of("fitlab.cmd"));
        String text = new String(bytes, StandardCharsets.US_ASCII);
        assertTrue(text.startsWith("@echo off\r\n"));
        assertEquals(text.split("\n", -1).length - 1, text.split("\r\n", -1).length - 1, "every line ends in CRLF");
        for (byte b : bytes) {
            assertTrue(b >= 0, "ASCII only: cmd.exe reads batch files in the console's code page");
        }
    }
}
