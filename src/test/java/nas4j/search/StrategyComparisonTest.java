package nas4j.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import nas4j.bench.Benchmark;
import nas4j.bench.Budget;
import nas4j.bench.BudgetExhaustedException;
import nas4j.bench.Metric;
import nas4j.bench.Oracle;
import nas4j.bench.OracleConfig;
import nas4j.bench.OracleListener;
import nas4j.bench.QueryRecord;
import nas4j.util.Statistics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Statistical comparison (seeded, deterministic): 50 runs per strategy at a fixed budget; mean test regret of the
 * incumbent chosen by best sampled validation accuracy (automl/nas_benchmarks {@code get_results}).
 */
class StrategyComparisonTest {
  static final int SEEDS = 50;
  static final Budget BUDGET = Budget.queries(300);
  /** Long enough for REINFORCE's policy to learn. */
  static final Budget LONG = Budget.queries(5000);

  static Benchmark bench;
  static double bestMeanTest;

  /**
   * The one place that chooses the benchmark. Today the synthetic smooth table; the lead may switch this to the
   * surrogate ({@code nas4j.bench.surrogate.SurrogateBenchmark.load()}).
   */
  static Benchmark benchmark() {
    return nas4j.bench.surrogate.SurrogateBenchmark.load();
  }

  @BeforeAll
  static void load() {
    bench = benchmark();
    bestMeanTest = bench.optimum().bestTest();
  }

  /** Tracks the incumbent (best sampled validation, strict improvement) and reports its test regret. */
  static final class Incumbent implements OracleListener {
    private final int budgetIndex;
    double bestValidation = Double.NEGATIVE_INFINITY;
    int cell = -1;

    Incumbent(Benchmark b, int epochs) {
      budgetIndex = b.budgetIndex(epochs);
    }

    @Override
    public void onQuery(QueryRecord r) {
      if (r.observation().hasData() && r.observation().validationAccuracy() > bestValidation) {
        bestValidation = r.observation().validationAccuracy();
        cell = r.observation().cellId();
      }
    }

    double testRegret() {
      return bestMeanTest - bench.table().mean(cell, budgetIndex, Metric.FINAL_TEST_ACCURACY);
    }
  }

  /** Test regrets of 50 seeded runs at the default budget. */
  static double[] regrets(SearchStrategy s) {
    return regrets(s, BUDGET);
  }

  /** Test regrets of 50 seeded runs. */
  static double[] regrets(SearchStrategy s, Budget budget) {
    double[] out = new double[SEEDS];
    for (int seed = 0; seed < SEEDS; seed++) {
      OracleConfig cfg = OracleConfig.defaults(budget).withMeasureCpu(false);
      Oracle o = new Oracle(bench, cfg, new SplittableRandom(10_000 + seed));
      Incumbent inc = new Incumbent(bench, cfg.epochs());
      o.addListener(inc);
      try {
        s.run(o, new SplittableRandom(seed));
      } catch (BudgetExhaustedException e) {
        // normal end
      }
      assertThat(inc.cell).isNotNegative();
      out[seed] = inc.testRegret();
      assertThat(out[seed]).isGreaterThanOrEqualTo(0);
    }
    return out;
  }

  static double mean(double[] x) {
    return Statistics.mean(x);
  }

  /** Standard error of the mean of the paired differences a − b. */
  static double pairedStandardError(double[] a, double[] b) {
    double[] d = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      d[i] = a[i] - b[i];
    }
    return Statistics.standardError(d);
  }

  static double[] randomSearch;

  static synchronized double[] randomSearch() {
    if (randomSearch == null) {
      randomSearch = regrets(new RandomSearch(RandomSearchParameters.defaults()));
    }
    return randomSearch;
  }

  @Test
  void localSearchReachesALowerMeanTestRegretThanRandomSearch() {
    double[] rs = randomSearch();
    double[] ls = regrets(new LocalSearch(LocalSearchParameters.defaults()));
    System.out.printf(java.util.Locale.ROOT, "mean test regret at %s over %d seeds: RS %.5f, LS %.5f (se %.5f)%n",
        BUDGET, SEEDS, mean(rs), mean(ls), pairedStandardError(ls, rs));
    assertThat(mean(ls)).isLessThan(mean(rs));
    // and clearly so: by more than two standard errors of the paired difference
    assertThat(mean(rs) - mean(ls)).isGreaterThan(2 * pairedStandardError(ls, rs));
  }

  /**
   * The NAS-Bench-101 paper (Fig. 7; docs/search-protocols.md) finds REINFORCE clearly better than random search
   * once it has had time to learn, and worse than regularized evolution; at 150 queries naszilla's table has it
   * no better than random search. So the check is made after the policy has learnt, at 5,000 queries (about the
   * paper's evaluations per run, google-research/nasbench#8): REINFORCE's mean test regret must be below random
   * search's by more than two standard errors of the paired difference (measured: RS 0.00766, REINFORCE 0.00589,
   * standard error 0.00044 on the surrogate).
   */
  @Test
  void reinforceLearnsToBeatRandomSearch() {
    double[] rs = regrets(new RandomSearch(RandomSearchParameters.defaults()), LONG);
    double[] rl = regrets(new Reinforce(ReinforceParameters.defaults()), LONG);
    System.out.printf(java.util.Locale.ROOT, "mean test regret at %s over %d seeds: RS %.5f, REINFORCE %.5f (se %.5f)%n",
        LONG, SEEDS, mean(rs), mean(rl), pairedStandardError(rl, rs));
    assertThat(mean(rs) - mean(rl)).isGreaterThan(2 * pairedStandardError(rl, rs));
  }
}
