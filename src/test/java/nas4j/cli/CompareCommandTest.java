package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import nas4j.experiment.ExperimentFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas4j compare} and {@code nas4j report} on finished experiments. */
class CompareCommandTest extends CommandTestSupport {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir
  static Path tmp;
  static Path a;
  static Path b;

  @BeforeAll
  static void experiments() throws IOException {
    a = ExperimentFixture.run(tmp.resolve("a"), "first", 10, "thinned");
    b = ExperimentFixture.run(tmp.resolve("b"), "second", 14, "none");
  }

  @Test
  void oneFolderPrintsTheFinalComparisonAndRanking() throws IOException {
    assertThat(run("compare", a.toString())).isZero();
    String text = out.toString();
    assertThat(text).contains("first: final test regret", "RS", "RE", "LS", "Holm over 3 pairs", "Friedman over",
        "Nemenyi CD");
    assertThat(run("compare", a.toString(), "--json")).isZero();
    JsonNode j = JSON.readTree(out.toString().substring(text.length()));
    assertThat(j.get("name").asText()).isEqualTo("first");
    JsonNode fin = j.get("checkpoints").get(0);
    assertThat(fin.get("axis").asText()).isEqualTo("final");
    // the same numbers as the folder's comparison.csv (written by the run)
    List<String> csv = Files.readAllLines(a.resolve("comparison.csv"));
    String[] rs = csv.get(1).split(",", -1);
    assertThat(rs[3]).isEqualTo("RS");
    assertThat(fin.get("strategies").get(0).get("median").asDouble()).isEqualTo(Double.parseDouble(rs[7]));
    assertThat(fin.get("pairs")).hasSize(3);
    assertThat(j.get("friedman").get("mean_ranks").size()).isEqualTo(3);
  }

  @Test
  void severalFoldersAreRankedWithEachExperimentCheckpointAsAProblem() throws IOException {
    Path out = tmp.resolve("cmp");
    assertThat(run("compare", a.toString(), b.toString(), "--json", "--out", out.toString())).isZero();
    JsonNode j = JSON.readTree(this.out.toString()).get("friedman");
    int pa = Integer.parseInt(Files.readAllLines(a.resolve("friedman.csv")).get(1).split(",")[1]);
    int pb = Integer.parseInt(Files.readAllLines(b.resolve("friedman.csv")).get(1).split(",")[1]);
    assertThat(j.get("problems").asInt()).isEqualTo(pa + pb);
    // the pooled mean rank is the problem-weighted mean of each experiment's mean ranks
    for (int s = 0; s < 3; s++) {
      double ra = Double.parseDouble(Files.readAllLines(a.resolve("friedman.csv")).get(1 + s).split(",")[3]);
      double rb = Double.parseDouble(Files.readAllLines(b.resolve("friedman.csv")).get(1 + s).split(",")[3]);
      String label = Files.readAllLines(a.resolve("friedman.csv")).get(1 + s).split(",")[2];
      assertThat(j.get("mean_ranks").get(label).asDouble()).isCloseTo((ra * pa + rb * pb) / (pa + pb), within(1e-12));
    }
    List<String> csv = Files.readAllLines(out.resolve("comparison.csv"));
    assertThat(csv.get(0)).startsWith("experiment,axis,x,kind,");
    assertThat(csv.stream().filter(l -> l.startsWith("first,"))).hasSize(Files.readAllLines(a.resolve("comparison.csv")).size() - 1);
    assertThat(csv.stream().filter(l -> l.startsWith("second,"))).hasSize(Files.readAllLines(b.resolve("comparison.csv")).size() - 1);
    assertThat(Files.readAllLines(out.resolve("friedman.csv")).get(1)).startsWith("budget," + (pa + pb) + ",");

    assertThat(run("compare", a.toString(), b.toString(), "--checkpoints", "final")).isZero();
    assertThat(this.out.toString()).contains("Friedman over 2 problems (final checkpoints)");
  }

  @Test
  void reportWritesTheHtmlFile() throws IOException {
    Files.deleteIfExists(a.resolve("report.html"));
    assertThat(run("report", a.toString())).isZero();
    assertThat(out.toString().trim()).isEqualTo(a.resolve("report.html").toString());
    assertThat(Files.readString(a.resolve("report.html"))).startsWith("<!DOCTYPE html>").contains("id=\"cd-diagram\"");
  }

  @Test
  void badInputIsAUserErrorWithoutStackTrace() {
    assertThat(run("compare", tmp.resolve("nowhere").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("nowhere: not a folder").doesNotContain("at nas4j");
    assertThat(run("report", tmp.toString())).isEqualTo(2);
    assertThat(err.toString()).contains("not a nas4j experiment folder (no run.json)");
    assertThat(run("compare", a.toString(), "--checkpoints", "some")).isEqualTo(2);
    assertThat(err.toString()).contains("--checkpoints 'some' is not allowed; allowed: budget, final");
  }
}
