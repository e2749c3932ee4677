package nas4j.search.hpo;

import java.util.Arrays;

/**
 * A product-kernel density over encoding A as statsmodels' {@code KDEMultivariate} computes it for BOHB (all 26
 * variables unordered, {@code var_type 'u'}): pdf(x) = mean over the data points of the product over variables of
 * the Aitchison–Aitken kernel, 1 − bw_d if x_d equals the point's value, bw_d / (c_d − 1) otherwise. Bandwidths:
 * statsmodels' {@code normal_reference} rule, 1.06 · sd_d · n^(−1/(4+26)) with the population standard
 * deviation of the value indices, then clipped below at {@code minBandwidth} (hpbandster). Immutable.
 *
 * <p>Evaluation is exact but table-driven: the kernel product of a data point depends only on which variables
 * match, so it is four look-ups (three 7-edge blocks, one block of the 5 ops).
 */
final class CategoricalKde {
  private static final int EDGE_MASK = (1 << EncodingA.EDGES) - 1;
  private static final int OP_MISMATCH_BITS = 0x155;

  private final int[] data; // packed configurations, used in [from, to)
  private final int from;
  private final int to;
  private final double[] bandwidth;
  private final int n;
  private final double[] t0 = new double[128];
  private final double[] t1 = new double[128];
  private final double[] t2 = new double[128];
  private final double[] t3 = new double[OP_MISMATCH_BITS + 1];

  /**
   * The density of {@code data[from..to)} (packed configurations; the array must not change while this is used),
   * given the number of points with each value of each variable ({@code counts[3·d + v]}).
   */
  CategoricalKde(int[] data, int from, int to, long[] counts, double minBandwidth) {
    this.data = data;
    this.from = from;
    this.to = to;
    n = to - from;
    bandwidth = new double[EncodingA.VARIABLES];
    double factor = 1.06 * StrictMath.pow(n, -1.0 / (4 + EncodingA.VARIABLES));
    for (int d = 0; d < EncodingA.VARIABLES; d++) {
      double sum = 0;
      double sq = 0;
      for (int v = 1; v < 3; v++) {
        sum += (double) v * counts[3 * d + v];
        sq += (double) v * v * counts[3 * d + v];
      }
      double mean = sum / n;
      double var = Math.max(0.0, sq / n - mean * mean);
      bandwidth[d] = Math.max(factor * Math.sqrt(var), minBandwidth);
    }
    block(t0, 0);
    block(t1, 7);
    block(t2, 14);
    Arrays.fill(t3, Double.NaN);
    for (int m = 0; m < 32; m++) {
      double p = 1;
      int mism = 0;
      for (int i = 0; i < 5; i++) {
        boolean match = (m >>> i & 1) != 0;
        p *= kernel(EncodingA.EDGES + i, match);
        if (!match) {
          mism |= 1 << (2 * i);
        }
      }
      t3[mism] = p;
    }
  }

  /** Adds the value counts of {@code data[from..to)} to {@code counts[3·d + v]} ({@code sign} +1 or −1). */
  static void count(int[] data, int from, int to, long[] counts, int sign) {
    for (int i = from; i < to; i++) {
      int c = data[i];
      for (int d = 0; d < EncodingA.VARIABLES; d++) {
        counts[3 * d + EncodingA.value(c, d)] += sign;
      }
    }
  }

  private void block(double[] t, int first) {
    for (int m = 0; m < 128; m++) {
      double p = 1;
      for (int i = 0; i < 7; i++) {
        p *= kernel(first + i, (m >>> i & 1) != 0);
      }
      t[m] = p;
    }
  }

  private double kernel(int d, boolean match) {
    double bw = bandwidth[d];
    return match ? 1 - bw : bw / (EncodingA.cardinality(d) - 1);
  }

  /** The bandwidth of variable {@code d} (after the clip). */
  double bandwidth(int d) {
    return bandwidth[d];
  }

  /** The {@code i}-th data point (a packed configuration), {@code 0 <= i < size()}. */
  int point(int i) {
    return data[from + i];
  }

  /** Number of data points. */
  int size() {
    return n;
  }

  /** The density at a packed configuration. */
  double pdf(int x) {
    double s = 0;
    int[] p = data;
    for (int i = from; i < to; i++) {
      int diff = x ^ p[i];
      int e = ~diff & EDGE_MASK;
      int o = diff >>> EncodingA.EDGES;
      s += t0[e & 127] * t1[e >>> 7 & 127] * t2[e >>> 14] * t3[(o | o >>> 1) & OP_MISMATCH_BITS];
    }
    return s / n;
  }

  /**
   * Adds {@code weight[i]} times the kernel term of {@code points[i]}, for i in {@code [i0, i1)}, at the four
   * configurations {@code x[k..k+4)} to {@code acc[k..k+4)}, four independent sums in flight: the density's sum
   * over its distinct points, each counted with its multiplicity (equal to {@link #pdf}'s sum up to rounding; over
   * the density's own points in order with unit weights, the same sum bit for bit, as 1 · t = t).
   */
  void accumulate4(int[] points, double[] weight, int i0, int i1, int[] x, int k, double[] acc) {
    int x0 = x[k];
    int x1 = x[k + 1];
    int x2 = x[k + 2];
    int x3 = x[k + 3];
    double s0 = acc[k];
    double s1 = acc[k + 1];
    double s2 = acc[k + 2];
    double s3 = acc[k + 3];
    for (int i = i0; i < i1; i++) {
      int pi = points[i];
      double w = weight[i];
      s0 += w * term(x0 ^ pi);
      s1 += w * term(x1 ^ pi);
      s2 += w * term(x2 ^ pi);
      s3 += w * term(x3 ^ pi);
    }
    acc[k] = s0;
    acc[k + 1] = s1;
    acc[k + 2] = s2;
    acc[k + 3] = s3;
  }

  private double term(int diff) {
    int e = ~diff & EDGE_MASK;
    int o = diff >>> EncodingA.EDGES;
    return t0[e & 127] * t1[e >>> 7 & 127] * t2[e >>> 14] * t3[(o | o >>> 1) & OP_MISMATCH_BITS];
  }
}
