package fitlab.report;

import fitlab.DaemonThreads;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * The slide deck's pages, each painted and written as its own PDF on all cores: writing a page's numbers is most of
 * the deck's time, the slides are independent objects, and each page's bytes depend on its slide alone, so the
 * deck is the same whatever the number of threads. Returned in slide order.
 */
final class SlidePages {
    private SlidePages() {}

    static List<byte[]> render(List<IChart> slides) throws IOException {
        int threads = Math.max(1, Math.min(slides.size(), Runtime.getRuntime().availableProcessors()));
        ExecutorService pool = DaemonThreads.pool(threads, "fitlab-slides");
        try {
            List<Future<byte[]>> pages = new ArrayList<>();
            for (IChart slide : slides) {
                pages.add(pool.submit(() -> SlideDeck.page(slide)));
            }
            List<byte[]> out = new ArrayList<>();
            for (Future<byte[]> page : pages) {
                out.add(page.get());
            }
            return out;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e.getCause() instanceof RuntimeException r ? r : new UncheckedIOException(new IOException(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new fitlab.UserError("interrupted while writing the slide deck");
        } finally {
            pool.shutdownNow();
        }
    }
}
