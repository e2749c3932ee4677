package nas4j.bench.surrogate;

import java.util.Arrays;
import org.apache.commons.math3.stat.correlation.KendallsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.apache.commons.math3.stat.descriptive.DescriptiveStatistics;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * How well surrogate values match real values on the same cells: Kendall tau, Spearman, mean absolute error,
 * distribution summaries of both sides and top-k agreement. Immutable.
 *
 * @param n number of cells
 * @param kendallTau Kendall's tau-b (commons-math3)
 * @param spearman Spearman's rank correlation
 * @param meanAbsoluteError mean |surrogate − real|
 * @param real distribution of the real values
 * @param surrogate distribution of the surrogate values
 * @param topAgreement of the real top-1 % cells, the share the surrogate ranks in its top 5 %
 */
public record Agreement(int n, double kendallTau, double spearman, double meanAbsoluteError, Distribution real,
    Distribution surrogate, double topAgreement) {

  /** Quantiles reported for each side. */
  public static final double[] QUANTILES = {1, 10, 50, 90, 99};

  /**
   * Mean, standard deviation and the 1/10/50/90/99 % quantiles (commons-math3 default estimation). Immutable.
   */
  public record Distribution(double mean, double std, double[] quantiles) {
    static Distribution of(double[] x) {
      DescriptiveStatistics s = new DescriptiveStatistics(x);
      Percentile p = new Percentile();
      p.setData(x);
      double[] q = new double[QUANTILES.length];
      for (int i = 0; i < q.length; i++) {
        q[i] = p.evaluate(QUANTILES[i]);
      }
      return new Distribution(s.getMean(), s.getStandardDeviation(), q);
    }
  }

  /** Compares {@code surrogate[i]} with {@code real[i]}. */
  public static Agreement of(double[] real, double[] surrogate) {
    if (real.length != surrogate.length || real.length < 2) {
      throw new IllegalArgumentException("need two equally long arrays of at least 2 values");
    }
    int n = real.length;
    double mae = 0;
    for (int i = 0; i < n; i++) {
      mae += Math.abs(surrogate[i] - real[i]);
    }
    return new Agreement(n, new KendallsCorrelation().correlation(real, surrogate),
        new SpearmansCorrelation().correlation(real, surrogate), mae / n, Distribution.of(real),
        Distribution.of(surrogate), topAgreement(real, surrogate, 0.01, 0.05));
  }

  /** Of the real top {@code realShare} cells, the share that are in the surrogate's top {@code surrogateShare}. */
  static double topAgreement(double[] real, double[] surrogate, double realShare, double surrogateShare) {
    int n = real.length;
    Integer[] byReal = order(real);
    Integer[] bySur = order(surrogate);
    int kReal = Math.max(1, (int) Math.round(n * realShare));
    int kSur = Math.max(1, (int) Math.round(n * surrogateShare));
    boolean[] inSur = new boolean[n];
    for (int i = 0; i < kSur; i++) {
      inSur[bySur[i]] = true;
    }
    int hit = 0;
    for (int i = 0; i < kReal; i++) {
      if (inSur[byReal[i]]) {
        hit++;
      }
    }
    return hit / (double) kReal;
  }

  private static Integer[] order(double[] x) {
    Integer[] idx = new Integer[x.length];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = i;
    }
    Arrays.sort(idx, (a, b) -> {
      int c = Double.compare(x[b], x[a]);
      return c != 0 ? c : Integer.compare(a, b);
    });
    return idx;
  }
}
