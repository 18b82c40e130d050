package fitlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The compiler directives that keep C2 for the training code of {@code run}, {@code resume} and {@code serve}: the JVM
 * accepts them, and every fitlab package they name exists, so a rename cannot silently send training to C1 alone.
 */
class CompilerPolicyTest {
    @Test
    void theJvmTakesTheDirectivesAndPrintsThemBack() throws Exception {
        String answer = CompilerPolicy.install().orElseThrow(() -> new AssertionError("the directives were not added"));
        assertTrue(answer.equals("3 compiler directives added") || answer.equals("already added"), answer);
        String printed = CompilerPolicy.printed();
        assertTrue(printed.contains("fitlab/model/*.*") && printed.contains("fitlab/train/*.*"), printed);
        // the first matching directive wins: early stopping's bookkeeping before the rest of fitlab/train, the
        // catch-all last
        assertTrue(printed.indexOf("fitlab/train/stopping/*.*") < printed.indexOf("fitlab/train/*.*"), printed);
        assertTrue(printed.indexOf("fitlab/train/*.*") < printed.indexOf("matching: *.*"), printed);
        assertEquals("already added", CompilerPolicy.install().orElseThrow(), "added once per process");
    }

    @Test
    void everyFitlabPackageTheDirectivesNameExists() throws IOException {
        List<String> packages = new ArrayList<>();
        Matcher m = Pattern.compile("\"(fitlab/[a-z/]+)/\\*\\.\\*\"").matcher(directives());
        while (m.find()) {
            packages.add(m.group(1));
        }
        assertTrue(packages.size() >= 4, "" + packages);
        for (String p : packages) {
            assertTrue(Files.isDirectory(Path.of("src/main/java").resolve(p)), p + ": no such package");
        }
        for (String training : List.of("fitlab/train", "fitlab/model", "fitlab/random")) {
            assertTrue(packages.contains(training), training + " keeps C2");
        }
        // code that runs once per epoch or per checkpoint: C2 spent more CPU compiling it than it saved
        for (String once : List.of("fitlab/report", "fitlab/serve", "fitlab/pth", "fitlab/checkpoint", "fitlab/experiment", "fitlab/runfolder")) {
            assertTrue(!packages.contains(once), once + " runs on C1");
        }
    }

    private static String directives() throws IOException {
        try (InputStream in = CompilerPolicy.class.getResourceAsStream(CompilerPolicy.DIRECTIVES)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
