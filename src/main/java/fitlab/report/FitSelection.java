package fitlab.report;

import fitlab.diagnosis.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Picks the cells a fit gallery shows: one underfit (the smallest capacity), one good (the lowest validation loss)
 * and one overfit (the largest capacity), from the first seed's cells, so all three were fitted to the same points.
 */
public final class FitSelection {
    private FitSelection() {}

    public static List<CellRun> representatives(LoadedRun run) {
        List<CellRun> pool = firstDataset(run);
        Optional<String> capacity = Capacity.axis(run);
        Comparator<CellRun> byCapacity = capacity.<Comparator<CellRun>>map(p -> Comparator.comparingDouble(c -> Capacity.x(p, c)))
                .orElse(Comparator.comparingDouble(c -> c.summary().parameters()));
        List<CellRun> out = new ArrayList<>();
        with(pool, Verdict.UNDERFIT).stream().min(byCapacity).ifPresent(out::add);
        List<CellRun> good = with(pool, Verdict.GOOD);
        (good.isEmpty() ? pool : good).stream().filter(c -> !out.contains(c))
                .min(Comparator.comparingDouble(LossColumns.VALIDATION::applyAsDouble)).ifPresent(out::add);
        with(pool, Verdict.OVERFIT).stream().filter(c -> !out.contains(c)).max(byCapacity).ifPresent(out::add);
        return out;
    }

    /** The cell whose training a fit-evolution strip follows: the overfit one if any, else the good one. */
    public static CellRun evolving(LoadedRun run) {
        List<CellRun> reps = representatives(run);
        return reps.stream().filter(c -> verdict(c) == Verdict.OVERFIT).findFirst().orElse(reps.get(reps.size() - 1));
    }

    private static List<CellRun> firstDataset(LoadedRun run) {
        if (!run.sweeps(LoadedRun.SEED)) {
            return run.cells();
        }
        Object first = run.cells().get(0).value(LoadedRun.SEED);
        return run.cells().stream().filter(c -> first.equals(c.value(LoadedRun.SEED))).toList();
    }

    private static List<CellRun> with(List<CellRun> pool, Verdict v) {
        return pool.stream().filter(c -> verdict(c) == v).toList();
    }

    static Verdict verdict(CellRun c) {
        return c.diagnosis().map(d -> d.verdict()).orElse(null);
    }
}
