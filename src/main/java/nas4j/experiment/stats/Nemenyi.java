package nas4j.experiment.stats;

import java.util.concurrent.ConcurrentHashMap;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * The Nemenyi post-hoc test after a Friedman test (Demšar 2006, §3.2.2): two treatments differ when their mean
 * ranks differ by at least the critical difference CD = q_α √(k(k+1) / (6n)), where q_α is the upper α quantile
 * of the studentized range of k normal variables at infinite degrees of freedom divided by √2. That quantile is
 * computed here by numerical integration of P(range ≤ q) = k ∫ φ(z) [Φ(z) − Φ(z − q)]^(k−1) dz and bisection
 * (Commons Statistics has no studentized-range distribution); the tests check it against Demšar's Table 5 and R's
 * {@code qtukey}.
 */
public final class Nemenyi {
  private static final NormalDistribution STD = NormalDistribution.of(0, 1);
  private static final ConcurrentHashMap<String, Double> CACHE = new ConcurrentHashMap<>();

  private Nemenyi() {}

  /** The critical difference of mean ranks for k treatments over n blocks at level α. */
  public static double criticalDifference(int k, int n, double alpha) {
    return qAlpha(k, alpha) * Math.sqrt(k * (k + 1) / (6.0 * n));
  }

  /** Demšar's q_α: the studentized-range quantile (k means, infinite df) at 1 − α, divided by √2. */
  public static double qAlpha(int k, double alpha) {
    if (k < 2 || k > 1000 || !(alpha > 0 && alpha < 1)) {
      throw new IllegalArgumentException("Nemenyi q needs 2 ≤ k ≤ 1000 and 0 < α < 1; got k=" + k + ", α=" + alpha);
    }
    return CACHE.computeIfAbsent(k + ":" + alpha, key -> studentizedRangeQuantile(k, 1 - alpha) / Math.sqrt(2));
  }

  /** Quantile of the range of k independent standard normal variables. */
  static double studentizedRangeQuantile(int k, double prob) {
    double lo = 0;
    double hi = 20;
    for (int i = 0; i < 100 && hi - lo > 1e-10; i++) {
      double mid = (lo + hi) / 2;
      if (rangeCdf(k, mid) < prob) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return (lo + hi) / 2;
  }

  /** P(range of k standard normals ≤ q), by composite Simpson integration over z ∈ [−9, 9]. */
  static double rangeCdf(int k, double q) {
    int steps = 3600; // even; step 0.005
    double a = -9;
    double h = 18.0 / steps;
    double sum = 0;
    for (int i = 0; i <= steps; i++) {
      double z = a + i * h;
      double inner = STD.cumulativeProbability(z) - STD.cumulativeProbability(z - q);
      double f = STD.density(z) * Math.pow(Math.max(0, inner), k - 1);
      sum += (i == 0 || i == steps ? 1 : i % 2 == 1 ? 4 : 2) * f;
    }
    return k * sum * h / 3;
  }
}
