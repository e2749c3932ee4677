package nas4j.analysis;

/**
 * Accumulates sums for a Pearson correlation of pairs (x, y), streaming: the landscape analysis feeds it millions
 * of pairs it never stores (commons-math3's {@code PearsonsCorrelation} needs them in arrays). Not thread-safe.
 */
final class Pearson {
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
