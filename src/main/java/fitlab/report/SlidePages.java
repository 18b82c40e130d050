package fitlab.report;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import org.knowm.xchart.internal.chartpart.IChart;

/**
 * The slide deck's pages, each painted and written as its own PDF on the report's pool: writing a page's numbers is
 * most of the deck's time, the slides are independent objects, and each page's bytes depend on its slide alone, so
 * the deck is the same whatever the number of threads. {@link SlideDeck#pdf} joins them in slide order.
 */
final class SlidePages {
    private SlidePages() {}

    static List<Future<byte[]>> submit(List<IChart> slides, ExecutorService pool) {
        List<Future<byte[]>> pages = new ArrayList<>();
        for (IChart slide : slides) {
            pages.add(pool.submit(() -> SlideDeck.page(slide)));
        }
        return pages;
    }
}
