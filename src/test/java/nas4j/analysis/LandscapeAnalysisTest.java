package nas4j.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import nas4j.bench.Benchmark;
import nas4j.bench.io.SyntheticBenchmarks;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LandscapeAnalysisTest {
  static final AnalysisOptions SMALL = new AnalysisOptions(108, 5, 4, 60, 5, 10, 6, 8, 8, 200);

  @TempDir
  Path dir;

  @Test
  @Tag("slow") // a full-space analysis: several seconds on an idle machine
  void sameSeedSameReportAndCsvFiles() throws IOException {
    Benchmark b = SyntheticBenchmarks.smooth(3);
    LandscapeValues v = LandscapeValues.of(b, 108);
    LandscapeValues sample = v.restrictedTo(Landscapes.of("every 9th", c -> 0.9, c -> 1, id -> id % 9 == 0), "s");
    LandscapeReport r1 = LandscapeAnalysis.run(b, sample, SMALL);
    LandscapeReport r2 = LandscapeAnalysis.run(b, sample, SMALL);
    assertThat(r2.rwa()).isEqualTo(r1.rwa());
    assertThat(r2.locality()).isEqualTo(r1.locality());
    assertThat(r2.sources()).isEqualTo(r1.sources());
    assertThat(r1.sources()).extracting(LandscapeReport.SourceStats::role)
        .containsExactly("benchmark", "sample", "benchmark_on_sample");
    // the sample holds the benchmark's own values: both views agree
    assertThat(r1.source("sample").operations()).isEqualTo(r1.source("benchmark_on_sample").operations());
    RandomWalks otherWalks = RandomWalks.run(v.space(), SMALL.walks(), SMALL.walkLength(), SMALL.burnIn(), 6);
    assertThat(RandomWalkAutocorrelation.compute(v, otherWalks, SMALL.maxLag(), 7)).isNotEqualTo(r1.rwa());

    List<Path> files = AnalysisCsv.write(r1, dir);
    assertThat(files).extracting(p -> p.getFileName().toString()).containsExactlyElementsOf(AnalysisCsv.FILES);
    List<String> rwa = Files.readAllLines(dir.resolve("rwa.csv"));
    assertThat(rwa.get(0)).isEqualTo("lag,pairs,autocorrelation,noise_band,shuffled_autocorrelation");
    assertThat(rwa).hasSize(1 + 10);
    List<String> ops = Files.readAllLines(dir.resolve("operation_effects.csv"));
    assertThat(ops).hasSize(1 + 3 * 6);
    assertThat(ops.get(1)).startsWith("benchmark,conv3x3,conv1x1,");
    assertThat(Files.readAllLines(dir.resolve("locality.csv"))).hasSize(1 + 8 + 1);
    assertThat(AnalysisCsv.write(r2, dir.resolve("again")).stream().map(p -> read(p)).toList())
        .isEqualTo(files.stream().map(p -> read(p)).toList());
    try (var s = Files.list(dir)) {
      assertThat(s.filter(p -> p.toString().endsWith(".tmp"))).isEmpty();
    }

    Map<String, Object> m = ReportFormat.toMap(r1);
    assertThat(m).containsKeys("benchmark", "options", "rwa", "locality", "sources", "paper", "seconds");
    String text = ReportFormat.toText(r1);
    assertThat(text).contains("Random-walk autocorrelation").contains("conv3x3 -> conv1x1").contains("-1.16 / -14.11");
  }

  @Test
  void constantBenchmarkRunsWithoutCrashing() {
    LandscapeReport r = LandscapeAnalysis.run(SyntheticBenchmarks.constant(0.9), null, SMALL);
    assertThat(r.rwa().fallsToNoiseAtLag()).isEqualTo(-1);
    assertThat(r.rwa().lags()).allSatisfy(l -> assertThat(l.autocorrelation()).isNaN());
    assertThat(ReportFormat.toText(r)).contains("NaN");
    assertThat(AnalysisCsv.rwa(r).lines().skip(1)).allSatisfy(line -> assertThat(line).contains(",,"));
  }

  private static String read(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
