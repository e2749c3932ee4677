package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas4j run} writes the statistics and report.html at the end, unless {@code --no-report}. */
class RunCommandReportTest extends CommandTestSupport {
  @TempDir
  Path tmp;

  @Test
  void runWritesTheReportUnlessTurnedOff() throws IOException {
    Path yaml = tmp.resolve("small.yaml");
    Files.writeString(yaml, String.join("\n", "name: small", "budget: {queries: 20}", "strategies:",
        "  - {strategy: random-search, label: RS}", "  - {strategy: local-search, label: LS}", "seeds: 4",
        "threads: 2", ""));
    Path with = tmp.resolve("with");
    assertThat(run("run", yaml.toString(), "--out", with.toString(), "--progress", "none")).isZero();
    assertThat(out.toString()).contains("report: " + with.resolve("report.html"));
    Document d = Jsoup.parse(with.resolve("report.html").toFile(), "UTF-8");
    assertThat(d.selectFirst("#surrogate-warning").text()).contains("SURROGATE BENCHMARK");
    assertThat(d.select("table#pair-table tbody tr")).hasSize(1);
    assertThat(with.resolve("comparison.csv")).exists();

    Path without = tmp.resolve("without");
    assertThat(run("run", yaml.toString(), "--out", without.toString(), "--progress", "none", "--no-report"))
        .isZero();
    assertThat(without.resolve("report.html")).doesNotExist();
    assertThat(without.resolve("comparison.csv")).exists();
    assertThat(without.resolve("friedman.csv")).exists();
  }
}
