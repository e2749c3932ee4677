package nas4j.experiment.stats;

import nas4j.util.Statistics;

/**
 * Mean, median, quartiles (linear interpolation between order statistics, Hyndman–Fan type 7: R's and numpy's
 * default), interquartile range and standard error (sample standard deviation / √n) of a sample, from the
 * project's one home of summary statistics ({@link Statistics}). Immutable.
 */
public record Descriptive(int n, double mean, double median, double q25, double q75, double se) {

  /** The summary of {@code values} (NaN fields for an empty sample; {@code se} is NaN below two values). */
  public static Descriptive of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new Descriptive(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] q = Statistics.quantiles(values, 0.5, 0.25, 0.75);
    return new Descriptive(n, Statistics.mean(values), q[0], q[1], q[2], Statistics.standardError(values));
  }

  /** Interquartile range q75 − q25. */
  public double iqr() {
    return q75 - q25;
  }
}
