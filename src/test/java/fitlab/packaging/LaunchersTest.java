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
