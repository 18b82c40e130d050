package fitlab.claims;

import fitlab.config.Claim;
import fitlab.experiment.VerifyService;
import fitlab.report.BiasVarianceData;
import fitlab.report.BiasVarianceTable;
import fitlab.runfolder.MetricsRow;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Checks one claim against a run's evidence. */
final class ClaimEvaluator {
    private ClaimEvaluator() {}

    static Verdict check(Claim claim, RunEvidence e) {
        // Java 17 has no pattern switch: one instanceof per kind, and the sealed interface keeps the list closed
        if (claim instanceof Claim.DiagnosisIs c) {
            return diagnosis(c, e);
        } else if (claim instanceof Claim.BestCell c) {
            return bestCell(c, e);
        } else if (claim instanceof Claim.Trend c) {
            return trend(c.metric(), c.falls(), c.tolerance(), along(e, c.axis(), c.where(), c.metric()).stream()
                    .filter(p -> c.range().map(r -> p.x() >= r[0] && p.x() <= r[1]).orElse(true)).toList());
        } else if (claim instanceof Claim.RisesAfterMinimum c) {
            return risesAfterMinimum(c, e);
        } else if (claim instanceof Claim.ReloadEqual c) {
            return reload(c, e);
        } else if (claim instanceof Claim.BiasVariance c) {
            return biasVariance(c, e);
        } else if (claim instanceof Claim.InterpolationPeak c) {
            return peak(c, e);
        } else if (claim instanceof Claim.ContinuationRises c) {
            return continuation(c, e);
        } else if (missing(claim, e).isPresent()) {
            return missing(claim, e).get();
        } else if (claim instanceof Claim.EvalModeEqualsLogged c) {
            return evalModeEquals(c, e);
        } else if (claim instanceof Claim.TrainModeWorse c) {
            return trainModeWorse(c, e);
        } else if (claim instanceof Claim.RefactorLoad c) {
            return refactor(c, e);
        }
        throw new IllegalStateException("no check for claim kind " + claim.kind());
    }

    /** A claim on a file the lesson's run writes for its story fails, not errs, when this run wrote none. */
    private static Optional<Verdict> missing(Claim claim, RunEvidence e) {
        String file = claim instanceof Claim.RefactorLoad ? RunEvidence.REFACTOR_CHECK : RunEvidence.EVAL_MODES;
        if (java.nio.file.Files.exists(e.run.root().resolve(file))) {
            return Optional.empty();
        }
        return Optional.of(new Verdict(false, "this run wrote no " + file, file + " at the run folder's root"));
    }

    private static Verdict diagnosis(Claim.DiagnosisIs c, RunEvidence e) {
        String got = e.summaryRow(c.cell()).get("diagnosis");
        return new Verdict(c.verdict().equals(got), c.cell() + " is " + got, c.cell() + " is " + c.verdict());
    }

    /** A cell placed on an axis: x is the swept number (an MLP's hidden layers: its parameter count, as the charts draw it). */
    record Point(String cell, double x, double value) {}

    static List<Point> along(RunEvidence e, String axis, Map<String, String> where, String metric) {
        List<Point> out = new ArrayList<>();
        for (Map<String, String> row : e.summary()) {
            if (where.entrySet().stream().anyMatch(w -> !w.getValue().equals(row.get(w.getKey())))) {
                continue;
            }
            double x = RunEvidence.number(row, axis);
            if (Double.isNaN(x)) {
                x = RunEvidence.number(row, "parameters");
            }
            out.add(new Point(row.get("cell"), x, RunEvidence.number(row, metric)));
        }
        out.sort(Comparator.comparingDouble(Point::x));
        return out;
    }

    private static Verdict bestCell(Claim.BestCell c, RunEvidence e) {
        List<Point> points = along(e, c.axis(), c.where(), c.by());
        boolean higher = Claim.higherIsBetter(c.by());
        Optional<Point> best = points.stream().filter(p -> !Double.isNaN(p.value()))
                .reduce((a, b) -> (higher ? b.value() > a.value() : b.value() < a.value()) ? b : a);
        String expected = "best " + c.by() + " at " + c.axis() + " in [" + n(c.low()) + ", " + n(c.high()) + "]";
        if (best.isEmpty()) {
            return new Verdict(false, "no cell has a " + c.by(), expected);
        }
        Point b = best.get();
        return new Verdict(b.x() >= c.low() && b.x() <= c.high(), "best " + c.by() + " " + n(b.value()) + " at " + b.cell(), expected);
    }

    /** The claim's direction from first to last, with no step the other way by more than tolerance × the larger value. */
    static Verdict trend(String metric, boolean falls, double tolerance, List<Point> points) {
        // a relative step is at most 1, so a tolerance of 1 or more compares the first cell with the last only
        String expected = metric + (falls ? " falls" : " rises") + (tolerance >= 1 ? " from the first cell to the last"
                : " along the sweep" + (tolerance > 0 ? " (steps back up to " + n(100 * tolerance) + " % allowed)" : ""));
        if (points.size() < 2) {
            return new Verdict(false, points.size() + " cell(s): no trend to see", expected);
        }
        StringBuilder seen = new StringBuilder();
        String worst = "";
        double worstStep = 0;
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            seen.append(i == 0 ? "" : " → ").append(n(p.value()));
            if (i > 0) {
                double prev = points.get(i - 1).value();
                double against = falls ? p.value() - prev : prev - p.value();
                double rel = against / Math.max(Math.abs(prev), Math.abs(p.value()));
                if (!(rel <= worstStep)) {
                    worstStep = Double.isNaN(rel) ? Double.POSITIVE_INFINITY : rel;
                    worst = points.get(i - 1).cell() + " → " + p.cell();
                }
            }
        }
        double first = points.get(0).value();
        double last = points.get(points.size() - 1).value();
        boolean overall = falls ? last < first : last > first;
        boolean holds = overall && worstStep <= tolerance;
        if (worstStep > 0) {
            seen.append("; largest step the other way ").append(n(100 * worstStep)).append(" % (").append(worst).append(')');
        }
        return new Verdict(holds, seen.toString(), expected);
    }

    private static Verdict risesAfterMinimum(Claim.RisesAfterMinimum c, RunEvidence e) {
        List<MetricsRow> rows = e.metrics(c.cell());
        double min = rows.stream().mapToDouble(r -> RunEvidence.loss(r, c.split())).filter(Double::isFinite).min().orElse(Double.NaN);
        double last = RunEvidence.loss(rows.get(rows.size() - 1), c.split());
        double ratio = last / min;
        return new Verdict(ratio >= c.factor(), c.split() + " loss at the last epoch " + n(last) + " = " + n(ratio) + " × its minimum "
                + n(min), "at least " + n(c.factor()) + " × the minimum");
    }

    private static Verdict reload(Claim.ReloadEqual c, RunEvidence e) {
        List<VerifyService.Check> checks = VerifyService.verify(e.run.root(), Optional.of(c.cell()), "best");
        double worst = 0;
        for (VerifyService.Check k : checks) {
            for (int i = 0; i < k.logged().length; i++) {
                double d = Math.abs(k.reloaded()[i] - k.logged()[i]) / Math.max(Math.abs(k.logged()[i]), Double.MIN_NORMAL);
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : Math.max(worst, d);
            }
        }
        String problem = checks.stream().map(VerifyService.Check::problem).filter(p -> !p.isEmpty()).findFirst().orElse("");
        boolean exact = c.tolerance() == 0;
        boolean holds = !checks.isEmpty() && worst <= c.tolerance() && (!exact || problem.isEmpty());
        String observed = "best.pth of " + c.cell() + " reloaded: largest relative difference " + n(worst)
                + (problem.isEmpty() ? "" : " (" + problem + ")");
        return new Verdict(holds, observed, exact ? "the same bits as metrics.csv" : "within " + n(c.tolerance()) + " (relative)");
    }

    private static Verdict biasVariance(Claim.BiasVariance c, RunEvidence e) {
        List<BiasVarianceData> groups = BiasVarianceTable.along(e.run, c.axis());
        if (groups.isEmpty()) {
            return new Verdict(false, "no bias–variance decomposition along " + c.axis(), "");
        }
        BiasVarianceData d = groups.get(0);
        double[] values = switch (c.component()) {
            case "bias2" -> d.bias2();
            case "variance" -> d.variance();
            default -> d.expected();
        };
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            double x = d.x()[i];
            if (c.range().map(r -> x >= r[0] && x <= r[1]).orElse(true)) {
                points.add(new Point(c.axis() + "=" + n(x), x, values[i]));
            }
        }
        if (c.falls().isPresent()) {
            return trend(c.component(), c.falls().get(), c.tolerance(), points);
        }
        double[] w = c.smallestWithin().orElseThrow();
        Point min = points.stream().min(Comparator.comparingDouble(Point::value)).orElseThrow();
        return new Verdict(min.x() >= w[0] && min.x() <= w[1], c.component() + " smallest (" + n(min.value()) + ") at " + min.cell(),
                c.component() + " smallest at " + c.axis() + " in [" + n(w[0]) + ", " + n(w[1]) + "]");
    }

    private static Verdict peak(Claim.InterpolationPeak c, RunEvidence e) {
        List<Point> points = along(e, c.axis(), Map.of(), c.metric());
        Point max = points.stream().max(Comparator.comparingDouble(Point::value)).orElseThrow();
        double before = points.stream().filter(p -> p.x() < c.low()).mapToDouble(Point::value).min().orElse(Double.NaN);
        double after = points.stream().filter(p -> p.x() > c.high()).mapToDouble(Point::value).min().orElse(Double.NaN);
        boolean inside = max.x() >= c.low() && max.x() <= c.high();
        boolean holds = inside && max.value() >= c.factor() * before && max.value() >= c.factor() * after;
        return new Verdict(holds, "largest " + c.metric() + " " + n(max.value()) + " at " + max.cell() + "; smallest before "
                + n(before) + ", after " + n(after), "peak at " + c.axis() + " in [" + n(c.low()) + ", " + n(c.high()) + "], at least "
                + n(c.factor()) + " × the smallest value on each side");
    }

    private static Verdict continuation(Claim.ContinuationRises c, RunEvidence e) {
        Optional<Path> dir = e.continuation(c.cell());
        String expected = "the continuation ends at least " + n(c.factor()) + " × the stopped cell's best " + c.split() + " loss";
        if (dir.isEmpty()) {
            return new Verdict(false, "no continuation cells/" + c.cell() + "@resume-from-<E>/ in the run", expected);
        }
        double best = e.metrics(c.cell()).stream().mapToDouble(r -> RunEvidence.loss(r, c.split())).filter(Double::isFinite)
                .min().orElse(Double.NaN);
        List<MetricsRow> rows = fitlab.runfolder.MetricsLog.read(dir.get().resolve(fitlab.runfolder.MetricsLog.FILE));
        MetricsRow last = rows.get(rows.size() - 1);
        double end = RunEvidence.loss(last, c.split());
        return new Verdict(end / best >= c.factor(), dir.get().getFileName() + " ends (epoch " + last.epoch() + ") at " + n(end)
                + " = " + n(end / best) + " × the best " + n(best), expected);
    }

    private static Verdict evalModeEquals(Claim.EvalModeEqualsLogged c, RunEvidence e) {
        List<Map<String, String>> rows = e.table(RunEvidence.EVAL_MODES, RunEvidence.EVAL_MODE_COLUMNS);
        double worst = 0;
        String where = "";
        for (Map<String, String> r : rows) {
            double logged = RunEvidence.number(r, "logged_loss");
            double d = Math.abs(RunEvidence.number(r, "eval_mode_loss") - logged) / Math.max(Math.abs(logged), Double.MIN_NORMAL);
            if (!(d <= worst)) {
                worst = Double.isNaN(d) ? Double.POSITIVE_INFINITY : d;
                where = " (" + r.get("cell") + ", " + r.get("split") + ")";
            }
        }
        return new Verdict(!rows.isEmpty() && worst <= c.tolerance(), rows.size() + " reloads, largest relative difference "
                + n(worst) + where, "every eval-mode loss within " + n(c.tolerance()) + " of the logged one");
    }

    private static Verdict trainModeWorse(Claim.TrainModeWorse c, RunEvidence e) {
        List<Map<String, String>> rows = e.table(RunEvidence.EVAL_MODES, RunEvidence.EVAL_MODE_COLUMNS);
        String expected = "train-mode " + c.split() + " loss at least " + n(c.factor()) + " × the eval-mode one";
        Optional<Map<String, String>> row = rows.stream().filter(r -> c.cell().equals(r.get("cell")) && c.split().equals(r.get("split")))
                .findFirst();
        if (row.isEmpty()) {
            return new Verdict(false, RunEvidence.EVAL_MODES + " has no row for " + c.cell() + ", " + c.split(), expected);
        }
        double train = RunEvidence.number(row.get(), "train_mode_loss");
        double eval = RunEvidence.number(row.get(), "eval_mode_loss");
        return new Verdict(train >= c.factor() * eval, c.cell() + ": train mode " + n(train) + " = " + n(train / eval) + " × eval mode "
                + n(eval), expected);
    }

    private static Verdict refactor(Claim.RefactorLoad c, RunEvidence e) {
        List<Map<String, String>> rows = e.table(RunEvidence.REFACTOR_CHECK, RunEvidence.REFACTOR_COLUMNS).stream()
                .filter(r -> c.fileKind().equals(r.get("kind")))
                .filter(r -> c.cell().map(id -> r.get("file").startsWith("cells/" + id + "/")).orElse(true)).toList();
        String expected = (c.cell().isPresent() ? c.cell().get() + "'s " : "every ") + c.fileKind() + " file "
                + (c.loads() ? "loads" : "fails to load") + " after the rename";
        if (rows.isEmpty()) {
            return new Verdict(false, RunEvidence.REFACTOR_CHECK + " has no " + c.fileKind() + " file", expected);
        }
        List<String> seen = new ArrayList<>();
        boolean holds = true;
        for (Map<String, String> r : rows) {
            boolean loads = Boolean.parseBoolean(r.get("loads_after_rename").trim());
            holds &= loads == c.loads();
            seen.add(r.get("file") + (loads ? " loads" : " fails: " + r.get("error")));
        }
        return new Verdict(holds, String.join("; ", seen), expected);
    }

    /** A number for people: four significant digits. */
    static String n(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "∞" : "-∞";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e6) {
            return Long.toString((long) v);
        }
        // as the charts write numbers: 0.0001, 1.5×10⁻⁵, 10⁶; never Java's 1e+06
        return fitlab.report.HumanNumber.format(v);
    }
}
