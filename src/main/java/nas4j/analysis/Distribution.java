package nas4j.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nas4j.util.Statistics;

/**
 * Distribution summary over the cells with values: quantiles of validation accuracy, test accuracy (if known),
 * training time (if known) and trainable parameters, and the fraction of cells whose accuracy is within x
 * accuracy points of the best (best − acc ≤ x/100, absolute percentage points, x in {@link #WITHIN_POINTS}).
 * Immutable.
 */
public record Distribution(int cells, List<Quantiles> quantiles, List<NearBest> nearBest) {
  /** Quantile levels reported. */
  public static final double[] LEVELS = {0, 0.01, 0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95, 0.99, 1};
  /** Distances to the best, in accuracy points. */
  public static final double[] WITHIN_POINTS = {0.1, 0.5, 1, 2, 5};

  public Distribution {
    quantiles = List.copyOf(quantiles);
    nearBest = List.copyOf(nearBest);
  }

  /** Quantiles of one metric at {@link #LEVELS} (type-7 interpolation), with mean and count. */
  public record Quantiles(String metric, long cells, double mean, List<Double> values) {
    public Quantiles {
      values = List.copyOf(values);
    }

    /** The quantile at level {@code p} (one of {@link #LEVELS}). */
    public double at(double p) {
      for (int i = 0; i < LEVELS.length; i++) {
        if (LEVELS[i] == p) {
          return values.get(i);
        }
      }
      throw new IllegalArgumentException("level " + p + " is not reported; levels: " + Arrays.toString(LEVELS));
    }
  }

  /** Fraction of cells within {@code points} accuracy points of the best of {@code metric}. */
  public record NearBest(String metric, double points, double best, long cells, double fraction) {}

  /** Summarises the values. */
  public static Distribution compute(LandscapeValues values) {
    int n = values.count();
    double[] val = new double[n];
    double[] test = new double[n];
    double[] time = new double[n];
    double[] params = new double[n];
    for (int k = 0; k < n; k++) {
      int id = values.idAt(k);
      val[k] = values.validation(id);
      test[k] = values.test(id);
      time[k] = values.time(id);
      params[k] = values.space().parameters(id);
    }
    List<Quantiles> q = new ArrayList<>();
    List<NearBest> near = new ArrayList<>();
    q.add(quantiles("validation_accuracy", val));
    near.addAll(nearBest("validation_accuracy", val));
    if (values.hasTest()) {
      q.add(quantiles("test_accuracy", test));
      near.addAll(nearBest("test_accuracy", test));
    }
    if (values.hasTime()) {
      q.add(quantiles("training_time", time));
    }
    q.add(quantiles("trainable_parameters", params));
    return new Distribution(n, q, near);
  }

  private static double[] sortedFinite(double[] v) {
    double[] s = Statistics.present(v);
    Arrays.sort(s);
    return s;
  }

  private static Quantiles quantiles(String metric, double[] v) {
    double[] s = Statistics.present(v);
    List<Double> out = Arrays.stream(Statistics.quantiles(s, LEVELS)).boxed().toList();
    return new Quantiles(metric, s.length, Statistics.mean(s), out);
  }

  private static List<NearBest> nearBest(String metric, double[] v) {
    double[] s = sortedFinite(v);
    List<NearBest> out = new ArrayList<>();
    if (s.length == 0) {
      return out;
    }
    double best = s[s.length - 1];
    for (double x : WITHIN_POINTS) {
      double threshold = best - x / 100;
      long c = Arrays.stream(s).filter(a -> a >= threshold - 1e-12).count();
      out.add(new NearBest(metric, x, best, c, (double) c / s.length));
    }
    return out;
  }
}
