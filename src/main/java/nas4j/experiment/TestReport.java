package nas4j.experiment;

import java.util.random.RandomGenerator;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.bench.Optimum;
import nas4j.bench.QueryRecord;
import nas4j.bench.RepeatPolicy;

/**
 * How a run reports the test accuracy of its incumbent (the cell with the best validation value so far), and the
 * matching optimum y*: the best value the same convention can report for any cell, so that regret 0 means "as good
 * as the convention allows". Published conventions (docs/protocols.md):
 * <ul>
 *   <li>{@link #MEAN} — automl/nas_benchmarks {@code get_results} and the NAS-Bench-101 paper: the incumbent cell's
 *   mean test accuracy over the 3 repeats at 108 epochs; y* = the best mean (0.943175752957662 test,
 *   0.9505542318026224 validation on the official table);</li>
 *   <li>{@link #QUERIED_REPEAT} — the nasbench notebook ({@code NASBench.ipynb}): the test accuracy returned by the
 *   incumbent's own query, i.e. the repeat drawn together with its validation value (correlated with it);
 *   y* = the best single repeat;</li>
 *   <li>{@link #FRESH_REPEAT} — automl/NASLib ({@code train_statistics} queries the best architecture again): one
 *   repeat of the incumbent cell drawn independently of the search, from the run's own reporting generator; drawn
 *   when the incumbent changes (NASLib draws anew at every report; the value at any one checkpoint has the same
 *   distribution, and this way it does not depend on the checkpoint grid); y* = the best single repeat;</li>
 *   <li>{@link #MEAN_DISTINCT} — naszilla: the mean of the incumbent's distinct repeat values, through a loss
 *   {@code 100·(1 − acc)} rounded to 4 decimals, as its objective; y* likewise.</li>
 * </ul>
 * Whatever the convention, validation regret = y*_valid − the incumbent's returned validation value. Immutable.
 */
public enum TestReport {
  MEAN,
  QUERIED_REPEAT,
  FRESH_REPEAT,
  MEAN_DISTINCT;

  /** The config spelling ({@code queried-repeat}). */
  @Override
  public String toString() {
    return nas4j.util.ConfigNames.of(this);
  }

  /**
   * The reported test accuracy of cell {@code id} that just became the incumbent through query {@code r}.
   *
   * @param testBudget index of the 108-epoch budget (the optimum's) in the benchmark's table
   * @param reportRng the run's reporting generator (used by {@link #FRESH_REPEAT} only)
   */
  public double reported(MetricsTable table, int id, int testBudget, QueryRecord r, RandomGenerator reportRng) {
    switch (this) {
      case MEAN:
        return table.mean(id, testBudget, Metric.FINAL_TEST_ACCURACY);
      case QUERIED_REPEAT:
        return r.testAccuracy();
      case FRESH_REPEAT:
        return table.value(id, testBudget, reportRng.nextInt(table.repeats()), Metric.FINAL_TEST_ACCURACY);
      default:
        return table.valueOrMean(id, testBudget, RepeatPolicy.PICK_MEAN_DISTINCT, Metric.FINAL_TEST_ACCURACY);
    }
  }

  /** This convention's y*: the best value it can report over the cells with data, at the benchmark's largest budget. */
  public Optimum optimum(Benchmark b) {
    if (this == MEAN) {
      return b.optimum();
    }
    return Benchmark.scanOptimum(b, b.optimum().epochs(), this::cellBest);
  }

  private double cellBest(MetricsTable t, int id, int bi, Metric m) {
    if (this == MEAN_DISTINCT) {
      return t.valueOrMean(id, bi, RepeatPolicy.PICK_MEAN_DISTINCT, m);
    }
    double best = Double.NEGATIVE_INFINITY;
    for (int r = 0; r < t.repeats(); r++) {
      best = Math.max(best, t.value(id, bi, r, m));
    }
    return best;
  }

  /** What the convention reports, for run.json. */
  public String description() {
    switch (this) {
      case MEAN:
        return "mean test accuracy over the repeats of the incumbent cell at 108 epochs (automl/nas_benchmarks,"
            + " NAS-Bench-101 paper); y* = best mean";
      case QUERIED_REPEAT:
        return "test accuracy returned by the incumbent's own query, the repeat drawn with its validation value"
            + " (google-research/nasbench NASBench.ipynb); y* = best single repeat";
      case FRESH_REPEAT:
        return "one repeat of the incumbent cell drawn independently of the search when it becomes the incumbent"
            + " (automl/NASLib re-queries the best architecture); y* = best single repeat";
      default:
        return "mean of the incumbent's distinct repeat values through a loss 100(1 - acc) rounded to 4 decimals"
            + " (naszilla); y* likewise";
    }
  }
}
