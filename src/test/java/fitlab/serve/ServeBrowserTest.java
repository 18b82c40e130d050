package fitlab.serve;

import com.fasterxml.jackson.databind.JsonNode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fitlab.testsupport.PyTorch;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;

/**
 * The live lab in a real headless Chromium (Debian's chromium and chromium-driver, driven by Selenium): lesson 01,
 * the degree slider, Train; the loss curve grows point by point to the epoch count, the fit is redrawn, the best
 * epoch is marked; Verify says every checkpoint reproduces its losses; best.pth downloads and loads in PyTorch; the
 * page in Chinese; the shared link gives byte-identical checkpoints; Continue draws lesson 14's continuation; a sweep
 * fills in the capacity curve. Screenshots go to target/serve-*.png.
 */
class ServeBrowserTest {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /**
     * Enough epochs for the page to see the curve grow several times (it redraws at most 10 times a second): at
     * 5 000, a faster polynomial epoch left the page two intermediate frames on an idle machine. With
     * {@link #TRAIN_POINTS} the run trains for over a second here (0.4 s on 30 points, which the faster trainer of
     * late left three or four frames).
     */
    private static final int EPOCHS = 20000;
    /** The page's largest training set: each epoch costs more, so the run lasts long enough to watch. */
    private static final int TRAIN_POINTS = 1000;

    private ChromeDriver browser;
    private LabFixture lab;

    /** A fresh server and browser on {@code /?query}, once the page has taken the lesson from the URL. */
    private void openLesson(Path runs, Path profile, String query) throws Exception {
        requireBrowser();
        lab = new LabFixture(runs);
        browser = start(profile, profile.resolve("downloads"));
        browser.get(lab.base() + "/?" + query);
        watchErrors();
        waitFor(() -> browser.findElement(By.id("quick")).isSelected() && !text("question").isEmpty(), 30, "the lesson from the URL");
    }

    private void trainAndWaitUntilFinished() throws InterruptedException {
        browser.findElement(By.id("train")).click();
        waitFor(() -> "finished".equals(browser.findElement(By.id("status")).getAttribute("data-state")), 180, "the run");
    }

    /** Records every uncaught script error of the page from now on (one thrown in a frame stops all its drawing). */
    private void watchErrors() {
        js("window.__errors = []; window.addEventListener('error', (e) => window.__errors.push(e.message + ' at ' + e.lineno + ':' + e.colno));");
    }

    private void assertNoPageErrors() {
        assertEquals(List.of(), js("return window.__errors"), "uncaught script errors on the page");
    }

    @AfterEach
    void close() {
        if (browser != null) {
            browser.quit();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aStudentTrainsWatchesVerifiesDownloadsAndSharesARun(@TempDir Path runs, @TempDir Path profile, @TempDir Path downloads)
            throws Exception {
        requireBrowser();
        lab = new LabFixture(runs);
        browser = start(profile, downloads);
        browser.get(lab.base() + "/?lang=en");
        watchErrors();
        waitFor(() -> new Select(browser.findElement(By.id("lesson"))).getOptions().size() == 14, 30, "the 14 lessons are listed");
        new Select(browser.findElement(By.id("lesson"))).selectByValue("01-polynomial-degree");
        assertTrue(text("question").contains("Which polynomial degree"), text("question"));
        browser.findElement(By.id("quick")).click();
        slide("slider-model.degree", 9);
        typeValue("value-training.epochs", String.valueOf(EPOCHS));
        typeValue("value-data.train", String.valueOf(TRAIN_POINTS));
        assertTrue(browser.getCurrentUrl().contains("model.degree=9"), browser.getCurrentUrl());
        assertTrue(browser.getCurrentUrl().contains("data.train=" + TRAIN_POINTS), browser.getCurrentUrl());

        Watched en = trainAndWatch(Path.of("target", "serve-en.png"));
        assertTrue(en.distinctPointCounts() >= 3, "the loss curve grows while it trains: " + en.pointCounts);
        assertEquals(EPOCHS + 1, en.finalPoints(), "one point per epoch, 0.." + EPOCHS);
        assertTrue(en.fitEpochs.size() >= 2, "the fit is redrawn as training proceeds: " + en.fitEpochs);
        int best = Integer.parseInt(browser.findElement(By.id("loss-chart")).getAttribute("data-best-epoch"));
        assertTrue(best > 0, "a best epoch");
        List<WebElement> marker = browser.findElements(By.cssSelector("#markers li.marker-best"));
        assertEquals(1, marker.size());
        assertEquals("best epoch " + best, marker.get(0).getText());
        String runId = (String) js("return page.run");
        assertEquals(best, LabFixture.json(lab.get("/api/runs/" + runId)).get("cells").get(0).get("done").get("bestEpoch").asInt());

        browser.findElement(By.id("verify")).click();
        waitFor(() -> text("verify-verdict").startsWith("every checkpoint"), 120, "the verify verdict");
        assertTrue(text("verify-verdict").startsWith("every checkpoint reproduces its losses"), text("verify-verdict"));
        assertTrue(browser.findElements(By.cssSelector("#verify-table tr")).size() > 10, "a row per checkpoint");

        waitFor(() -> !browser.findElements(By.cssSelector("a.download[data-file='best.pth']")).isEmpty(), 30, "the download links");
        browser.findElement(By.cssSelector("a.download[data-file='best.pth']")).click();
        Path file = downloads.resolve("best.pth");
        waitFor(() -> Files.isRegularFile(file) && !Files.exists(downloads.resolve("best.pth.crdownload")), 30, "best.pth downloaded");
        Path folder = runs.resolve(LabFixture.json(lab.get("/api/runs/" + runId)).get("folder").asText());
        assertArrayEquals(Files.readAllBytes(folder.resolve("cells/base/best.pth")), Files.readAllBytes(file));
        if (PyTorch.isAvailable() || "true".equalsIgnoreCase(System.getenv("CI"))) {
            String out = PyTorch.runOk("import sys, torch\nc = torch.load(sys.argv[1])\nprint(c['epoch'], sorted(c['model_state_dict'].keys()))\n",
                    downloads, file.toString());
            assertEquals(best + " ['linear.bias', 'linear.weight', 'x_max', 'x_min']", out.strip());
        }

        // the shared link, opened in Chinese, reproduces the run bit for bit
        String shared = browser.findElement(By.id("share")).getAttribute("href").replace("lang=en", "lang=zh");
        browser.get(shared);
        watchErrors();
        waitFor(() -> text("train").equals("训练"), 30, "the page in Chinese");
        assertEquals("English", text("lang-switch"));
        assertEquals("就绪", text("status"));
        assertEquals("9", browser.findElement(By.id("value-model.degree")).getAttribute("value"));
        Watched zh = trainAndWatch(Path.of("target", "serve-zh.png"));
        assertEquals(EPOCHS + 1, zh.finalPoints());
        assertTrue(browser.findElements(By.cssSelector("#markers li.marker-best")).get(0).getText().startsWith("最佳轮次"));
        String zhRun = (String) js("return page.run");
        Path zhFolder = runs.resolve(LabFixture.json(lab.get("/api/runs/" + zhRun)).get("folder").asText());
        assertSameCheckpoints(folder.resolve("cells/base"), zhFolder.resolve("cells/base"));
        assertNoPageErrors();
    }

    @Test
    void continueWithoutEarlyStoppingDrawsTheContinuationPastTheStopPoint(@TempDir Path runs, @TempDir Path profile) throws Exception {
        // the lesson continues its stopped cell in the same run (early_stopping.continue_after_stop): the page follows
        // the continuation as a second cell and draws it past the stop point
        openLesson(runs, profile, "lesson=14-resume-without-early-stopping&quick=1&lang=en");
        trainAndWaitUntilFinished();
        JsonNode cells = LabFixture.json(lab.get("/api/runs/" + js("return page.run"))).get("cells");
        int stop = cells.get(0).get("done").get("stopEpoch").asInt();
        String resumed = "base@resume-from-" + stop;
        assertEquals(resumed, cells.get(1).get("id").asText(), cells.toString());
        int continued = cells.get(1).get("epochs").asInt();
        new Select(browser.findElement(By.id("cell"))).selectByVisibleText(resumed);
        waitFor(() -> String.valueOf(continued).equals(browser.findElement(By.id("loss-chart")).getAttribute("data-points")), 10,
                continued + " continued epochs drawn");
        Files.write(Path.of("target", "serve-continue.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertEquals(String.valueOf(stop - 100), browser.findElement(By.id("loss-chart")).getAttribute("data-best-epoch"),
                "the best epoch stays the original's: patience 100 before the stop");
        new Select(browser.findElement(By.id("cell"))).selectByVisibleText("base");
        waitFor(() -> browser.findElements(By.cssSelector("#markers li")).stream().anyMatch(li -> li.getText().startsWith("patience runs out")),
                10, "the original cell's stop marker");
        assertNoPageErrors();
    }

    @Test
    void aClassificationSweepDrawsEachCellsBoundaryAndOneCapacityCurvePerDataKind(@TempDir Path runs, @TempDir Path profile)
            throws Exception {
        openLesson(runs, profile, "lesson=13-classification-capacity&quick=1&lang=en");
        assertEquals("[moons, spiral]", browser.findElement(By.id("sweep-data.kind")).getAttribute("value"));
        trainAndWaitUntilFinished();
        waitFor(() -> "600".equals(browser.findElement(By.id("fit-chart")).getAttribute("data-fit-epoch")), 10, "the last checkpoint's boundary");
        assertEquals("kind=spiral,hidden=32-32", new Select(browser.findElement(By.id("cell"))).getFirstSelectedOption().getText());
        assertTrue(text("fit-title").startsWith("Decision boundary"), text("fit-title"));
        List<String> legend = browser.findElements(By.cssSelector("#loss-chart .u-legend .u-label")).stream().map(WebElement::getText).toList();
        assertTrue(legend.containsAll(List.of("training loss", "validation loss", "test loss")), legend.toString());
        assertTrue(legend.stream().noneMatch(l -> l.contains("noise floor")), "classes have no noise floor to draw: " + legend);
        // the spiral cell's curve: its own kind's two widths, not the moons' points mixed in
        waitFor(() -> "kind=spiral".equals(browser.findElement(By.id("capacity-chart")).getAttribute("data-group"))
                && "2".equals(browser.findElement(By.id("capacity-chart")).getAttribute("data-points")), 10, "the spiral's capacity curve");
        assertEquals("Capacity curve — kind=spiral", text("capacity-title"));
        Files.write(Path.of("target", "serve-boundary-en.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertEquals("kind=spiral,hidden=32-32", browser.findElement(By.id("capacity-chart")).getAttribute("data-selected"),
                "the selected cell's point is ringed");
        new Select(browser.findElement(By.id("cell"))).selectByVisibleText("kind=moons,hidden=2");
        waitFor(() -> "kind=moons".equals(browser.findElement(By.id("capacity-chart")).getAttribute("data-group")), 10, "the moons' curve");
        waitFor(() -> "kind=moons,hidden=2".equals(browser.findElement(By.id("capacity-chart")).getAttribute("data-selected")), 10,
                "the ring follows the selection");
        browser.findElement(By.id("lang-switch")).click();
        waitFor(() -> text("fit-title").startsWith("决策边界"), 10, "the boundary panel in Chinese");
        assertTrue(browser.findElements(By.cssSelector("#loss-chart .u-legend .u-label")).stream().map(WebElement::getText)
                .anyMatch(l -> l.equals("验证损失")), "the loss chart's legend in Chinese");
        waitFor(() -> text("capacity-title").equals("容量曲线 — kind=moons"), 10, "the capacity panel in Chinese");
        Files.write(Path.of("target", "serve-boundary-zh.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertNoPageErrors();
    }

    @Test
    void aLeastSquaresSweepPastInterpolationDrawsBothCharts(@TempDir Path runs, @TempDir Path profile) throws Exception {
        // lesson 12: degrees up to 200 on 20 points, a training loss of 10⁻³⁰ past the threshold and held-out losses of
        // 10⁹ at it; a log axis over all that once threw inside uPlot, and both charts stayed blank
        openLesson(runs, profile, "lesson=12-double-descent&quick=1&lang=en");
        trainAndWaitUntilFinished();
        int cells = LabFixture.json(lab.get("/api/runs/" + js("return page.run"))).get("cells").size();
        waitFor(() -> String.valueOf(cells).equals(browser.findElement(By.id("capacity-chart")).getAttribute("data-points")), 10,
                "every degree on the capacity curve");
        assertEquals("2", browser.findElement(By.id("loss-chart")).getAttribute("data-points"), "least squares: epochs 0 and 1");
        waitFor(() -> browser.findElements(By.cssSelector("#markers li")).stream()
                .anyMatch(li -> li.getText().equals("solved in closed form (least squares): epoch 1 is the solution")), 10, "how it stopped");
        // the labels uPlot drew on the loss axis (its canvas holds no text to read; _values is what it wrote there)
        Object ticks = js("return page.capacityPlot.axes[1]._values");
        assertTrue(ticks instanceof List<?> l && l.contains("1e9") && l.contains("0.001") && l.size() <= 8,
                "every few decades labelled, the peak's among them: " + ticks);
        assertNoPageErrors();
        Files.write(Path.of("target", "serve-double-descent-en.png"), browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void aLessonThatSweepsSeedsTrainsEverySeedFromThePage(@TempDir Path runs, @TempDir Path profile) throws Exception {
        openLesson(runs, profile, "lesson=11-bias-variance&quick=1&lang=en");
        trainAndWaitUntilFinished();
        // the seed slider's default is not a setting the student chose: the lesson's twelve seeds per degree all train
        assertEquals(36, LabFixture.json(lab.get("/api/runs/" + js("return page.run"))).get("cells").size());
        waitFor(() -> "3".equals(browser.findElement(By.id("capacity-chart")).getAttribute("data-points")), 10,
                "one point per degree, the seeds pooled");
        assertNoPageErrors();
    }

    @Test
    void aSweepFillsInTheCapacityCurve(@TempDir Path runs, @TempDir Path profile) throws Exception {
        requireBrowser();
        lab = new LabFixture(runs);
        browser = start(profile, profile.resolve("downloads"));
        browser.get(lab.base() + "/?lesson=01-polynomial-degree&quick=1&training.epochs=300&lang=zh");
        watchErrors();
        waitFor(() -> browser.findElement(By.id("quick")).isSelected() && text("train").equals("训练"), 30, "the lesson from the URL");
        assertEquals("[1, 4, 15]", browser.findElement(By.id("sweep-model.degree")).getAttribute("value"), "the quick run's sweep");
        browser.findElement(By.id("train")).click();
        waitFor(() -> "finished".equals(browser.findElement(By.id("status")).getAttribute("data-state")), 180, "the sweep");
        waitFor(() -> "3".equals(browser.findElement(By.id("capacity-chart")).getAttribute("data-points")), 10, "three cells on the capacity curve");
        assertTrue(browser.findElement(By.id("capacity-panel")).isDisplayed());
        assertEquals(List.of("degree=1", "degree=4", "degree=15"),
                new Select(browser.findElement(By.id("cell"))).getOptions().stream().map(WebElement::getText).toList());
        Files.write(Path.of("target", "serve-sweep-zh.png"), browser.getScreenshotAs(OutputType.BYTES));
        assertNoPageErrors();
    }

    /** Presses Train and samples the page every 25 ms until the run has finished; a screenshot mid-way and one at the end. */
    private Watched trainAndWatch(Path screenshot) throws Exception {
        // every value the page draws, recorded in the page itself (polling from here could miss a fast run's steps)
        js("""
                window.__points = []; window.__fits = [];
                const chart = document.getElementById('loss-chart'), fit = document.getElementById('fit-chart');
                new MutationObserver(() => window.__points.push(Number(chart.dataset.points))).observe(chart, { attributes: true });
                new MutationObserver(() => window.__fits.push(Number(fit.dataset.fitEpoch))).observe(fit, { attributes: true });
                """);
        browser.findElement(By.id("train")).click();
        Watched w = new Watched();
        long end = System.nanoTime() + 180_000_000_000L;
        boolean shot = false;
        while (System.nanoTime() < end) {
            int points = Integer.parseInt(browser.findElement(By.id("loss-chart")).getAttribute("data-points"));
            if (!shot && points > 0 && points < EPOCHS + 1) {
                Files.createDirectories(screenshot.getParent());
                Files.write(screenshot, browser.getScreenshotAs(OutputType.BYTES));
                shot = true;
            }
            String state = browser.findElement(By.id("status")).getAttribute("data-state");
            if (state.equals("finished")) {
                Thread.sleep(300); // the last batch is drawn within one redraw interval
                for (Object p : (List<?>) js("return window.__points")) {
                    w.pointCounts.add(((Number) p).intValue());
                }
                for (Object f : (List<?>) js("return window.__fits")) {
                    w.fitEpochs.add(((Number) f).intValue());
                }
                w.fitEpochs.remove(-1);
                assertTrue(shot, "a screenshot while it trains");
                // and one of the finished page, the fit drawn over its points, for a human to look at
                String name = screenshot.getFileName().toString().replace(".png", "-finished.png");
                Files.write(screenshot.resolveSibling(name), browser.getScreenshotAs(OutputType.BYTES));
                return w;
            }
            if (state.equals("failed") || state.equals("stopped")) {
                fail("the run " + state + ": " + text("status"));
            }
            Thread.sleep(25);
        }
        return fail("the run did not finish in 180 s");
    }

    private static final class Watched {
        final TreeSet<Integer> pointCounts = new TreeSet<>();
        final TreeSet<Integer> fitEpochs = new TreeSet<>();

        long distinctPointCounts() {
            return pointCounts.stream().filter(p -> p > 0 && p < EPOCHS + 1).count();
        }

        int finalPoints() {
            return pointCounts.last();
        }
    }

    private static void assertSameCheckpoints(Path a, Path b) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(a)) {
            files = s.filter(p -> p.toString().endsWith(".pth")).sorted().toList();
        }
        assertTrue(files.size() > EPOCHS / 25, "checkpoints of every 25th epoch: " + files.size());
        for (Path f : files) {
            Path other = b.resolve(a.relativize(f));
            assertArrayEquals(Files.readAllBytes(f), Files.readAllBytes(other), "byte-identical " + a.relativize(f));
        }
        try (Stream<Path> s = Files.walk(b)) {
            assertEquals(files.size(), s.filter(p -> p.toString().endsWith(".pth")).count());
        }
    }

    private void slide(String id, int value) {
        js("const e = document.getElementById(arguments[0]); e.value = arguments[1]; e.dispatchEvent(new Event('input'));", id, value);
    }

    private void typeValue(String id, String value) {
        WebElement e = browser.findElement(By.id(id));
        e.clear();
        e.sendKeys(value);
        js("document.getElementById(arguments[0]).dispatchEvent(new Event('change'));", id);
    }

    private Object js(String script, Object... args) {
        return ((JavascriptExecutor) browser).executeScript(script, args);
    }

    private String text(String id) {
        return browser.findElement(By.id(id)).getText();
    }

    /**
     * Polls {@code condition} until it holds. An element the page replaced between finding it and reading it (the
     * page redraws a list as events arrive) is stale: that poll counts as "not yet", as Selenium's own waits treat it.
     */
    private static void waitFor(java.util.function.BooleanSupplier condition, int seconds, String what) throws InterruptedException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            try {
                if (condition.getAsBoolean()) {
                    return;
                }
            } catch (org.openqa.selenium.StaleElementReferenceException redrawn) {
                // polled again below
            }
            Thread.sleep(50);
        }
        fail("waited " + seconds + " s for " + what);
    }

    static ChromeDriver start(Path profile, Path downloads) {
        ChromeOptions o = new ChromeOptions();
        o.setBinary(CHROMIUM.toString());
        o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1600,1000",
                "--user-data-dir=" + profile);
        o.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(), "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        ChromeDriver d = new ChromeDriver(service, o);
        d.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return d;
    }

    /** Skips locally without chromium and chromium-driver, with what to install; in CI (CI=true) fails instead. */
    private static void requireBrowser() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER)) {
            return;
        }
        String how = "chromium and chromedriver not found: install them with "
                + "'apt-get install -y --no-install-recommends chromium chromium-driver'";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail(how + " -- in CI the browser tests must run");
        }
        Assumptions.abort(how);
    }
}
