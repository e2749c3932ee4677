package nas4j.bench.surrogate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.InputStream;
import java.util.SplittableRandom;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.bench.Optimum;
import nas4j.space.ModuleHash;
import nas4j.space.SpaceIndex;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SurrogateBenchmarkTest {
  static Benchmark bench;
  static SurrogateResource resource;

  @BeforeAll
  static void load() throws Exception {
    bench = SurrogateBenchmark.load();
    resource = SurrogateBenchmark.readResource(SpaceIndex.shared());
  }

  @Test
  void isASharedSurrogateNamedAsSuch() {
    assertThat(SurrogateBenchmark.load()).isSameAs(bench);
    assertThat(bench.isSurrogate()).isTrue();
    assertThat(bench.identity()).isEqualTo("surrogate nb101 v2.1");
    assertThat(resource.properties()).containsEntry("identity", SurrogateBenchmark.RESOURCE_IDENTITY);
    assertThat(SurrogateBenchmark.RESOURCE_IDENTITY).isEqualTo("surrogate nb101 v2");
  }

  @Test
  void coversEveryCellWithAllBudgetsAndRepeats() {
    assertThat(bench.cellCount()).isEqualTo(SpaceIndex.UNIQUE_CELLS);
    assertThat(bench.epochBudgets()).containsExactly(4, 12, 36, 108);
    assertThat(bench.repeats()).isEqualTo(3);
    for (int id = 0; id < bench.space().size(); id += 997) {
      assertThat(bench.contains(id)).isTrue();
    }
  }

  @Test
  void everyValueIsInRange() {
    MetricsTable t = bench.table();
    for (int b = 0; b < 4; b++) {
      float[] val = t.column(b, Metric.FINAL_VALIDATION_ACCURACY);
      float[] time = t.column(b, Metric.FINAL_TRAINING_TIME);
      float[] half = t.column(b, Metric.HALFWAY_TRAINING_TIME);
      for (Metric m : Metric.values()) {
        float[] c = t.column(b, m);
        for (int i = 0; i < c.length; i++) {
          if (m == Metric.FINAL_TRAINING_TIME || m == Metric.HALFWAY_TRAINING_TIME) {
            assertThat(c[i]).isPositive().isFinite();
          } else {
            assertThat(c[i] >= 0 && c[i] <= 1).as("%s[%d] = %s", m, i, c[i]).isTrue();
          }
        }
      }
      for (int i = 0; i < val.length; i++) {
        assertThat(half[i]).isLessThan(time[i]);
      }
    }
    // budgets order the training times of every cell
    for (int id = 0; id < bench.space().size(); id += 101) {
      assertThat(bench.mean(id, 4, Metric.FINAL_TRAINING_TIME)).isLessThan(bench.mean(id, 12, Metric.FINAL_TRAINING_TIME));
      assertThat(bench.mean(id, 36, Metric.FINAL_TRAINING_TIME)).isLessThan(bench.mean(id, 108, Metric.FINAL_TRAINING_TIME));
    }
  }

  @Test
  void meanOverRepeatsIsTheStoredMeanForEveryCell() {
    // repeats are centred on the stored means, so the 3-repeat means are exact (float rounding aside)
    for (int id = 0; id < bench.space().size(); id += 7) {
      assertThat(bench.mean(id, 108, Metric.FINAL_VALIDATION_ACCURACY))
          .isCloseTo(resource.meanValidation(3, id), within(2e-7));
      assertThat(bench.mean(id, 108, Metric.FINAL_TEST_ACCURACY)).isCloseTo(resource.meanTest108(id), within(2e-7));
    }
  }

  @Test
  void aSecondBuildFromTheResourceIsIdentical() throws Exception {
    SurrogateResource again;
    try (InputStream in = getClass().getResourceAsStream(SurrogateResource.RESOURCE)) {
      again = SurrogateResource.read(in, "again", SpaceIndex.shared());
    }
    Benchmark b2 = SurrogateBenchmark.build(SpaceIndex.shared(), again);
    assertThat(b2).isNotSameAs(bench);
    assertThat(b2.table()).isEqualTo(bench.table());
  }

  @Test
  void optimumIsTheFullScan() {
    Optimum o = bench.optimum();
    double bestV = -1;
    double bestT = -1;
    int argV = -1;
    int argT = -1;
    for (int id = 0; id < bench.space().size(); id++) {
      double v = bench.mean(id, 108, Metric.FINAL_VALIDATION_ACCURACY);
      double t = bench.mean(id, 108, Metric.FINAL_TEST_ACCURACY);
      if (v > bestV) {
        bestV = v;
        argV = id;
      }
      if (t > bestT) {
        bestT = t;
        argT = id;
      }
    }
    assertThat(o.epochs()).isEqualTo(108);
    assertThat(o.bestValidation()).isEqualTo(bestV);
    assertThat(o.bestTest()).isEqualTo(bestT);
    assertThat(o.bestValidationCell()).isEqualTo(bench.space().hash(argV));
    assertThat(o.bestTestCell()).isEqualTo(bench.space().hash(argT));
    // plausible NAS-Bench-101 scale (real optimum: validation 0.9506, test 0.9432)
    assertThat(o.bestValidation()).isBetween(0.93, 0.97);
    assertThat(o.bestTest()).isBetween(0.93, 0.97);
  }

  @Test
  void parameterCountsAreExact() {
    SpaceIndex s = bench.space();
    for (int id = 0; id < s.size(); id += 37) {
      assertThat(bench.parameters(id)).isEqualTo(s.parameters(id));
    }
    // reference values: parameter counts stored in the official dataset for these two cells (docs/format.md)
    assertThat(bench.parameters(bench.idOf(ModuleHash.parse("28cfc7874f6d200472e1a9dcd8650aa0")))).isEqualTo(2_694_282);
    assertThat(bench.parameters(bench.idOf(ModuleHash.parse("02e5a0247bbdcf2860b7e96f74961594")))).isEqualTo(32_426_634);
  }

  @Test
  void brokenCellsAreRareAndFarBelowTheRest() {
    float[] val = bench.table().column(3, Metric.FINAL_VALIDATION_ACCURACY);
    long below = 0;
    for (float v : val) {
      if (v < 0.80f) {
        below++;
      }
    }
    double share = below / (double) val.length;
    // real sample: 98 of 20,001 single repeats below 0.80 (0.49 %)
    assertThat(share).isBetween(0.0049 * 0.6, 0.0049 * 1.5);
  }

  @Test
  void resourceIsSmall() throws Exception {
    try (InputStream in = getClass().getResourceAsStream(SurrogateResource.RESOURCE)) {
      assertThat(in.readAllBytes().length).isLessThanOrEqualTo(10 * 1024 * 1024);
    }
  }
}
