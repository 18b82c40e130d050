package fitlab.report;

import fitlab.diagnosis.DiagnosisThresholds;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code report/index.html}: one self-contained page (inline CSS, no scripts, no network) with the question, every
 * chart (relative links into {@code charts/}), the written diagnosis with its rules, the summary table and the resolved
 * configuration. It opens from disk.
 */
public final class HtmlReport {
    private HtmlReport() {}

    public static String html(LoadedRun run, List<RenderedChart> charts, List<String> diagnosis, Messages m) {
        StringBuilder h = new StringBuilder(16_384);
        String lang = m.language().equals("zh") ? "zh-Hans" : "en";
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(esc(m.get("html.title", run.base().name()))).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
        h.append("<h1>").append(esc(m.get("html.title", run.base().name()))).append("</h1>\n");
        h.append("<h2>").append(esc(m.get("html.question"))).append("</h2>\n<p class=\"question\">")
                .append(esc(run.base().question().in(m.language()))).append("</p>\n");
        ClaimsSection.html(h, run.folder(), m);
        h.append("<p><a href=\"").append(SlideDeck.FILE).append("\">").append(esc(m.get("html.slides"))).append("</a></p>\n");
        h.append("<h2>").append(esc(m.get("html.charts"))).append("</h2>\n");
        section(h, charts, "main");
        section(h, charts, "boundaries");
        h.append("<h2>").append(esc(m.get("html.diagnosis"))).append("</h2>\n<ul class=\"diagnosis\">\n");
        for (String d : diagnosis) {
            h.append("<li>").append(esc(d)).append("</li>\n");
        }
        h.append("</ul>\n<h3>").append(esc(m.get("html.thresholds"))).append("</h3>\n<pre>")
                .append(esc(DiagnosisThresholds.DEFAULTS.thresholdsDescription(m.language()))).append("</pre>\n");
        h.append("<h2>").append(esc(m.get("html.summary"))).append("</h2>\n");
        table(h, run.folder().summaryCsv());
        if (charts.stream().anyMatch(c -> c.section().equals("cells"))) {
            h.append("<h2>").append(esc(m.get("html.lossCurves"))).append("</h2>\n");
            section(h, charts, "cells");
        }
        h.append("<h2>").append(esc(m.get("html.config"))).append("</h2>\n<pre>").append(esc(run.experimentYaml())).append("</pre>\n");
        h.append("<p class=\"note\">").append(esc(m.get("html.generated", run.folder().root().getFileName()))).append("</p>\n");
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void section(StringBuilder h, List<RenderedChart> charts, String section) {
        for (RenderedChart c : charts) {
            if (!c.section().equals(section)) {
                continue;
            }
            String png = "charts/" + c.name() + ".png";
            h.append("<figure id=\"").append(esc(c.name())).append("\">\n<a href=\"charts/").append(esc(c.name()))
                    .append(".svg\"><img src=\"").append(esc(png)).append("\" alt=\"").append(esc(c.chart().getTitle()))
                    .append("\" width=\"1920\" height=\"1080\"></a>\n");
            if (!c.gifFrames().isEmpty()) {
                h.append("<img class=\"animation\" src=\"charts/").append(esc(c.name())).append(".gif\" alt=\"")
                        .append(esc(c.chart().getTitle())).append("\">\n");
            }
            h.append("<figcaption>").append(esc(c.caption())).append("</figcaption>\n</figure>\n");
        }
    }

    private static void table(StringBuilder h, Path csv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new fitlab.UserError(csv + ": cannot read: " + e.getMessage());
        }
        h.append("<div class=\"table\"><table>\n");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            String tag = i == 0 ? "th" : "td";
            h.append("<tr>");
            for (String cell : csvFields(lines.get(i))) {
                h.append('<').append(tag).append('>').append(esc(i == 0 ? cell : shorten(cell))).append("</").append(tag).append('>');
            }
            h.append("</tr>\n");
        }
        h.append("</table></div>\n");
    }

    /** Splits one CSV line, honouring double quotes (Tablesaw quotes values such as {@code [16, 16]}). */
    static List<String> csvFields(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    cur.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out;
    }

    /** Long decimals (loss values) to 4 significant digits; everything else as written. */
    private static String shorten(String cell) {
        if (cell.matches("-?\\d+\\.\\d{5,}(E-?\\d+)?")) {
            return Messages.number(Double.parseDouble(cell));
        }
        return cell;
    }

    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static final String CSS = """
            body { font-family: "Noto Sans CJK SC", "Noto Sans", sans-serif; max-width: 1200px; margin: 2em auto; padding: 0 1em; color: #111; }
            h1 { font-size: 2em; } h2 { margin-top: 2em; border-bottom: 1px solid #ccc; }
            .question { font-size: 1.4em; }
            figure { margin: 1.5em 0; } figure img { width: 100%; height: auto; border: 1px solid #eee; }
            img.animation { width: 50%; }
            figcaption { color: #444; }
            .table { overflow-x: auto; } table { border-collapse: collapse; font-size: 0.85em; }
            th, td { border: 1px solid #ccc; padding: 0.2em 0.5em; text-align: right; white-space: nowrap; }
            pre { background: #f6f6f6; padding: 1em; overflow-x: auto; }
            .diagnosis li { margin: 0.3em 0; } .note { color: #666; font-size: 0.9em; }
            """;
}
