package nas4j.experiment.stats;

import org.apache.commons.statistics.distribution.ChiSquaredDistribution;
import org.apache.commons.statistics.ranking.NaturalRanking;
import org.apache.commons.statistics.ranking.TiesStrategy;

/**
 * The Friedman rank test of k treatments over n blocks (Friedman 1937; Demšar 2006, §3.2.2), with R's
 * {@code friedman.test} tie correction: within each block values are ranked ascending (1 = lowest, tied values
 * get their mean rank), and
 * χ²_F = 12 Σ_j (R_j − n(k+1)/2)² / (n k (k+1) − Σ_blocks Σ_ties (t³ − t) / (k − 1)),
 * with R_j the rank sum of treatment j, compared with χ² on k − 1 degrees of freedom. When every block is
 * entirely tied the statistic is undefined (NaN) and the p-value is 1. Immutable.
 *
 * @param meanRanks mean rank of each treatment over the blocks (lower = lower values)
 */
public record Friedman(int blocks, int treatments, double[] meanRanks, double chiSquared, int df, double p) {
  private static final NaturalRanking RANKING = new NaturalRanking(TiesStrategy.AVERAGE);

  /** Tests {@code values[block][treatment]} (at least one block, at least two treatments, no NaN). */
  public static Friedman test(double[][] values) {
    int n = values.length;
    if (n == 0) {
      throw new IllegalArgumentException("Friedman test needs at least one block");
    }
    int k = values[0].length;
    if (k < 2) {
      throw new IllegalArgumentException("Friedman test needs at least two treatments");
    }
    double[] rankSums = new double[k];
    double ties = 0;
    for (double[] block : values) {
      if (block.length != k) {
        throw new IllegalArgumentException("every block needs " + k + " values; got " + block.length);
      }
      double[] r = ranks(block);
      for (int j = 0; j < k; j++) {
        rankSums[j] += r[j];
      }
      double[] sorted = block.clone();
      java.util.Arrays.sort(sorted);
      for (int i = 0; i < k;) {
        int e = i;
        while (e + 1 < k && sorted[e + 1] == sorted[i]) {
          e++;
        }
        double t = e - i + 1;
        ties += t * t * t - t;
        i = e + 1;
      }
    }
    double ss = 0;
    double[] mean = new double[k];
    for (int j = 0; j < k; j++) {
      double d = rankSums[j] - n * (k + 1) / 2.0;
      ss += d * d;
      mean[j] = rankSums[j] / n;
    }
    double denominator = (double) n * k * (k + 1) - ties / (k - 1);
    double chi2 = denominator <= 0 ? Double.NaN : 12 * ss / denominator;
    double p = Double.isNaN(chi2) ? 1.0 : ChiSquaredDistribution.of(k - 1).survivalProbability(chi2);
    return new Friedman(n, k, mean, chi2, k - 1, p);
  }

  /** Ranks of the values, ascending from 1, ties averaged. */
  public static double[] ranks(double[] values) {
    return RANKING.apply(values);
  }

  /** Mean over rows of the within-row ranks of {@code values[row][column]}; no NaN. */
  public static double[] meanRanks(double[][] values, int columns) {
    double[] sum = new double[columns];
    for (double[] row : values) {
      double[] r = ranks(row);
      for (int j = 0; j < columns; j++) {
        sum[j] += r[j];
      }
    }
    for (int j = 0; j < columns; j++) {
      sum[j] = values.length == 0 ? Double.NaN : sum[j] / values.length;
    }
    return sum;
  }
}
