package fitlab.report;

import fitlab.runfolder.ClaimsCsv;
import fitlab.runfolder.RunFolder;
import java.util.ArrayList;
import java.util.List;

/**
 * "What this run shows": the lesson's claims as checked in claims.csv, at the top of the HTML report and on the slides
 * after the title. A claim that did not hold is said plainly, with what to change, as a result of this draw.
 */
final class ClaimsSection {
    private ClaimsSection() {}

    /** One line per claim: ✓ or ✗, the sentence and the numbers behind it; then, if one failed, what to try. */
    static List<String> lines(RunFolder run, Messages m) {
        List<ClaimsCsv.Row> rows = ClaimsCsv.read(run);
        List<String> out = new ArrayList<>();
        for (ClaimsCsv.Row r : rows) {
            out.add((r.holds() ? "✓ " : "✗ ") + r.text(m.language()) + " (" + r.observed() + ")");
        }
        if (rows.stream().anyMatch(r -> !r.holds())) {
            out.add(m.get("claims.failed"));
        }
        return out;
    }

    static void html(StringBuilder h, RunFolder run, Messages m) {
        List<ClaimsCsv.Row> rows = ClaimsCsv.read(run);
        if (rows.isEmpty()) {
            return;
        }
        h.append("<h2 id=\"claims\">").append(HtmlReport.esc(m.get("claims.title"))).append("</h2>\n<ul class=\"claims\">\n");
        for (ClaimsCsv.Row r : rows) {
            h.append("<li class=\"").append(r.holds() ? "holds" : "fails").append("\">").append(r.holds() ? "✓ " : "✗ ")
                    .append(HtmlReport.esc(r.text(m.language()))).append(" <span class=\"numbers\">(")
                    .append(HtmlReport.esc(r.observed())).append(r.holds() ? "" : HtmlReport.esc("; " + m.get("claims.needed") + " " + r.expected()))
                    .append(")</span></li>\n");
        }
        h.append("</ul>\n");
        if (rows.stream().anyMatch(r -> !r.holds())) {
            h.append("<p class=\"claims-failed\">").append(HtmlReport.esc(m.get("claims.failed"))).append("</p>\n");
        }
    }
}
