package nas4j.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nas4j.bench.Benchmark;
import nas4j.bench.TableBenchmark;
import nas4j.bench.io.SyntheticBenchmarks;
import org.junit.jupiter.api.Test;

class BenchmarkSourceTest {
  @Test
  void aCompleteNonSurrogateTableMustMatchThePublishedOptimum() {
    Benchmark b = SyntheticBenchmarks.smooth(2); // complete (423,624 cells), not marked surrogate, wrong optimum
    assertThatThrownBy(() -> BenchmarkSource.checkOptimum(b, false))
        .isInstanceOf(BenchmarkSource.DataProblemException.class)
        .hasMessageContaining("data problem").hasMessageContaining("0.943175752957662")
        .hasMessageContaining("--allow-optimum-mismatch");
    assertThat(BenchmarkSource.checkOptimum(b, true)).startsWith("MISMATCH allowed");
    Benchmark surrogate = new TableBenchmark("surrogate test", true, b.space(), b.table());
    assertThat(BenchmarkSource.checkOptimum(surrogate, false)).contains("surrogate");
    assertThat(BenchmarkSource.of(surrogate, null, null, false).metadata())
        .containsEntry("surrogate", true).containsEntry("warning", BenchmarkSource.SURROGATE_WARNING);
  }
}
