package fitlab.claims;

import fitlab.config.Claim;
import fitlab.config.Experiment;
import fitlab.config.ExperimentLoader;
import fitlab.runfolder.ClaimsCsv;
import fitlab.runfolder.RunFolder;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a finished run against its lesson's claims (the {@code claims:} in its experiment.yaml) and writes
 * {@code claims.csv}. A claim that does not hold is a result of this draw, not an error: the caller decides what
 * it means for the exit code ({@code --require-claims}).
 */
public final class ClaimsService {
    private ClaimsService() {}

    /** The outcome of every claim the run could check, and the lesson's report language. */
    public record Outcome(List<ClaimsCsv.Row> rows, String language) {
        public boolean allHold() {
            return rows.stream().allMatch(ClaimsCsv.Row::holds);
        }
    }

    public static Outcome check(RunFolder run) {
        Experiment experiment = ExperimentLoader.loadRunFolder(run.experimentYaml());
        RunEvidence evidence = new RunEvidence(run);
        List<ClaimsCsv.Row> rows = new ArrayList<>();
        List<Claim> claims = experiment.claims();
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            Verdict v = ClaimEvaluator.check(c, evidence);
            rows.add(new ClaimsCsv.Row(i + 1, c.kind(), v.holds(), v.observed(), v.expected(), ClaimText.en(c), ClaimText.zh(c)));
        }
        if (!rows.isEmpty() || java.nio.file.Files.exists(ClaimsCsv.file(run))) {
            ClaimsCsv.write(run, rows);
        }
        return new Outcome(rows, experiment.base().report().language());
    }


    /**
     * The terminal lines: one per claim, ✓ or ✗, with the numbers behind it.
     *
     * @param notChecked the lesson's claims this run could not check (--quick or --set changed the sweep)
     */
    public static List<String> lines(Outcome o, int notChecked, String language) {
        List<String> out = new ArrayList<>();
        if (o.rows().isEmpty() && notChecked == 0) {
            return out;
        }
        out.add(language.equals("zh") ? "本次运行显示：" : "What this run shows:");
        for (ClaimsCsv.Row r : o.rows()) {
            out.add("  " + (r.holds() ? "✓ " : "✗ ") + r.text(language) + "  [" + r.observed()
                    + (r.holds() ? "" : "; needed " + r.expected()) + "]");
        }
        if (notChecked > 0) {
            out.add(language.equals("zh") ? "  （" + notChecked + " 条论断未检查：--quick 或 --set 改变了扫描，其单元不在本次运行中）"
                    : "  (" + notChecked + " claim(s) not checked: --quick or --set changed the sweep, their cells are not in this run)");
        }
        if (!o.allHold()) {
            out.add(language.equals("zh") ? "  这次抽样没有显示出全部效果：换一个种子、增加数据或延长训练再试。"
                    : "  This draw did not show every effect: try another seed, more data or a longer run.");
        }
        return out;
    }
}
