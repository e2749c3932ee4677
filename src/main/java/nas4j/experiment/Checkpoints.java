package nas4j.experiment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where summary.csv reports, per axis ({@code seconds} = simulated training time, {@code queries} = charged
 * queries): the default log grid, an explicit list of points, or every {@code step} up to the end. Written in a
 * config as {@code checkpoints: {queries: [10, 20, 150]}}, {@code {queries: {step: 10}}}, {@code {seconds: log}};
 * an axis not named keeps the log grid. The budget's own limit is always a point of its axis. Immutable.
 *
 * @param seconds the time axis grid
 * @param queries the charged-queries axis grid
 */
public record Checkpoints(Grid seconds, Grid queries) {
  /** The log grids on both axes (the default). */
  public static final Checkpoints LOG = new Checkpoints(Grid.LOG, Grid.LOG);

  public Checkpoints {
    seconds = seconds == null ? Grid.LOG : seconds;
    queries = queries == null ? Grid.LOG : queries;
  }

  /**
   * One axis: {@code points} (ascending, distinct, positive) or {@code step} (> 0), or neither (log grid).
   */
  public record Grid(List<Double> points, double step) {
    public static final Grid LOG = new Grid(null, 0);

    public Grid {
      if (points != null) {
        points = List.copyOf(points);
        if (points.isEmpty()) {
          throw new IllegalArgumentException("the checkpoint list is empty");
        }
        for (int i = 0; i < points.size(); i++) {
          double p = points.get(i);
          if (!(p > 0) || Double.isInfinite(p)) {
            throw new IllegalArgumentException("checkpoints must be positive finite numbers; got " + p);
          }
          if (i > 0 && p <= points.get(i - 1)) {
            throw new IllegalArgumentException("checkpoints must be ascending and distinct; got " + points.get(i - 1)
                + " then " + p);
          }
        }
        if (step != 0) {
          throw new IllegalArgumentException("give either a list of checkpoints or a step, not both");
        }
      } else if (step != 0 && (!(step > 0) || Double.isInfinite(step))) {
        throw new IllegalArgumentException("the checkpoint step must be a positive finite number; got " + step);
      }
    }

    /** Every {@code step}. */
    public static Grid every(double step) {
      if (!(step > 0)) {
        throw new IllegalArgumentException("the checkpoint step must be a positive finite number; got " + step);
      }
      return new Grid(null, step);
    }

    /** An explicit list. */
    public static Grid of(List<Double> points) {
      return new Grid(points, 0);
    }

    /** True for the log grid. */
    public boolean isLog() {
      return points == null && step == 0;
    }

    /** True if every point (or the step) is a whole number. */
    boolean whole() {
      if (points != null) {
        return points.stream().allMatch(p -> p == Math.rint(p));
      }
      return step == Math.rint(step);
    }

    /** The explicit points, or step, 2·step, … up to {@code end} (a few ulps of slack); not for the log grid. */
    double[] points(double end) {
      if (points != null) {
        return points.stream().mapToDouble(Double::doubleValue).toArray();
      }
      List<Double> out = new ArrayList<>();
      for (long k = 1; k * step <= end * (1 + 1e-12); k++) {
        out.add(k * step);
      }
      return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** The config form, for run.json: {@code "log"}, the list, or {@code {step: x}}. */
    Object asConfig(boolean whole) {
      if (isLog()) {
        return "log";
      }
      if (points != null) {
        return whole ? points.stream().map(d -> (Object) d.longValue()).toList() : points;
      }
      return Map.of("step", whole ? (Object) (long) step : (Object) step);
    }
  }

  /** E.g. {@code {seconds: log, queries: {step: 10}}}. */
  @Override
  public String toString() {
    return "{seconds: " + seconds.asConfig(false) + ", queries: " + queries.asConfig(true) + "}";
  }

  /** The config form, for run.json. */
  public Map<String, Object> asConfig() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seconds", seconds.asConfig(false));
    m.put("queries", queries.asConfig(true));
    return m;
  }
}
