package nas4j.util;

import java.util.Arrays;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;

/**
 * The summary statistics every output uses, computed by commons-math3: means, sample standard deviations,
 * standard errors of the mean and quantiles. Quantiles use the R-7 estimator (linear interpolation between order
 * statistics; the default of R, numpy and pandas), so a summary agrees with what a user recomputes there.
 * Missing values (NaN) are left out by {@link #present}; the other methods expect none. Stateless; thread-safe.
 */
public final class Statistics {
  private Statistics() {}

  /** The mean, or NaN for no values. */
  public static double mean(double[] v) {
    return StatUtils.mean(v);
  }

  /** The sample standard deviation (divisor n − 1), or NaN for fewer than two values. */
  public static double standardDeviation(double[] v) {
    return v.length < 2 ? Double.NaN : Math.sqrt(StatUtils.variance(v));
  }

  /** The standard error of the mean, sample standard deviation / √n, or NaN for fewer than two values. */
  public static double standardError(double[] v) {
    return standardDeviation(v) / Math.sqrt(v.length);
  }

  /** The median, or NaN for no values. */
  public static double median(double[] v) {
    return quantiles(v, 0.5)[0];
  }

  /** The quantile at level p ∈ [0, 1], or NaN for no values. */
  public static double quantile(double[] v, double p) {
    return quantiles(v, p)[0];
  }

  /** The quantiles at levels p ∈ [0, 1], each NaN for no values; the input is not changed. */
  public static double[] quantiles(double[] v, double... levels) {
    double[] out = new double[levels.length];
    if (v.length == 0) {
      Arrays.fill(out, Double.NaN);
      return out;
    }
    Percentile percentile = new Percentile().withEstimationType(EstimationType.R_7);
    percentile.setData(v);
    for (int i = 0; i < levels.length; i++) {
      double p = levels[i];
      if (!(p >= 0 && p <= 1)) {
        throw new IllegalArgumentException("quantile level must be in [0, 1]; got " + p);
      }
      // commons-math3 takes percentages in (0, 100]; level 0 is the minimum
      out[i] = p == 0 ? StatUtils.min(v) : percentile.evaluate(100 * p);
    }
    return out;
  }

  /** The values that are not NaN, in order. */
  public static double[] present(double[] v) {
    return Arrays.stream(v).filter(x -> !Double.isNaN(x)).toArray();
  }

  /** The first n values that are not NaN, widened to double, in order. */
  public static double[] present(float[] v, int n) {
    double[] out = new double[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!Float.isNaN(v[i])) {
        out[k++] = v[i];
      }
    }
    return Arrays.copyOf(out, k);
  }
}
