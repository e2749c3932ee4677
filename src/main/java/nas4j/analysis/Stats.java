package nas4j.analysis;

import java.util.Arrays;

/** Small numeric helpers over primitive arrays (NaN entries are skipped where stated). Stateless. */
final class Stats {
  private Stats() {}

  /** Mean of the non-NaN values, or NaN if there are none. Sums in array order (deterministic). */
  static double mean(float[] v, int n) {
    double s = 0;
    int c = 0;
    for (int i = 0; i < n; i++) {
      if (!Float.isNaN(v[i])) {
        s += v[i];
        c++;
      }
    }
    return c == 0 ? Double.NaN : s / c;
  }

  /** Sample standard deviation (n − 1) of the non-NaN values, or NaN for fewer than two. */
  static double std(float[] v, int n) {
    double m = mean(v, n);
    double s = 0;
    int c = 0;
    for (int i = 0; i < n; i++) {
      if (!Float.isNaN(v[i])) {
        double d = v[i] - m;
        s += d * d;
        c++;
      }
    }
    return c < 2 ? Double.NaN : Math.sqrt(s / (c - 1));
  }

  /** Median of the non-NaN values (mean of the two middle ones for even counts), or NaN. */
  static double median(float[] v, int n) {
    float[] c = nonNaNSorted(v, n);
    if (c.length == 0) {
      return Double.NaN;
    }
    int m = c.length / 2;
    return c.length % 2 == 1 ? c[m] : ((double) c[m - 1] + c[m]) / 2;
  }

  /** Non-NaN values of the first n, sorted ascending. */
  static float[] nonNaNSorted(float[] v, int n) {
    float[] c = new float[n];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (!Float.isNaN(v[i])) {
        c[k++] = v[i];
      }
    }
    c = Arrays.copyOf(c, k);
    Arrays.sort(c);
    return c;
  }

  /** Quantile p of sorted values, linear interpolation between order statistics (R type 7); NaN if empty. */
  static double quantile(double[] sorted, double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double h = (sorted.length - 1) * p;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /** Accumulates sums for a Pearson correlation of pairs (x, y). Not thread-safe. */
  static final class Pearson {
    private long n;
    private double sx;
    private double sy;
    private double sxx;
    private double syy;
    private double sxy;
    private double sAbs;
    private double shift = Double.NaN;

    /** Adds one pair (skipped if either is NaN). Values are shifted by the first one seen, for precision. */
    void add(double x, double y) {
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return;
      }
      if (Double.isNaN(shift)) {
        shift = x;
      }
      sAbs += Math.abs(x - y);
      x -= shift;
      y -= shift;
      n++;
      sx += x;
      sy += y;
      sxx += x * x;
      syy += y * y;
      sxy += x * y;
    }

    long count() {
      return n;
    }

    /** Mean |x − y| over the pairs, NaN if none. */
    double meanAbsDifference() {
      return n == 0 ? Double.NaN : sAbs / n;
    }

    /**
     * Pearson correlation; NaN when undefined (fewer than two pairs, or either side without variance — e.g. a
     * constant landscape).
     */
    double correlation() {
      if (n < 2) {
        return Double.NaN;
      }
      double cov = sxy - sx * sy / n;
      double vx = sxx - sx * sx / n;
      double vy = syy - sy * sy / n;
      double scale = Math.max(Math.abs(sxx), Math.abs(syy));
      // relative tolerance: constant values leave only rounding noise in the centred sums
      if (vx <= 1e-12 * scale || vy <= 1e-12 * scale || vx <= 0 || vy <= 0) {
        return Double.NaN;
      }
      return cov / Math.sqrt(vx * vy);
    }
  }
}
