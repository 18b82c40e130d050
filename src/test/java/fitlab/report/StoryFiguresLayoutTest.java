package fitlab.report;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The main figures that tell lessons 06, 08 and 14's story in one run exist in their quick runs and pass the layout
 * rules of {@link SlideLayoutTest} (which checks every chart of every lesson; this names the three new ones).
 */
class StoryFiguresLayoutTest {
    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource({
            "06-state-dict-vs-whole-model, en, refactor-kind=polynomial", "06-state-dict-vs-whole-model, zh, refactor-kind=mlp",
            "08-dropout-and-eval-mode, en, eval-modes", "08-dropout-and-eval-mode, zh, eval-modes",
            "14-resume-without-early-stopping, en, continued-base", "14-resume-without-early-stopping, zh, continued-base"})
    void theStoryFigureIsAMainFigureThatFitsItsSlide(String lesson, String language, String name) {
        Messages m = Messages.forLanguage(language, w -> {});
        org.junit.jupiter.api.Assumptions.assumeTrue(m.language().equals(language) || "true".equalsIgnoreCase(System.getenv("CI")),
                "no CJK font (apt-get install fonts-noto-cjk)");
        assertEquals(language, m.language(), "in CI the Chinese charts must be drawn");
        List<RenderedChart> charts = ReportPlan.charts(RunLoader.load(LessonQuickRuns.get(lesson)), m);
        RenderedChart chart = charts.stream().filter(c -> c.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(lesson + ": no chart " + name + " in " + charts.stream().map(RenderedChart::name).toList()));
        assertEquals("main", chart.section());
        SlideLayoutTest.check(chart.chart(), lesson + " " + language + " " + name, true);
    }
}
