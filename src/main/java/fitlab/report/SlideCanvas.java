package fitlab.report;

import org.knowm.xchart.internal.chartpart.IChart;

/**
 * A full-slide drawing that is not an XChart chart (small multiples, a slide of words, lesson 06's two files): the
 * house size and a title, so the chart files and the slide deck treat it like any chart.
 */
abstract class SlideCanvas implements IChart {
    private final String title;

    SlideCanvas(String title) {
        this.title = title;
    }

    @Override
    public final int getWidth() {
        return HouseStyle.WIDTH;
    }

    @Override
    public final int getHeight() {
        return HouseStyle.HEIGHT;
    }

    @Override
    public final String getTitle() {
        return title;
    }
}
