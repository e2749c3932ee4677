package nas4j.bench.surrogate;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Fit time: turns a score per cell (the smoothed prediction) into cell means whose distribution is the real one.
 * Cells keep the order of their scores; the mean of the cell at rank {@code k} of {@code N} is the quantile
 * {@code Q((k + ½)/N)} of a distribution of cell means, found so that the single repeats it implies (mean plus the
 * {@link LevelNoise} deviation of one repeat from the mean of three, standard deviation {@code σ·√(2/3)}) have the
 * real single-repeat quantiles: starting from the real quantiles, each round simulates one repeat per rank (a
 * fixed seeded draw) and moves every quantile by the gap between the real and the simulated single-repeat quantile
 * at its rank, averaged over neighbouring ranks (then keeps the quantiles non-decreasing). Above the last {@link #TAIL_POINTS} real values, too few
 * to pin quantiles, the means rise linearly in {@code −ln(1 − u)} to the published best mean at the top rank.
 * Stateless.
 */
final class MarginalMap {
  /** Real values at the very top that are replaced by the tail curve. */
  static final int TAIL_POINTS = 20;
  /** Rounds of the deconvolution (each round removes all but a few per cent of the remaining error). */
  static final int ROUNDS = 6;
  /** The moving average of a round's correction spans {@code 2·n/SMOOTHING_RANKS + 1} ranks. */
  static final int SMOOTHING_RANKS = 2000;

  private MarginalMap() {}

  /**
   * The cell means.
   *
   * @param score a score per cell (higher is better); ties are ordered by cell id
   * @param realSingles real single-repeat values (one per cell of a uniform sample)
   * @param level the repeat noise by level
   * @param best the mean of the best cell
   * @param seed seed of the simulated repeats
   */
  static double[] means(double[] score, double[] realSingles, LevelNoise level, double best, long seed) {
    int n = score.length;
    int[] order = IntStream.range(0, n).boxed()
        .sorted((a, b) -> score[a] != score[b] ? Double.compare(score[a], score[b]) : Integer.compare(a, b))
        .mapToInt(Integer::intValue).toArray();
    double[] real = realSingles.clone();
    Arrays.sort(real);
    int m = real.length;
    double[] target = new double[n];
    for (int k = 0; k < n; k++) {
      double pos = (k + 0.5) / n * (m - 1);
      int lo = (int) pos;
      int hi = Math.min(lo + 1, m - 1);
      target[k] = real[lo] + (pos - lo) * (real[hi] - real[lo]);
    }
    int tailStart = (int) Math.ceil((1 - TAIL_POINTS / (double) m) * n);
    SplittableRandom rng = new SplittableRandom(seed);
    double[] eps = new double[n];
    double spread = StrictMath.sqrt(2.0 / 3.0);
    for (int k = 0; k < n; k++) {
      eps[k] = rng.nextGaussian() * spread;
    }
    double[] q = target.clone();
    tail(q, tailStart, best);
    double[] sim = new double[n];
    for (int round = 0; round < ROUNDS; round++) {
      for (int k = 0; k < n; k++) {
        sim[k] = q[k] + level.std(q[k]) * eps[k];
      }
      Arrays.sort(sim);
      // the rank-by-rank gap is jagged (one simulated draw per rank): move by its moving average
      double[] prefix = new double[tailStart + 1];
      for (int k = 0; k < tailStart; k++) {
        prefix[k + 1] = prefix[k] + (target[k] - sim[k]);
      }
      int half = Math.max(1, n / SMOOTHING_RANKS);
      for (int k = 0; k < tailStart; k++) {
        int a = Math.max(0, k - half);
        int b = Math.min(tailStart, k + half + 1);
        q[k] += (prefix[b] - prefix[a]) / (b - a);
      }
      for (int k = 1; k < tailStart; k++) {
        q[k] = Math.max(q[k], q[k - 1]);
      }
      tail(q, tailStart, best);
    }
    double[] mean = new double[n];
    for (int k = 0; k < n; k++) {
      mean[order[k]] = Math.min(1, Math.max(0, q[k]));
    }
    return mean;
  }

  private static void tail(double[] q, int start, double best) {
    int n = q.length;
    double from = q[start - 1];
    if (!(best > from)) {
      throw new IllegalArgumentException("the best mean " + best + " must exceed the quantile " + from
          + " below the tail");
    }
    double l0 = -StrictMath.log(1 - (start - 0.5) / n);
    double l1 = -StrictMath.log(1 - (n - 0.5) / n);
    for (int k = start; k < n; k++) {
      double l = -StrictMath.log(1 - (k + 0.5) / n);
      q[k] = from + (best - from) * (l - l0) / (l1 - l0);
    }
  }
}
