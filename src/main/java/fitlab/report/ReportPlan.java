package fitlab.report;

import fitlab.config.DataKind;
import fitlab.config.OptimizerKind;
import fitlab.config.SweepAxis;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides which charts a run gets and builds them: a capacity curve for a sweep over model capacity, a learning curve
 * for a sweep over {@code data.train}, bias–variance when seeds are swept on 1-D regression, double descent for
 * {@code lstsq}, fit gallery and fit evolution for 1-D regression, decision boundaries for 2-D classification, and
 * final losses against any other swept numeric setting, and loss curves for every cell.
 */
public final class ReportPlan {
    private ReportPlan() {}

    /**
     * One step of the plan: builds zero or more of the run's charts. Building reads checkpoints and lays the charts
     * out, so the steps run on the report's threads ({@link ReportService}), each on its own: every step reads only
     * the loaded run.
     *
     * @param animated the step draws an animation, the longest file of a report: started first
     */
    record Step(boolean animated, java.util.function.Supplier<List<RenderedChart>> build) {
        static Step of(java.util.function.Supplier<RenderedChart> chart) {
            return new Step(false, () -> List.of(chart.get()));
        }

        static Step many(java.util.function.Supplier<List<RenderedChart>> charts) {
            return new Step(false, charts);
        }
    }

    /** The run's charts, built one step after the other (what {@link #plan} gives, on this thread). */
    public static List<RenderedChart> charts(LoadedRun run, Messages m) {
        return plan(run, m).stream().flatMap(step -> step.build().get().stream()).toList();
    }

    /** The steps that build the run's charts, in the order the charts appear in the report. */
    static List<Step> plan(LoadedRun run, Messages m) {
        List<Step> out = new ArrayList<>();
        Optional<Double> floor = noiseFloor(run);
        DataKind kind = run.base().data().kind();
        Optional<String> capacity = Capacity.axis(run);
        boolean lstsq = run.cells().stream().allMatch(c -> c.cell().config().training().optimizer() == OptimizerKind.LSTSQ);
        capacity.ifPresent(path -> {
            for (AxisGroup g : SweepGroups.along(run, path, c -> Capacity.x(path, c))) {
                out.add(Step.of(() -> RenderedChart.main("capacity" + g.fileSuffix(), m.get("caption.capacity"),
                        CapacityCurveChart.build(g, path, floor, m))));
            }
            if (lstsq) {
                for (AxisGroup g : SweepGroups.along(run, path, c -> c.summary().parameters())) {
                    int n = g.points().get(0).cells().get(0).cell().config().data().train();
                    out.add(Step.of(() -> RenderedChart.main("double-descent" + g.fileSuffix(), m.get("caption.doubleDescent"),
                            DoubleDescentChart.build(g, n, m))));
                }
            }
        });
        out.add(Step.many(() -> ClassCapacityChart.charts(run, m))); // a class run (fitlab merge of students' runs) only
        out.add(Step.many(() -> ContinuationChart.charts(run, m))); // cells continued after their stop (lesson 14)
        out.add(Step.many(() -> EvalModesChart.chart(run, m).stream().toList())); // dropout checkpoints in eval and train mode (lesson 08)
        out.add(Step.many(() -> RefactorSlide.charts(run, m))); // both kinds of .pth file after a class rename (lesson 06)
        if (run.sweeps(LearningCurveChart.AXIS)) {
            for (AxisGroup g : SweepGroups.along(run, LearningCurveChart.AXIS,
                    c -> c.cell().config().data().train())) {
                out.add(Step.of(() -> RenderedChart.main("learning-curve" + g.fileSuffix(), m.get("caption.learning"),
                        LearningCurveChart.build(g, floor, m))));
            }
        }
        out.add(Step.many(() -> SettingCurveChart.charts(run, floor, m))); // a swept penalty, learning rate, augmentation, dropout, epochs
        if (kind == DataKind.REGRESSION1D) {
            out.add(Step.of(() -> RenderedChart.main("fits", m.get("caption.fits"),
                    FitGalleryChart.build(FitDataLoader.finalFits(run, FitSelection.representatives(run)), m))));
            out.add(new Step(true, () -> evolution(run, m).stream().toList()));
            biasVarianceAxis(run).ifPresent(path -> {
                for (AxisGroup g : SweepGroups.along(run, path, c -> axisX(path, c))) {
                    out.add(Step.of(() -> RenderedChart.main("bias-variance" + g.fileSuffix(), m.get("caption.biasVariance"),
                            BiasVarianceChart.build(BiasVarianceLoader.load(run, path, g), m))));
                }
            });
        }
        if (kind.isClassification()) {
            out.add(Step.of(() -> BoundaryPanels.build(run, m)));
            for (CellRun c : run.cells()) {
                out.add(Step.of(() -> new RenderedChart("boundary-" + fileName(c.id()), m.get("caption.boundary"),
                        DecisionBoundaryChart.build(BoundaryDataLoader.load(run, c), m), List.of(), "boundaries")));
            }
        }
        // a closed-form fit (lstsq) logs its initial weights and its solution, two points: no course to show
        for (CellRun c : run.cells()) {
            if (c.metrics().size() > 2) {
                out.add(Step.of(() -> new RenderedChart("loss-" + fileName(c.id()), m.get("caption.lossCurves", c.id()),
                        LossCurveChart.build(c, m), List.of(), "cells")));
            }
        }
        return out;
    }

    /** σ² when every cell knows it (generated regression data), else empty. */
    static Optional<Double> noiseFloor(LoadedRun run) {
        Double first = run.cells().get(0).summary().noiseFloor();
        boolean same = first != null && run.cells().stream().allMatch(c -> first.equals(c.summary().noiseFloor()));
        return same ? Optional.of(first) : Optional.empty();
    }

    /** Bias–variance needs seeds to average over and another swept axis to vary: capacity if swept, else the first. */
    static Optional<String> biasVarianceAxis(LoadedRun run) {
        if (!run.sweeps(LoadedRun.SEED)) {
            return Optional.empty();
        }
        Optional<String> capacity = Capacity.axis(run);
        if (capacity.isPresent()) {
            return capacity;
        }
        return run.experiment().sweep().stream().map(SweepAxis::path).filter(p -> !p.equals(LoadedRun.SEED))
                .filter(p -> run.cells().stream().allMatch(c -> c.value(p) instanceof Number)).findFirst();
    }

    static double axisX(String path, CellRun c) {
        return Capacity.AXES.contains(path) ? Capacity.x(path, c) : ((Number) c.value(path)).doubleValue();
    }

    private static Optional<RenderedChart> evolution(LoadedRun run, Messages m) {
        CellRun cell = FitSelection.evolving(run);
        List<Integer> available = FittedModels.checkpointEpochs(cell);
        List<Integer> panels = FitEvolutionChart.chooseEpochs(available, FitEvolutionChart.PANELS);
        if (panels.size() < 3) {
            return Optional.empty(); // e.g. lstsq: the initial weights and the fit, nothing to follow
        }
        FitData strip = FitDataLoader.evolution(run, cell, panels);
        List<org.knowm.xchart.XYChart> charts = new ArrayList<>();
        for (int i = 0; i < panels.size(); i++) {
            charts.add(FitEvolutionChart.panel(strip, i, PanelStrip.panelWidth(), PanelStrip.panelHeight(panels.size()), m));
        }
        FitData frames = FitDataLoader.evolution(run, cell, FitEvolutionChart.chooseEpochs(available, FitEvolutionChart.FRAMES));
        List<org.knowm.xchart.internal.chartpart.IChart> gif = new ArrayList<>();
        for (int i = 0; i < frames.fits().size(); i++) {
            gif.add(FitEvolutionChart.panel(frames, i, HouseStyle.WIDTH / 2, HouseStyle.HEIGHT / 2, m));
        }
        return Optional.of(new RenderedChart("fit-evolution", m.get("caption.evolution"),
                new PanelStrip(FitEvolutionChart.title(strip, m), charts, m.fontFamily()), gif, "main"));
    }

    /** A cell id as a file name: ids are folder-safe already; commas become underscores for URLs. */
    static String fileName(String id) {
        return id.replaceAll("[^A-Za-z0-9._=+-]", "_");
    }
}
