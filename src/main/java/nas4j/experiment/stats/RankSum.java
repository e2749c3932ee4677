package nas4j.experiment.stats;

import org.apache.commons.statistics.inference.AlternativeHypothesis;
import org.apache.commons.statistics.inference.ContinuityCorrection;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;

/**
 * The two-sided rank-sum (Wilcoxon–Mann–Whitney U) test of two independent samples, with R's
 * {@code wilcox.test(x, y)} defaults: the exact p-value when both samples have fewer than 50 values and no ties,
 * otherwise the normal approximation with the tie-corrected variance and a continuity correction (Apache Commons
 * Statistics' {@code MannWhitneyUTest}). When every value of both samples is the same there is no evidence of a
 * difference and the p-value is 1 (R returns NaN). Immutable.
 *
 * @param u the U statistic of x: #(x_i &gt; y_j) + ½ #(x_i = y_j) (R's W)
 * @param p two-sided p-value
 * @param method {@code exact}, {@code normal} (tie-corrected, continuity-corrected) or {@code all-tied}
 */
public record RankSum(double u, double p, String method) {
  /** Below this size (both samples) and without ties the p-value is exact (R's and Commons' rule). */
  public static final int EXACT_BELOW = 50;
  private static final MannWhitneyUTest TEST = MannWhitneyUTest.withDefaults()
      .with(AlternativeHypothesis.TWO_SIDED).with(PValueMethod.AUTO).with(ContinuityCorrection.ENABLED);

  /** Tests x against y (each at least one value). */
  public static RankSum test(double[] x, double[] y) {
    if (x.length == 0 || y.length == 0) {
      throw new IllegalArgumentException("rank-sum test needs at least one value in each sample");
    }
    MannWhitneyUTest.Result r = TEST.test(x, y);
    if (Double.isNaN(r.getPValue())) {
      return new RankSum(r.getStatistic(), 1.0, "all-tied");
    }
    boolean exact = !r.hasTiedValues() && x.length < EXACT_BELOW && y.length < EXACT_BELOW;
    return new RankSum(r.getStatistic(), r.getPValue(), exact ? "exact" : "normal");
  }

  /**
   * The Vargha–Delaney A12 of "x lower than y": P(X &lt; Y) + ½ P(X = Y) for a random value of each sample
   * (0.5 = no tendency; for regret, above 0.5 means x tends to be better).
   */
  public static double a12Lower(double[] x, double[] y) {
    double[] ys = y.clone();
    java.util.Arrays.sort(ys);
    double count = 0;
    for (double v : x) {
      int below = lowerBound(ys, v); // y < v
      int notAbove = upperBound(ys, v); // y ≤ v
      count += (ys.length - notAbove) + 0.5 * (notAbove - below);
    }
    return count / ((double) x.length * y.length);
  }

  private static int lowerBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (a[m] < v) {
        lo = m + 1;
      } else {
        hi = m;
      }
    }
    return lo;
  }

  private static int upperBound(double[] a, double v) {
    int lo = 0;
    int hi = a.length;
    while (lo < hi) {
      int m = (lo + hi) >>> 1;
      if (a[m] <= v) {
        lo = m + 1;
      } else {
        hi = m;
      }
    }
    return lo;
  }

  /**
   * Vargha and Delaney's (2000) conventional label of an A12 value by its distance from ½: below 0.06
   * {@code negligible}, below 0.14 {@code small}, below 0.21 {@code medium}, else {@code large} (their thresholds
   * A = 0.56, 0.64, 0.71).
   */
  public static String effectLabel(double a12) {
    double d = Math.abs(a12 - 0.5);
    if (Double.isNaN(d)) {
      return "";
    }
    // compare on a 1e-12 grid so that A = 0.56, 0.64, 0.71 (and their mirrors) fall on the documented side
    double r = Math.rint(d * 1e12) / 1e12;
    return r < 0.06 ? "negligible" : r < 0.14 ? "small" : r < 0.21 ? "medium" : "large";
  }
}
