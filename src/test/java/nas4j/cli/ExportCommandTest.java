package nas4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.bench.io.Datasets;
import nas4j.bench.surrogate.SurrogateBenchmark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code nas4j export}: the surrogate written in the official layout reads back exactly. */
class ExportCommandTest extends CommandTestSupport {
  @TempDir
  Path tmp;


  @Test
  void only108ExportOfTheSurrogateLoadsBackToExactlyItsAnswers() {
    Path f = tmp.resolve("surrogate-only108.tfrecord");
    assertThat(run("export", "--benchmark", "surrogate", "--variant", "only108", "--out", f.toString())).isZero();
    assertThat(out.toString()).contains("surrogate nb101 v2.1").contains("not NAS-Bench-101 measurements");
    Benchmark s = SurrogateBenchmark.load();
    Benchmark back = Datasets.load(f);
    assertThat(back.cellCount()).isEqualTo(s.cellCount()).isEqualTo(423_624);
    assertThat(back.epochBudgets()).containsExactly(108);
    MetricsTable a = s.table();
    MetricsTable b = back.table();
    int ia = a.budgetIndex(108);
    int ib = b.budgetIndex(108);
    for (Metric m : Metric.values()) {
      assertThat(b.column(ib, m)).as(m.key()).isEqualTo(a.column(ia, m));
    }
    assertThat(back.optimum().bestTest()).isEqualTo(s.optimum().bestTest());
    assertThat(back.optimum().bestValidationCell()).isEqualTo(s.optimum().bestValidationCell());
  }

  @Test
  void badVariantIsAUserError() {
    assertThat(run("export", "--variant", "half", "--out", tmp.resolve("x").toString())).isEqualTo(2);
    assertThat(err.toString()).contains("--variant must be only108 or full");
  }
}
