package nas4j.experiment;

import static nas4j.experiment.Svg.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import nas4j.util.AtomicFiles;
import nas4j.experiment.stats.Descriptive;

/**
 * report.html: one self-contained page (inline CSS and SVG, no script, nothing fetched) with the test-regret
 * curves over simulated time and charged queries (median and 25–75 % band per strategy, log–log, like Fig. 7 of
 * the NAS-Bench-101 paper), the final-regret box plot, the per-strategy and pairwise tables of the final
 * checkpoint, the critical-difference diagram, and run.json's provenance. Charts are hand-written SVG
 * ({@link Svg}).
 */
public final class HtmlReport {
  /** The file name in the experiment folder. */
  public static final String FILE = "report.html";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private HtmlReport() {}

  /** Writes {@code report.html} into the experiment's folder (atomically) and returns its path. */
  public static Path write(ExperimentResults r) throws IOException {
    return write(r, r.aggregate());
  }

  static Path write(ExperimentResults r, ExperimentResults.Aggregates a) throws IOException {
    Path file = r.dir().resolve(FILE);
    AtomicFiles.write(file, render(r, a));
    return file;
  }

  /** The page. */
  public static String render(ExperimentResults r) throws IOException {
    return render(r, r.aggregate());
  }

  private static String render(ExperimentResults r, ExperimentResults.Aggregates agg) throws IOException {
    SummaryTable summary = agg.summary();
    Comparison c = agg.comparison();
    JsonNode meta = r.runJson();
    StringBuilder sb = new StringBuilder(1 << 16);
    sb.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>nas4j report: ")
        .append(esc(r.name())).append("</title>\n<style>\n").append(CSS).append("</style>\n</head>\n<body>\n");
    sb.append("<h1>").append(esc(r.name())).append("</h1>\n");
    if (meta.hasNonNull("description")) {
      sb.append("<p class=\"description\">").append(esc(meta.get("description").asText())).append("</p>\n");
    }
    if (meta.hasNonNull("WARNING")) {
      sb.append("<p id=\"surrogate-warning\" class=\"warning\">WARNING: ").append(esc(meta.get("WARNING").asText()))
          .append("</p>\n");
    }
    sb.append(String.format(Locale.ROOT, "<p>%d strategies × %d seeds; budget %s; test regret = y*_test − the"
        + " incumbent's mean test accuracy (lower is better).</p>%n", r.labels().size(), r.seeds().size(),
        esc(meta.path("config").path("budget").toString())));

    sb.append("<section id=\"curves\">\n<h2>Test regret during the search</h2>\n<p>Median (line) and 25–75 %"
        + " band over the runs, at the summary's grid points where every run has an incumbent; log–log axes"
        + " (zero medians cannot be drawn).</p>\n");
    String[] ids = {"regret-time", "regret-queries"};
    String[] titles = {"simulated training time (s)", "charged queries"};
    for (int a = 0; a < 2; a++) {
      List<Svg.Series> series = new ArrayList<>();
      for (int s = 0; s < r.labels().size(); s++) {
        List<double[]> pts = summary.testCurve(s, a);
        double[][] cols = new double[4][pts.size()];
        for (int i = 0; i < pts.size(); i++) {
          double[] p = pts.get(i);
          cols[0][i] = p[0];
          cols[1][i] = p[2];
          cols[2][i] = p[3];
          cols[3][i] = p[4];
        }
        series.add(new Svg.Series(r.labels().get(s), cols[0], cols[1], cols[2], cols[3]));
      }
      sb.append("<figure>").append(Svg.logChart(ids[a], titles[a], "test regret", series))
          .append("<figcaption>Test regret against ").append(titles[a]).append(".</figcaption></figure>\n");
    }
    sb.append("</section>\n");

    Comparison.Point fin = c.finalPoint();
    sb.append("<div class=\"row\">\n");
    sb.append("<section id=\"final\">\n<h2>Final test regret</h2>\n<p>Each run's regret at the end of its budget."
        + " Boxes: quartiles and median; whiskers: the most extreme runs within 1.5 IQR; circles: runs beyond."
        + "</p>\n");
    List<Svg.Box> boxes = new ArrayList<>();
    double[][] finals = agg.finals();
    for (int s = 0; s < r.labels().size(); s++) {
      Descriptive d = fin.strategies().get(s).stats();
      boxes.add(Svg.Box.of(r.labels().get(s), finals[s], d.q25(), d.median(), d.q75()));
    }
    sb.append("<figure>").append(Svg.boxPlot("final-box", "final test regret", boxes))
        .append("<figcaption>Distribution of the final test regret per strategy.</figcaption></figure>\n");
    sb.append("<table id=\"strategy-table\">\n<thead><tr><th>strategy</th><th>runs</th><th>mean</th><th>median</th>"
        + "<th>IQR</th><th>s.e.</th><th>mean rank (seeds)</th></tr></thead>\n<tbody>\n");
    for (Comparison.StrategyRow s : fin.strategies()) {
      Descriptive d = s.stats();
      sb.append("<tr data-strategy=\"").append(esc(s.label())).append("\"><td>").append(esc(s.label()))
          .append("</td>").append(td(d.n())).append(td(d.mean(), "%.3e")).append(td(d.median(), "%.3e"))
          .append(td(d.iqr(), "%.3e")).append(td(d.se(), "%.2e")).append(td(s.meanRank(), "%.3f")).append("</tr>\n");
    }
    sb.append("</tbody>\n</table>\n</section>\n");
    StringBuilder pairs = new StringBuilder();
    pairs.append("<section id=\"pairs\">\n<h2>Pairwise comparisons of the final test regret</h2>\n<p>Two-sided rank-sum"
        + " (Mann–Whitney U) test for each pair, Holm-adjusted over the ").append(fin.pairs().size())
        .append(" pairs; A12 = probability that a run of the first strategy ends with a lower regret than a run of"
            + " the second (0.5 = no tendency), labelled after Vargha and Delaney; verdict for the first strategy"
            + " at α = ").append(Comparison.ALPHA).append(" on the adjusted p-value.</p>\n");
    pairs.append("<table id=\"pair-table\">\n<thead><tr><th>strategy</th><th>versus</th><th>U</th><th>p</th>"
        + "<th>p (Holm)</th><th>p-value</th><th>A12</th><th>effect</th><th>verdict</th></tr></thead>\n<tbody>\n");
    for (Comparison.PairRow p : fin.pairs()) {
      pairs.append("<tr class=\"verdict-").append(p.verdict().replace(' ', '-')).append("\"><td>")
          .append(esc(p.strategy())).append("</td><td>").append(esc(p.versus())).append("</td>");
      if (p.test() == null) {
        pairs.append("<td></td><td></td><td></td><td></td>");
      } else {
        pairs.append(td(p.test().u(), "%.1f")).append(td(p.test().p(), "%.3e")).append(td(p.pHolm(), "%.3e"))
            .append("<td>").append(p.test().method()).append("</td>");
      }
      pairs.append(td(p.a12(), "%.3f")).append("<td>").append(p.effect()).append("</td><td class=\"verdict\">")
          .append(p.verdict()).append("</td></tr>\n");
    }
    pairs.append("</tbody>\n</table>\n</section>\n");

    sb.append("<section id=\"ranking\">\n<h2>Ranking over the checkpoints: Friedman test and critical difference"
        + "</h2>\n");
    Comparison.Ranking rk = c.ranking();
    if (rk == null) {
      sb.append("<p id=\"friedman\">No Friedman ranking: it needs two strategies and a checkpoint at which every run"
          + " has an incumbent.</p>\n");
    } else {
      sb.append(String.format(Locale.ROOT, "<p id=\"friedman\" data-chi-squared=\"%s\" data-p=\"%s\" "
          + "data-problems=\"%d\">Problems: the %d checkpoints of the %s axis at which every run has an incumbent;"
          + " in each, the strategies are ranked by mean test regret (1 = lowest). Friedman χ² = %.3f, df = %d,"
          + " p = %.3e. Nemenyi critical difference at α = %s: %.3f — strategies joined by a bar are not"
          + " significantly different. Checkpoints of the same runs are not independent: read this as how"
          + " consistently the order holds over the budget.</p>%n", rk.friedman().chiSquared(), rk.friedman().p(),
          rk.problems().size(), rk.problems().size(), c.budgetAxis(), rk.friedman().chiSquared(), rk.friedman().df(),
          rk.friedman().p(), Comparison.ALPHA, rk.criticalDifference()));
      sb.append("<figure>").append(Svg.cdDiagram("cd-diagram", rk.labels(), rk.friedman().meanRanks(),
          rk.criticalDifference(), Comparison.cliques(rk)))
          .append("<figcaption>Critical-difference diagram (mean ranks; left is better).</figcaption></figure>\n");
    }
    sb.append("</section>\n</div>\n").append(pairs);

    sb.append("<section id=\"provenance\">\n<h2>Provenance (run.json)</h2>\n<table id=\"provenance-table\">\n");
    row(sb, "benchmark", meta.path("benchmark"));
    if (meta.hasNonNull("WARNING")) {
      row(sb, "WARNING", meta.get("WARNING"));
    }
    row(sb, "optimum", meta.path("optimum"));
    JsonNode protocol = meta.path("protocol");
    for (Iterator<Map.Entry<String, JsonNode>> it = protocol.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      if (!"strategies".equals(e.getKey())) {
        row(sb, "protocol." + e.getKey(), e.getValue());
      }
    }
    for (String k : new String[] {"config_hash", "config_file", "trace", "nas4j_version", "git_commit", "java", "os",
        "started", "finished", "wall_seconds", "runs"}) {
      if (meta.hasNonNull(k)) {
        row(sb, k, meta.get(k));
      }
    }
    sb.append("</table>\n<details open><summary>config (resolved)</summary><pre id=\"config\">")
        .append(esc(JSON.writeValueAsString(meta.path("config")))).append("</pre></details>\n")
        .append("<details><summary>strategies and oracle settings</summary><pre id=\"strategies\">")
        .append(esc(JSON.writeValueAsString(protocol.path("strategies")))).append("</pre></details>\n</section>\n");
    sb.append("<footer>Made by nas4j ").append(esc(RunMetadata.version()))
        .append(" from the files in this folder; statistics: docs/statistics.md.</footer>\n</body>\n</html>\n");
    return sb.toString();
  }

  private static void row(StringBuilder sb, String key, JsonNode value) throws IOException {
    String text = value.isValueNode() ? value.asText() : new ObjectMapper().writeValueAsString(value);
    sb.append("<tr><th>").append(esc(key)).append("</th><td>").append(esc(text)).append("</td></tr>\n");
  }

  private static String td(int v) {
    return "<td>" + v + "</td>";
  }

  private static String td(double v, String format) {
    return Double.isNaN(v) ? "<td></td>"
        : "<td data-value=\"" + v + "\">" + String.format(Locale.ROOT, format, v) + "</td>";
  }

  private static final String CSS = String.join("\n",
      "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;margin:24px auto;max-width:1340px;"
          + "color:#222;padding:0 16px}",
      "h1{margin-bottom:4px}h2{border-bottom:1px solid #ccc;padding-bottom:4px;margin-top:28px}",
      ".warning{background:#fff3cd;border:1px solid #e0b400;padding:8px 12px;font-weight:bold}",
      "#curves figure{display:inline-block;margin:0 12px 0 0;vertical-align:top}",
      ".row{display:flex;flex-wrap:wrap;gap:0 28px}.row section{flex:0 1 640px;min-width:0}",
      "figure{margin:8px 0}figcaption{font-size:13px;color:#555}",
      "svg text{font-size:12px;fill:#222}svg .grid{stroke:#e3e3e3}",
      "table{border-collapse:collapse;margin:8px 0;font-size:14px}",
      "th,td{border:1px solid #ccc;padding:3px 8px;text-align:left;vertical-align:top;white-space:nowrap}",
      "td[data-value]{text-align:right;font-variant-numeric:tabular-nums}",
      "thead th{background:#f2f2f2}",
      "tr.verdict-better td.verdict{color:#1a7f37;font-weight:bold}",
      "tr.verdict-worse td.verdict{color:#b42318;font-weight:bold}",
      "#provenance-table td{font-family:monospace;font-size:12px;max-width:1000px;word-break:break-word}",
      "pre{background:#f7f7f7;padding:8px;font-size:12px;max-height:420px;overflow:auto}",
      "footer{margin-top:24px;font-size:12px;color:#666}", "");
}
