package nas4j.experiment.stats;

import org.apache.commons.statistics.descriptive.Mean;
import org.apache.commons.statistics.descriptive.Quantile;
import org.apache.commons.statistics.descriptive.StandardDeviation;

/**
 * Mean, median, quartiles (linear interpolation between order statistics, Hyndman–Fan type 7: R's and numpy's
 * default), interquartile range and standard error (sample standard deviation / √n) of a sample. Immutable.
 */
public record Descriptive(int n, double mean, double median, double q25, double q75, double se) {
  private static final Quantile QUANTILE = Quantile.withDefaults().with(Quantile.EstimationMethod.HF7);

  /** The summary of {@code values} (NaN fields for an empty sample; {@code se} is NaN below two values). */
  public static Descriptive of(double[] values) {
    int n = values.length;
    if (n == 0) {
      return new Descriptive(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
    }
    double[] q = QUANTILE.evaluate(values, 0.5, 0.25, 0.75);
    double se = n < 2 ? Double.NaN : StandardDeviation.of(values).getAsDouble() / Math.sqrt(n);
    return new Descriptive(n, Mean.of(values).getAsDouble(), q[0], q[1], q[2], se);
  }

  /** Interquartile range q75 − q25. */
  public double iqr() {
    return q75 - q25;
  }
}
