package fitlab.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens report/index.html from disk in a real headless Chromium: no errors, and every image displayed. A copy of the page
 * gets a small script that records errors (script errors and failed resource loads) and each image's naturalWidth into
 * the DOM, which {@code --dump-dom} prints. In CI (CI=true) Chromium must be present; locally the test skips without it.
 */
class HtmlReportBrowserTest {
    private static final String PROBE = """
            <script>
            window.__errors = [];
            window.addEventListener('error', e => window.__errors.push(e.message || ('failed to load ' + (e.target && (e.target.src || e.target.href)))), true);
            window.addEventListener('load', () => {
              const imgs = Array.from(document.images);
              const out = document.createElement('pre');
              out.id = 'probe';
              out.textContent = 'IMAGES ' + imgs.length + ' BROKEN ' + imgs.filter(i => !(i.complete && i.naturalWidth > 0)).map(i => i.getAttribute('src')).join('|')
                + ' ERRORS ' + window.__errors.length + ' ' + window.__errors.join('|') + ' END';
              document.body.appendChild(out);
            });
            </script>
            """;

    @Test
    void theReportOpensFromDiskWithEveryImageAndNoErrors(@TempDir Path profile) throws Exception {
        Optional<Path> chromium = chromium();
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(chromium.isPresent(), "CI needs chromium (apt-get install -y --no-install-recommends chromium)");
        }
        Assumptions.assumeTrue(chromium.isPresent(), "chromium not installed: apt-get install -y --no-install-recommends chromium");
        RunFolder run = SmallRuns.copy(SmallRuns.ADAM);
        Report report = ReportService.render(run, Optional.of("zh"), n -> {});
        String html = Files.readString(report.index(), StandardCharsets.UTF_8);
        assertTrue(!html.contains("http://") && !html.contains("https://"), "no network references");
        Path probe = report.index().resolveSibling("probe.html");
        Files.writeString(probe, html.replace("<head>\n", "<head>\n" + PROBE), StandardCharsets.UTF_8);

        List<String> cmd = new ArrayList<>(List.of(chromium.get().toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--no-first-run", "--disable-sync",
                "--user-data-dir=" + profile, "--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
                probe.toUri().toString()));
        Process p = new ProcessBuilder(cmd).redirectError(profile.resolve("stderr.txt").toFile()).start();
        String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        Matcher mt = Pattern.compile("IMAGES (\\d+) BROKEN (.*?) ERRORS (\\d+) (.*?) END").matcher(dom);
        assertTrue(mt.find(), "probe did not run; stderr: " + Files.readString(profile.resolve("stderr.txt")));
        int images = Integer.parseInt(mt.group(1));
        long expected = report.charts().size() + report.charts().stream().filter(c -> !c.gifFrames().isEmpty()).count();
        assertEquals(expected, images);
        assertEquals("", mt.group(2).strip(), "images not displayed");
        assertEquals("0", mt.group(3), "errors: " + mt.group(4));
    }

    private static Optional<Path> chromium() {
        for (String name : new String[] {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
            Path p = Path.of(name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
