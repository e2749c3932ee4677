package nas4j.experiment.stats;

import java.util.Arrays;
import java.util.Comparator;

/** Holm's (1979) step-down adjustment of p-values for a family of tests (R's {@code p.adjust(p, "holm")}). */
public final class Holm {
  private Holm() {}

  /**
   * Adjusted p-values in the input order: sorted ascending, the i-th (0-based) of m is multiplied by (m − i),
   * then made non-decreasing by a running maximum and capped at 1. NaN entries are left out of the family and
   * stay NaN.
   */
  public static double[] adjust(double[] p) {
    Integer[] order = new Integer[p.length];
    int m = 0;
    for (int i = 0; i < p.length; i++) {
      if (!Double.isNaN(p[i])) {
        order[m++] = i;
      }
    }
    Integer[] idx = Arrays.copyOf(order, m);
    Arrays.sort(idx, Comparator.comparingDouble(i -> p[i]));
    double[] out = new double[p.length];
    Arrays.fill(out, Double.NaN);
    double running = 0;
    for (int r = 0; r < m; r++) {
      running = Math.max(running, Math.min(1.0, (m - r) * p[idx[r]]));
      out[idx[r]] = running;
    }
    return out;
  }
}
