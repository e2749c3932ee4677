package nas4j.experiment;

import java.util.List;

/**
 * The seed values of an experiment: a count {@code n} means 0..n−1, or an explicit list of distinct
 * non-negative values. Each strategy runs once per seed value. Immutable.
 */
public record Seeds(List<Long> values, boolean fromCount) {
  public Seeds {
    values = List.copyOf(values);
  }

  /** Seeds 0..n−1. */
  public static Seeds count(int n) {
    if (n < 1) {
      throw new IllegalArgumentException("seeds must be at least 1; got " + n);
    }
    Long[] v = new Long[n];
    for (int i = 0; i < n; i++) {
      v[i] = (long) i;
    }
    return new Seeds(List.of(v), true);
  }

  /** The number of seeds. */
  public int size() {
    return values.size();
  }
}
