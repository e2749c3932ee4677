package nas4j.search.jenetics;

import static org.assertj.core.api.Assertions.assertThat;

import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.Metric;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.bench.OracleListener;
import nas4j.bench.QueryRecord;
import nas4j.search.SearchStrategy;
import nas4j.space.MatrixSampler;
import nas4j.util.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statistical, seeded and deterministic: over 50 seeds at 2,000 charged queries, regularized evolution (paper
 * defaults and the notebook preset) reaches a lower mean test regret than random sampling.
 */
class RegularizedEvolutionRegretTest {
  static final int SEEDS = 50;
  static final long QUERIES = 2_000;
  static Benchmark bench;

  /** The benchmark of this test, in one place (switch to {@code SurrogateBenchmark.load()} when available). */
  static Benchmark benchmark() {
    return nas4j.bench.surrogate.SurrogateBenchmark.load();
  }

  @BeforeAll
  static void build() {
    bench = benchmark();
  }

  /**
   * The paper's incumbent (automl/nas_benchmarks {@code get_results}): the valid query with the best sampled validation accuracy, the
   * first one on ties. Sees test data only through the oracle's listener interface, never in the strategy.
   */
  static final class Incumbent implements OracleListener {
    double bestValidation = Double.NEGATIVE_INFINITY;
    int cellId = -1;

    @Override
    public void onQuery(QueryRecord r) {
      Observation o = r.observation();
      if (o.hasData() && o.validationAccuracy() > bestValidation) {
        bestValidation = o.validationAccuracy();
        cellId = o.cellId();
      }
    }

    /** Best mean test accuracy of the table − mean test accuracy (108 epochs, 3 repeats) of the incumbent. */
    double testRegret(Benchmark b) {
      return b.optimum().bestTest() - b.mean(cellId, 108, Metric.FINAL_TEST_ACCURACY);
    }
  }

  /** The paper's random search (automl/nas_benchmarks): one raw matrix draw per step, invalid ones recorded. */
  static final SearchStrategy RANDOM_SAMPLING = (oracle, rng) -> {
    while (true) {
      oracle.query(MatrixSampler.draw(rng));
    }
  };

  static double[] regrets(SearchStrategy s) {
    double[] out = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      Oracle o = Runs.oracle(bench, Budget.queries(QUERIES), 1000 + seed);
      Incumbent inc = new Incumbent();
      o.addListener(inc);
      Runs.runToBudget(s, o, 1000 + seed);
      assertThat(o.chargedQueries()).isEqualTo(QUERIES);
      out[seed] = inc.testRegret(bench);
    }
    return out;
  }

  static double mean(double[] x) {
    return Statistics.mean(x);
  }

  /** Asserts a lower mean regret, and that the paired difference is at least 3 standard errors. */
  static void assertBetter(double[] better, double[] worse) {
    double[] d = new double[SEEDS];
    for (int i = 0; i < SEEDS; i++) {
      d[i] = worse[i] - better[i];
    }
    double m = mean(d);
    double se = Statistics.standardError(d);
    assertThat(mean(better)).isLessThan(mean(worse));
    assertThat(m).as("paired mean regret difference %s, standard error %s", m, se).isGreaterThan(3 * se);
  }

  @Test
  void paperRegularizedEvolutionBeatsRandomSampling() {
    double[] rs = regrets(RANDOM_SAMPLING);
    double[] re = regrets(new RegularizedEvolution(RegularizedEvolutionParameters.defaults()));
    System.out.printf("mean test regret after %d queries, %d seeds: random %.5f, RE %.5f%n", QUERIES, SEEDS,
        mean(rs), mean(re));
    assertBetter(re, rs);
  }

  @Test
  void notebookRegularizedEvolutionBeatsRandomSampling() {
    double[] rs = regrets(RANDOM_SAMPLING);
    double[] re = regrets(new RegularizedEvolution(RegularizedEvolutionParameters.notebook()));
    System.out.printf("mean test regret after %d queries, %d seeds: random %.5f, notebook RE %.5f%n", QUERIES,
        SEEDS, mean(rs), mean(re));
    assertBetter(re, rs);
  }
}
