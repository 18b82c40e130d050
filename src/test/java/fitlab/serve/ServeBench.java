package fitlab.serve;

import fitlab.experiment.ProgressListener;
import fitlab.experiment.RunRequest;
import fitlab.experiment.RunService;
import fitlab.runfolder.MetricsLog;
import fitlab.runfolder.MetricsRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A benchmark, not a test: the reference workload W1 (bench/w1.yaml) trained in interleaved pairs, once as
 * {@code fitlab run} does it (RunService, no page) and once started from the page with the page open in headless
 * Chromium, drawing every update. Prints, per pair, training ms/epoch of each (metrics.csv's seconds column: the
 * cell's training alone, without JVM start or report) and the time from pressing Train to the first point on the
 * loss chart (measured in the page with performance.now and a MutationObserver).
 *
 * <p>Usage: {@code java -cp target/test-classes:target/classes:<deps> fitlab.serve.ServeBench [PAIRS] [EPOCHS]}.
 */
public final class ServeBench {
    private ServeBench() {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int epochs = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        Path work = Files.createTempDirectory("fitlab-serve-bench-");
        Path runs = work.resolve("runs");
        ServeSettings d = ServeSettings.defaults(runs, Path.of("bench"));
        LabServer server = LabServer.start(new ServeSettings("127.0.0.1", 0, runs, d.experimentsDir(), d.limits(), 1, 4, 600_000,
                Set.of(), "en", d.maxThreads()), n -> {});
        ChromeDriver browser = ServeBrowserTest.start(work.resolve("profile"), work.resolve("downloads"));
        List<double[]> rows = new ArrayList<>();
        try {
            String url = "http://127.0.0.1:" + server.port() + "/?lesson=w1&training.epochs=" + epochs;
            for (int i = 0; i < pairs; i++) {
                double cli = cli(work.resolve("cli-" + i), epochs);
                double[] page = page(browser, url, runs);
                rows.add(new double[] {cli, page[0], page[1]});
                System.out.printf(Locale.ROOT, "pair %d: cli %.3f ms/epoch, page open %.3f ms/epoch (%+.1f %%), first point %.0f ms%n", i + 1,
                        cli, page[0], 100 * (page[0] / cli - 1), page[1]);
            }
        } finally {
            browser.quit();
            server.close();
        }
        double c = median(rows, 0), p = median(rows, 1), f = median(rows, 2);
        System.out.printf(Locale.ROOT, "median of %d pairs, W1 %d epochs: cli %.3f ms/epoch, page open %.3f ms/epoch (%+.1f %%), "
                + "first point on screen %.0f ms after Train%n", pairs, epochs, c, p, 100 * (p / c - 1), f);
    }

    private static double cli(Path out, int epochs) {
        RunRequest r = new RunRequest(Path.of("bench", "w1.yaml"), Optional.of(out), out.getParent(), Runtime.getRuntime().availableProcessors(),
                List.of("training.epochs=" + epochs), false, Optional.empty(), "bench");
        RunService.run(r, ProgressListener.SILENT);
        return msPerEpoch(out);
    }

    /** @return ms/epoch and ms from Train to the first point */
    private static double[] page(ChromeDriver browser, String url, Path runs) throws Exception {
        browser.get(url);
        long end = System.nanoTime() + 30_000_000_000L;
        while (browser.findElements(By.cssSelector("#lesson option")).isEmpty() && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        JavascriptExecutor js = browser;
        js.executeScript("""
                window.__first = -1;
                const chart = document.getElementById('loss-chart');
                new MutationObserver(() => {
                  if (window.__first < 0 && Number(chart.dataset.points) > 0) window.__first = performance.now() - window.__t0;
                }).observe(chart, { attributes: true });
                window.__t0 = performance.now();
                document.getElementById('train').click();
                """);
        end = System.nanoTime() + 600_000_000_000L;
        while (!"finished".equals(browser.findElement(By.id("status")).getAttribute("data-state")) && System.nanoTime() < end) {
            Thread.sleep(200);
        }
        double first = ((Number) js.executeScript("return window.__first")).doubleValue();
        String run = (String) js.executeScript("return page.run");
        String folder = LabFixture.JSON.readTree(new java.net.URL(url.substring(0, url.indexOf("/?")) + "/api/runs/" + run)).get("folder").asText();
        return new double[] {msPerEpoch(runs.resolve(folder)), first};
    }

    private static double msPerEpoch(Path runFolder) {
        List<MetricsRow> rows = MetricsLog.read(runFolder.resolve("cells/base/metrics.csv"));
        MetricsRow last = rows.get(rows.size() - 1);
        return last.seconds() * 1000 / last.epoch();
    }

    private static double median(List<double[]> rows, int k) {
        double[] v = rows.stream().mapToDouble(r -> r[k]).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
