package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nas4j.experiment.stats.Holm;
import nas4j.experiment.stats.RankSum;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A finished experiment's comparison.csv, friedman.csv and report.html, checked against numbers the test computes
 * itself from runs.csv and summary.csv (written by other code paths), with jsoup parsing the page.
 */
class HtmlReportTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<String> LABELS = List.of("RS", "RE", "LS");
  static final int SEEDS = 12;
  @TempDir
  static Path tmp;
  static Path dir;
  static Document page;
  static Map<String, double[]> finals; // from runs.csv

  @BeforeAll
  static void runOnce() throws IOException {
    dir = ExperimentFixture.run(tmp.resolve("exp"), "exp", SEEDS, "thinned");
    page = Jsoup.parse(HtmlReport.write(ExperimentResults.load(dir)).toFile(), "UTF-8");
    finals = new LinkedHashMap<>();
    for (String l : LABELS) {
      finals.put(l, Files.readAllLines(dir.resolve("runs.csv")).stream().skip(1).map(s -> s.split(",", -1))
          .filter(f -> f[0].equals(l)).mapToDouble(f -> Double.parseDouble(f[12])).toArray());
    }
  }

  /** R type 7 quantile, written again here (the code under test uses Commons Statistics). */
  static double quantile(double[] values, double p) {
    double[] v = values.clone();
    Arrays.sort(v);
    double h = (v.length - 1) * p;
    int lo = (int) Math.floor(h);
    return lo + 1 < v.length ? v[lo] + (h - lo) * (v[lo + 1] - v[lo]) : v[lo];
  }

  static double attr(Element e, String name) {
    return Double.parseDouble(e.attr(name));
  }

  @Test
  void statisticsFilesAreWrittenBesideTheSummary() throws IOException {
    List<String> comparison = Files.readAllLines(dir.resolve("comparison.csv"));
    assertThat(comparison.get(0)).isEqualTo(Comparison.CSV_HEADER);
    // the final checkpoint: one row per strategy, then one per pair
    for (String l : LABELS) {
      String[] f = comparison.stream().map(s -> s.split(",", -1))
          .filter(r -> r[0].equals("final") && r[2].equals("strategy") && r[3].equals(l)).findFirst().orElseThrow();
      assertThat(Integer.parseInt(f[5])).isEqualTo(SEEDS);
      assertThat(Double.parseDouble(f[7])).isCloseTo(quantile(finals.get(l), 0.5), within(1e-15));
      assertThat(Double.parseDouble(f[6])).isCloseTo(Arrays.stream(finals.get(l)).average().orElseThrow(),
          within(1e-15));
    }
    assertThat(comparison.stream().filter(s -> s.startsWith("final,,pair,"))).hasSize(3);
    // summary.csv's last grid point of each axis lies at or after every run's end: the final values again
    List<String[]> summary = Files.readAllLines(dir.resolve("summary.csv")).stream().skip(1)
        .map(s -> s.split(",", -1)).toList();
    for (String l : LABELS) {
      for (String axis : List.of("time", "queries")) {
        String[] last = summary.stream().filter(r -> r[0].equals(l) && r[1].equals(axis)).reduce((x, y) -> y)
            .orElseThrow();
        assertThat(Double.parseDouble(last[6])).as("%s %s", l, axis).isCloseTo(quantile(finals.get(l), 0.5),
            within(1e-15));
      }
    }
    // every summary grid point has its rows: 3 strategy rows + 3 pair rows
    long grid = Files.readAllLines(dir.resolve("summary.csv")).stream().skip(1)
        .filter(s -> s.startsWith("RS,")).count();
    assertThat(comparison).hasSize(1 + 6 * (int) (grid + 1));
    List<String> friedman = Files.readAllLines(dir.resolve("friedman.csv"));
    assertThat(friedman.get(0)).isEqualTo(Comparison.FRIEDMAN_HEADER);
    assertThat(friedman).hasSize(4);
    assertThat(friedman.get(1)).startsWith("queries,"); // a query budget: its checkpoints are the problems
  }

  @Test
  void regretCurvesCarryTheSummarysMediansAndQuartiles() throws IOException {
    List<String[]> summary = Files.readAllLines(dir.resolve("summary.csv")).stream().skip(1)
        .map(s -> s.split(",", -1)).toList();
    String[][] charts = {{"regret-time", "time"}, {"regret-queries", "queries"}};
    for (String[] chart : charts) {
      Element svg = page.selectFirst("svg#" + chart[0]);
      assertThat(svg).as(chart[0]).isNotNull();
      assertThat(svg.attr("data-x-scale")).isEqualTo("log");
      assertThat(svg.select("g.series")).extracting(e -> e.attr("data-strategy")).containsExactlyElementsOf(LABELS);
      for (String l : LABELS) {
        Element g = svg.selectFirst("g.series[data-strategy=" + l + "]");
        List<String> expected = new ArrayList<>();
        for (String[] r : summary) {
          // every run has an incumbent and the median is positive (a log axis)
          if (r[0].equals(l) && r[1].equals(chart[1]) && r[3].equals(r[4]) && Double.parseDouble(r[6]) > 0) {
            expected.add(Double.parseDouble(r[2]) + ":" + r[6] + ":" + r[7] + ":" + r[8]);
          }
        }
        assertThat(expected).as("%s %s", chart[0], l).isNotEmpty();
        assertThat(g.attr("data-points").split(" ")).as("%s %s", chart[0], l).containsExactlyElementsOf(expected);
        assertThat(g.select("path.median")).hasSize(1);
        assertThat(g.select("path.band")).hasSize(1);
      }
    }
  }

  @Test
  void boxPlotAndStrategyTableShowTheFinalRegret() {
    Element svg = page.selectFirst("svg#final-box");
    assertThat(svg).isNotNull();
    for (String l : LABELS) {
      double[] v = finals.get(l);
      Element box = svg.selectFirst("g.box[data-strategy=" + l + "]");
      assertThat(attr(box, "data-median")).isCloseTo(quantile(v, 0.5), within(1e-15));
      assertThat(attr(box, "data-q25")).isCloseTo(quantile(v, 0.25), within(1e-15));
      assertThat(attr(box, "data-q75")).isCloseTo(quantile(v, 0.75), within(1e-15));
      double iqr = quantile(v, 0.75) - quantile(v, 0.25);
      double low = Arrays.stream(v).filter(x -> x >= quantile(v, 0.25) - 1.5 * iqr).min().orElseThrow();
      double high = Arrays.stream(v).filter(x -> x <= quantile(v, 0.75) + 1.5 * iqr).max().orElseThrow();
      assertThat(attr(box, "data-whisker-low")).isEqualTo(low);
      assertThat(attr(box, "data-whisker-high")).isEqualTo(high);
      Element row = page.selectFirst("table#strategy-table tr[data-strategy=" + l + "]");
      assertThat(row.child(1).text()).isEqualTo(Integer.toString(SEEDS));
      assertThat(attr(row.child(2), "data-value")).isCloseTo(Arrays.stream(v).average().orElseThrow(), within(1e-15));
      assertThat(attr(row.child(3), "data-value")).isCloseTo(quantile(v, 0.5), within(1e-15));
      assertThat(attr(row.child(4), "data-value")).isCloseTo(iqr, within(1e-15));
    }
    assertThat(page.select("table#strategy-table tbody tr")).hasSize(3);
  }

  @Test
  void pairTableHoldsTheTestsOfTheFinalRegret() {
    List<Element> rows = page.select("table#pair-table tbody tr");
    assertThat(rows).hasSize(3);
    double[] p = new double[3];
    String[][] pairs = {{"RS", "RE"}, {"RS", "LS"}, {"RE", "LS"}};
    for (int i = 0; i < 3; i++) {
      p[i] = RankSum.test(finals.get(pairs[i][0]), finals.get(pairs[i][1])).p();
    }
    double[] holm = Holm.adjust(p);
    for (int i = 0; i < 3; i++) {
      Element r = rows.get(i);
      assertThat(r.child(0).text()).isEqualTo(pairs[i][0]);
      assertThat(r.child(1).text()).isEqualTo(pairs[i][1]);
      assertThat(attr(r.child(3), "data-value")).isEqualTo(p[i]);
      assertThat(attr(r.child(4), "data-value")).isEqualTo(holm[i]);
      double a12 = attr(r.child(6), "data-value");
      // A12 by counting pairs, here
      double count = 0;
      for (double x : finals.get(pairs[i][0])) {
        for (double y : finals.get(pairs[i][1])) {
          count += x < y ? 1 : x == y ? 0.5 : 0;
        }
      }
      assertThat(a12).isCloseTo(count / (SEEDS * SEEDS), within(1e-15));
      String verdict = holm[i] >= 0.05 ? "no difference" : a12 > 0.5 ? "better" : "worse";
      assertThat(r.selectFirst("td.verdict").text()).isEqualTo(verdict);
    }
  }

  @Test
  void criticalDifferenceDiagramShowsTheFriedmanRanks() throws IOException {
    Element svg = page.selectFirst("svg#cd-diagram");
    assertThat(svg).isNotNull();
    List<String[]> friedman = Files.readAllLines(dir.resolve("friedman.csv")).stream().skip(1)
        .map(s -> s.split(",", -1)).toList();
    assertThat(attr(svg, "data-cd")).isEqualTo(Double.parseDouble(friedman.get(0)[7]));
    for (String[] f : friedman) {
      Element g = svg.selectFirst("g.cd-strategy[data-strategy=" + f[2] + "]");
      assertThat(attr(g, "data-rank")).isEqualTo(Double.parseDouble(f[3]));
    }
    assertThat(svg.selectFirst("g.cd-bar")).isNotNull();
    // the mean ranks, recomputed here from comparison.csv: rank the strategies' means at every query checkpoint
    // at which every run has an incumbent
    List<String[]> rows = Files.readAllLines(dir.resolve("comparison.csv")).stream().skip(1)
        .map(s -> s.split(",", -1)).filter(r -> r[0].equals("queries") && r[2].equals("strategy")).toList();
    double[] sum = new double[3];
    int problems = 0;
    for (int i = 0; i < rows.size(); i += 3) {
      boolean complete = true;
      double[] m = new double[3];
      for (int j = 0; j < 3; j++) {
        complete &= Integer.parseInt(rows.get(i + j)[5]) == SEEDS;
        m[j] = complete ? Double.parseDouble(rows.get(i + j)[6]) : 0;
      }
      if (!complete) {
        continue;
      }
      problems++;
      for (int j = 0; j < 3; j++) {
        double r = 1;
        for (int q = 0; q < 3; q++) {
          r += m[q] < m[j] ? 1 : m[q] == m[j] && q != j ? 0.5 : 0;
        }
        sum[j] += r;
      }
    }
    assertThat(problems).isEqualTo(Integer.parseInt(friedman.get(0)[1])).isPositive();
    for (int j = 0; j < 3; j++) {
      assertThat(Double.parseDouble(friedman.get(j)[3])).isCloseTo(sum[j] / problems, within(1e-12));
    }
    Element text = page.selectFirst("#friedman");
    assertThat(Integer.parseInt(text.attr("data-problems"))).isEqualTo(problems);
  }

  @Test
  void provenanceComesFromRunJsonAndThePageIsSelfContained() throws IOException {
    JsonNode meta = JSON.readTree(dir.resolve("run.json").toFile());
    Map<String, String> prov = new LinkedHashMap<>();
    for (Element tr : page.select("table#provenance-table tr")) {
      prov.put(tr.child(0).text(), tr.child(1).text());
    }
    assertThat(prov).containsKeys("benchmark", "optimum", "protocol.incumbent", "protocol.test_regret",
        "nas4j_version", "java", "os", "config_hash");
    assertThat(prov.get("config_hash")).isEqualTo(meta.get("config_hash").asText());
    assertThat(prov.get("protocol.test_regret")).isEqualTo(meta.path("protocol").path("test_regret").asText());
    assertThat(JSON.readTree(page.selectFirst("pre#config").wholeText())).isEqualTo(meta.get("config"));
    assertThat(page.selectFirst("#surrogate-warning")).isNull(); // a synthetic benchmark, not the surrogate
    assertThat(page.select("script, link, img, iframe, object, embed")).isEmpty();
    assertThat(page.select("[src], [href]")).isEmpty();
    assertThat(page.select("svg")).hasSize(4);
  }

  @Test
  void surrogateRunsCarryTheWarning() throws IOException {
    Path copy = tmp.resolve("warned");
    OutputFolders.copy(dir, copy);
    ObjectNode meta = (ObjectNode) JSON.readTree(copy.resolve("run.json").toFile());
    meta.put("WARNING", "SURROGATE BENCHMARK: model predictions");
    Files.writeString(copy.resolve("run.json"), JSON.writeValueAsString(meta));
    Document d = Jsoup.parse(HtmlReport.render(ExperimentResults.load(copy)));
    assertThat(d.selectFirst("#surrogate-warning").text()).contains("SURROGATE BENCHMARK: model predictions");
    assertThat(d.select("table#provenance-table th")).extracting(Element::text).contains("WARNING");
  }

  @Test
  void theTraceGivesTheSameStatisticsAsThePartFilesInEveryTraceMode() throws IOException {
    Path noParts = tmp.resolve("noparts");
    OutputFolders.copy(dir, noParts);
    deleteTree(noParts.resolve(".parts"));
    assertThat(ExperimentResults.load(noParts).comparison().toCsv())
        .isEqualTo(Files.readString(dir.resolve("comparison.csv")));
    Path full = ExperimentFixture.run(tmp.resolve("full"), "exp", SEEDS, "full");
    assertThat(Files.readString(full.resolve("comparison.csv"))).isEqualTo(Files.readString(dir.resolve("comparison.csv")));
    deleteTree(full.resolve(".parts"));
    assertThat(ExperimentResults.load(full).comparison().toCsv())
        .isEqualTo(Files.readString(dir.resolve("comparison.csv")));
    assertThat(ExperimentResults.load(full).summary().toCsv()).isEqualTo(Files.readString(dir.resolve("summary.csv")));
    Path none = ExperimentFixture.run(tmp.resolve("none"), "exp", SEEDS, "none");
    assertThat(Files.readString(none.resolve("comparison.csv"))).isEqualTo(Files.readString(dir.resolve("comparison.csv")));
  }

  @Test
  void badFoldersAreClearErrors() throws IOException {
    Path empty = Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> ExperimentResults.load(empty)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not a nas4j experiment folder (no run.json)");
    Path running = tmp.resolve("running");
    OutputFolders.copy(dir, running);
    Files.writeString(running.resolve("run.json"),
        Files.readString(running.resolve("run.json")).replace("\"complete\"", "\"running\""));
    assertThatThrownBy(() -> ExperimentResults.load(running)).hasMessageContaining("status 'running'")
        .hasMessageContaining("--resume");
    Path broken = tmp.resolve("broken");
    OutputFolders.copy(dir, broken);
    deleteTree(broken.resolve(".parts"));
    List<String> trace = new ArrayList<>(Files.readAllLines(broken.resolve("trace.csv")));
    trace.set(3, trace.get(3).replaceFirst("^([^,]*,[^,]*,[^,]*,)[^,]*", "$1x"));
    Files.write(broken.resolve("trace.csv"), trace);
    assertThatThrownBy(() -> ExperimentResults.load(broken)).hasMessageContaining("trace.csv:4: not a number");
    Files.delete(broken.resolve("trace.csv"));
    assertThatThrownBy(() -> ExperimentResults.load(broken)).hasMessageContaining("neither .parts/ nor trace.csv");
  }

  static void deleteTree(Path p) throws IOException {
    try (var s = Files.walk(p)) {
      for (Path q : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
