package fitlab.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fitlab.cli.Cli;
import fitlab.runfolder.ClaimsCsv;
import fitlab.runfolder.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of claim, once where it holds and once where it does not, on one small closed-form run (polynomial
 * degrees 1, 3, 19, 60 on 20 noisy points, four seeds): underfit at 1, good at 3, the interpolation peak at 19 and
 * the second descent at 60. The files other lessons' runs write (eval-modes.csv, refactor-check.csv, a continuation
 * folder) are written here as fixtures in their contract's layout.
 */
class ClaimsTest {
    @TempDir
    static Path dir;
    static Path run;

    /** Each claim with whether it must hold: the pairs differ in one field only. */
    static final List<Object[]> CLAIMS = List.of(
            claim(true, "diagnosis", "cell: degree=1,seed=0", "is: underfit"),
            claim(false, "diagnosis", "cell: degree=1,seed=0", "is: good"),
            claim(true, "best_cell", "by: best_validation_loss", "axis: model.degree", "within: [2, 6]", "where: {seed: 0}"),
            claim(false, "best_cell", "by: best_validation_loss", "axis: model.degree", "within: [10, 100]", "where: {seed: 0}"),
            claim(true, "trend", "metric: final_train_loss", "axis: model.degree", "direction: falls", "tolerance: 1", "where: {seed: 0}"),
            claim(false, "trend", "metric: final_train_loss", "axis: model.degree", "direction: rises", "where: {seed: 0}"),
            claim(true, "interpolation_peak", "metric: final_test_loss", "axis: model.degree", "within: [15, 25]", "factor: 10"),
            claim(false, "interpolation_peak", "metric: final_test_loss", "axis: model.degree", "within: [50, 70]", "factor: 10"),
            claim(true, "reload_equals_logged", "cell: degree=3,seed=0", "tolerance: 0"),
            claim(true, "bias_variance", "component: bias2", "axis: model.degree", "direction: falls", "within: [1, 3]"),
            claim(false, "bias_variance", "component: bias2", "axis: model.degree", "direction: rises", "within: [1, 3]"),
            claim(true, "bias_variance", "component: total", "axis: model.degree", "smallest_within: [2, 4]"),
            claim(false, "bias_variance", "component: total", "axis: model.degree", "smallest_within: [19, 19]"),
            claim(true, "rises_after_minimum", "cell: degree=3,seed=1", "split: validation", "factor: 2"),
            claim(false, "rises_after_minimum", "cell: degree=3,seed=1", "split: validation", "factor: 5"),
            claim(true, "continuation_rises", "cell: degree=3,seed=2", "split: test", "factor: 1.5"),
            claim(false, "continuation_rises", "cell: degree=3,seed=2", "split: test", "factor: 3"),
            claim(false, "continuation_rises", "cell: degree=3,seed=3", "split: test", "factor: 1"),
            claim(true, "eval_mode_equals_logged", "tolerance: 1.0e-12"),
            claim(true, "train_mode_worse", "cell: degree=3,seed=0", "split: test", "factor: 1.2"),
            claim(false, "train_mode_worse", "cell: degree=3,seed=0", "split: validation", "factor: 1.2"),
            claim(true, "refactor_load", "file: state_dict", "loads: true"),
            claim(false, "refactor_load", "file: whole_model", "loads: false"), // not every cell's: seed=1's loads
            claim(false, "refactor_load", "file: whole_model", "loads: true"),
            // one cell's file only: degree=3,seed=1's whole model is torch classes only and loads, seed=0's does not
            claim(true, "refactor_load", "file: whole_model", "cell: degree=3,seed=1", "loads: true"),
            claim(false, "refactor_load", "file: whole_model", "cell: degree=3,seed=0", "loads: true"),
            claim(true, "refactor_load", "file: whole_model", "cell: degree=3,seed=0", "loads: false"));

    static Object[] claim(boolean holds, String kind, String... fields) {
        return new Object[] {holds, kind, fields};
    }

    static String yaml(List<Object[]> claims) {
        StringBuilder sb = new StringBuilder("""
                name: claims-test
                seed: 1
                data:
                  kind: regression1d
                  function: cos(1.5*pi*x)
                  noise: 0.1
                  train: 20
                  validation: 100
                  test: 100
                model:
                  kind: polynomial
                  basis: legendre
                training:
                  optimizer: lstsq
                sweep:
                  model.degree: [1, 3, 19, 60]
                  seed: [0, 1, 2, 3]
                claims:
                """);
        for (Object[] c : claims) {
            sb.append("  - kind: ").append(c[1]).append('\n');
            for (String f : (String[]) c[2]) {
                sb.append("    ").append(f).append('\n');
            }
        }
        return sb.toString();
    }

    @BeforeAll
    static void runOnce() throws IOException {
        Path file = dir.resolve("claims.yaml");
        Files.writeString(file, yaml(CLAIMS));
        run = dir.resolve("run");
        Cli.Result r = Cli.run("run", file.toString(), "--out", run.toString(), "--threads", "2", "--no-report");
        assertEquals(0, r.exitCode(), "a failed claim is a result, not an error: " + r.err());
        assertTrue(r.out().contains("✓ Cell degree=1,seed=0 underfits."), r.out());
        assertTrue(r.out().contains("✗ Cell degree=1,seed=0 fits well."), r.out());
        writeFixtures();
    }

    /** The files the stories' runs write, in the contract's columns, and a metrics curve that rises after its minimum. */
    static void writeFixtures() throws IOException {
        Files.writeString(run.resolve("eval-modes.csv"), """
                cell,epoch,split,logged_loss,eval_mode_loss,train_mode_loss
                "degree=3,seed=0",0,validation,0.0125,0.0125,0.014
                "degree=3,seed=0",0,test,0.0130,0.0130,0.020
                """);
        Files.writeString(run.resolve("refactor-check.csv"), """
                file,kind,bytes,tensors,classes,loads_after_rename,error
                best.pth,state_dict,1200,2,0,true,
                "cells/degree=3,seed=0/model.whole.pth",whole_model,1800,2,1,false,"no class 'fitlab.Polynomial' in the registry, the model class was renamed"
                "cells/degree=3,seed=1/model.whole.pth",whole_model,1800,2,1,true,
                """);
        Path cells = run.resolve("cells");
        Files.writeString(cells.resolve("degree=3,seed=1").resolve("metrics.csv"), metrics(0, 0.04, 0.02, 0.01, 0.03));
        Path continuation = Files.createDirectories(cells.resolve("degree=3,seed=2@resume-from-0"));
        double best = fitlab.runfolder.MetricsLog.read(cells.resolve("degree=3,seed=2").resolve("metrics.csv")).stream()
                .mapToDouble(fitlab.runfolder.MetricsRow::testLoss).min().orElseThrow();
        Files.writeString(continuation.resolve("metrics.csv"), metrics(1, best, 1.2 * best, 2 * best));
    }

    /** A metrics.csv whose test and validation losses follow {@code losses}, from epoch {@code first}. */
    static String metrics(int first, double... losses) {
        StringBuilder sb = new StringBuilder(fitlab.runfolder.MetricsLog.header(false)).append('\n');
        List<String> columns = List.of(fitlab.runfolder.MetricsLog.header(false).split(","));
        for (int i = 0; i < losses.length; i++) {
            List<String> row = new ArrayList<>();
            for (String c : columns) {
                row.add(switch (c) {
                    case "epoch" -> Integer.toString(first + i);
                    case "train_loss" -> "0.01";
                    case "validation_loss", "test_loss" -> Double.toString(losses[i]);
                    default -> "0";
                });
            }
            sb.append(String.join(",", row)).append('\n');
        }
        return sb.toString();
    }

    @Test
    void everyKindHoldsWhereItShouldAndFailsWhereItShouldNot() {
        List<ClaimsCsv.Row> rows = ClaimsService.check(new RunFolder(run)).rows();
        assertEquals(CLAIMS.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            ClaimsCsv.Row r = rows.get(i);
            assertEquals(CLAIMS.get(i)[1], r.kind());
            assertEquals(CLAIMS.get(i)[0], r.holds(), "claim " + (i + 1) + " " + r.textEn() + " observed: " + r.observed());
            assertTrue(!r.textEn().isBlank() && !r.textZh().isBlank() && !r.observed().isBlank());
        }
        List<String> kinds = CLAIMS.stream().map(c -> (String) c[1]).distinct().toList();
        assertEquals(11, kinds.size(), "every kind is exercised");
    }

    @Test
    void claimsCsvReadsBackAsWritten() {
        List<ClaimsCsv.Row> rows = ClaimsService.check(new RunFolder(run)).rows();
        assertEquals(rows, ClaimsCsv.read(new RunFolder(run)));
    }
}
