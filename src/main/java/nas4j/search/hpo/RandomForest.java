package nas4j.search.hpo;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A regression random forest over encoding A, as SMAC configures pyrfr for it (Hutter et al. 2011; SMAC3
 * {@code RandomForestWithInstances} defaults): {@code trees} trees, each grown on a bootstrap sample of n rows
 * (drawn with replacement), at every node {@code int(26 · featureRatio)} variables drawn without replacement are
 * tried, a split sends a subset of a variable's values left and the rest right (for a 3-valued op the three
 * one-versus-two partitions), the split with the lowest sum of squared errors wins, children need at least
 * {@code minSamplesLeaf} rows (bootstrap copies counted), nodes with fewer than {@code minSamplesSplit} rows or constant targets are leaves
 * predicting their mean; no depth limit. A prediction is the mean over the trees of the leaf means, its variance
 * the variance of those means across the trees. Flat primitive arrays; immutable after {@link #fit}.
 */
final class RandomForest {
  private final int trees;
  private final int minSamplesSplit;
  private final int minSamplesLeaf;
  private final int featuresPerSplit;

  // nodes of all trees, depth first (a node's left child is the next node): per node three ints, the bits of
  // its variable within a packed configuration (0 for a leaf), those bits of the value that goes left, and the
  // right child; the leaf value (a node's mean) in value[]
  private int[] node = new int[3 * 1024];
  private double[] value = new double[1024];
  private int nodes;
  private int[] roots;

  // the rows of the tree being grown, reordered in place with their node: packed configuration, target,
  // bootstrap multiplicity w, w·y and w·y·y; scratch arrays for the stable partition
  private int[] xs = new int[0];
  private double[] ys = new double[0];
  private int[] ws = new int[0];
  private double[] wy = new double[0];
  private double[] wyy = new double[0];
  private int[] xs2 = new int[0];
  private double[] ys2 = new double[0];
  private int[] ws2 = new int[0];
  private double[] wy2 = new double[0];
  private double[] wyy2 = new double[0];
  private final int[] features = new int[EncodingA.VARIABLES];
  private final double[] s = new double[3];
  private final double[] sq = new double[3];
  private final int[] c = new int[3];

  RandomForest(int trees, int minSamplesSplit, int minSamplesLeaf, double featureRatio) {
    this.trees = trees;
    this.minSamplesSplit = minSamplesSplit;
    this.minSamplesLeaf = minSamplesLeaf;
    this.featuresPerSplit = Math.max(1, (int) (EncodingA.VARIABLES * featureRatio));
  }

  /** Fits on rows {@code x[0..n)} (packed configurations) with targets {@code y}. */
  void fit(int[] x, double[] y, int n, RandomGenerator rng) {
    nodes = 0;
    roots = new int[trees];
    int[] weight = new int[n];
    if (xs.length < n) {
      xs = new int[n];
      ys = new double[n];
      ws = new int[n];
      wy = new double[n];
      wyy = new double[n];
      xs2 = new int[n];
      ys2 = new double[n];
      ws2 = new int[n];
      wy2 = new double[n];
      wyy2 = new double[n];
    }
    for (int t = 0; t < trees; t++) {
      // a bootstrap sample of n rows, kept as multiplicities of the distinct rows (same sums, less work)
      Arrays.fill(weight, 0);
      for (int i = 0; i < n; i++) {
        weight[rng.nextInt(n)]++;
      }
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (weight[i] > 0) {
          int w = weight[i];
          double t1 = y[i];
          xs[m] = x[i];
          ys[m] = t1;
          ws[m] = w;
          wy[m] = w * t1;
          wyy[m] = w * t1 * t1;
          m++;
        }
      }
      roots[t] = grow(0, m, rng);
    }
  }

  private int newNode() {
    if (nodes == value.length) {
      node = Arrays.copyOf(node, 6 * nodes);
      value = Arrays.copyOf(value, 2 * nodes);
    }
    return nodes++;
  }

  /** The lowest bit of variable {@code d} in a packed configuration. */
  private static int shift(int d) {
    return d < EncodingA.EDGES ? d : EncodingA.EDGES + 2 * (d - EncodingA.EDGES);
  }

  /** Grows the subtree of rows [from, to) (reordered in place) and returns its node. */
  private int grow(int from, int to, RandomGenerator rng) {
    int nd = newNode();
    int size = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      double v = ys[i];
      size += ws[i];
      sum += wy[i];
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    value[nd] = sum / size;
    node[3 * nd] = 0;
    if (size < minSamplesSplit || min == max) {
      return nd;
    }
    for (int d = 0; d < features.length; d++) {
      features[d] = d;
    }
    double bestSse = Double.POSITIVE_INFINITY;
    int bestFeature = -1;
    int bestMask = 0;
    for (int k = 0; k < featuresPerSplit; k++) {
      int j = k + rng.nextInt(features.length - k);
      int d = features[j];
      features[j] = features[k];
      features[k] = d;
      int card = EncodingA.cardinality(d);
      if (card == 2) {
        edgeStats(from, to, d);
      } else {
        opStats(from, to, shift(d));
      }
      for (int m = 1; m < (card == 2 ? 2 : 4); m++) {
        int mask = card == 2 ? 1 : (1 << (m - 1)); // one value left, the rest right
        int cl = 0;
        int cr = 0;
        double sl = 0;
        double sr = 0;
        double ql = 0;
        double qr = 0;
        for (int v = 0; v < card; v++) {
          if ((mask >>> v & 1) != 0) {
            cl += c[v];
            sl += s[v];
            ql += sq[v];
          } else {
            cr += c[v];
            sr += s[v];
            qr += sq[v];
          }
        }
        if (cl < minSamplesLeaf || cr < minSamplesLeaf) {
          continue;
        }
        double sse = (ql - sl * sl / cl) + (qr - sr * sr / cr);
        if (sse < bestSse) {
          bestSse = sse;
          bestFeature = d;
          bestMask = mask;
        }
      }
    }
    if (bestFeature < 0) {
      return nd;
    }
    // partition rows [from, to): the left value first (stable, via the scratch arrays)
    int sh = shift(bestFeature);
    int fieldMask = (EncodingA.cardinality(bestFeature) == 2 ? 1 : 3) << sh;
    int leftValue = Integer.numberOfTrailingZeros(bestMask) << sh;
    int l = from;
    int r = 0;
    for (int i = from; i < to; i++) { // branch-free: each row is written to both sides, one cursor advances
      int xi = xs[i];
      double yi = ys[i];
      int wi = ws[i];
      double wyi = wy[i];
      double wyyi = wyy[i];
      int b = (xi & fieldMask) == leftValue ? 1 : 0;
      xs[l] = xi;
      ys[l] = yi;
      ws[l] = wi;
      wy[l] = wyi;
      wyy[l] = wyyi;
      xs2[r] = xi;
      ys2[r] = yi;
      ws2[r] = wi;
      wy2[r] = wyi;
      wyy2[r] = wyyi;
      l += b;
      r += 1 - b;
    }
    System.arraycopy(xs2, 0, xs, l, r);
    System.arraycopy(ys2, 0, ys, l, r);
    System.arraycopy(ws2, 0, ws, l, r);
    System.arraycopy(wy2, 0, wy, l, r);
    System.arraycopy(wyy2, 0, wyy, l, r);
    node[3 * nd] = fieldMask;
    node[3 * nd + 1] = leftValue;
    grow(from, l, rng); // the left child is node nd + 1
    int b = grow(l, to, rng);
    node[3 * nd + 2] = b;
    return nd;
  }

  /**
   * Per value of edge {@code d} over rows [from, to): weighted target sum, weighted square sum and weight, into
   * s, sq, c. Each sum runs over the rows in order (a row of the other value adds an exact 0: fma(0, w·y, s) = s, fma(1, w·y, s) =
   * s + w·y), branch-free.
   */
  private void edgeStats(int from, int to, int d) {
    double s0 = 0;
    double s1 = 0;
    double q0 = 0;
    double q1 = 0;
    int c1 = 0;
    int c0 = 0;
    for (int i = from; i < to; i++) {
      int b = xs[i] >>> d & 1;
      double f1 = b;
      double f0 = 1 - b;
      s0 = Math.fma(f0, wy[i], s0);
      s1 = Math.fma(f1, wy[i], s1);
      q0 = Math.fma(f0, wyy[i], q0);
      q1 = Math.fma(f1, wyy[i], q1);
      c1 += b * ws[i];
      c0 += (1 - b) * ws[i];
    }
    s[0] = s0;
    s[1] = s1;
    sq[0] = q0;
    sq[1] = q1;
    c[0] = c0;
    c[1] = c1;
  }

  /** As {@link #edgeStats} for the op whose two bits start at {@code sh} (values 0, 1, 2). */
  private void opStats(int from, int to, int sh) {
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double q0 = 0;
    double q1 = 0;
    double q2 = 0;
    int c0 = 0;
    int c1 = 0;
    int c2 = 0;
    for (int i = from; i < to; i++) {
      int v = xs[i] >>> sh & 3;
      int b1 = v & 1;
      int b2 = v >>> 1;
      int b0 = 1 - b1 - b2;
      double f0 = b0;
      double f1 = b1;
      double f2 = b2;
      s0 = Math.fma(f0, wy[i], s0);
      s1 = Math.fma(f1, wy[i], s1);
      s2 = Math.fma(f2, wy[i], s2);
      q0 = Math.fma(f0, wyy[i], q0);
      q1 = Math.fma(f1, wyy[i], q1);
      q2 = Math.fma(f2, wyy[i], q2);
      c0 += b0 * ws[i];
      c1 += b1 * ws[i];
      c2 += b2 * ws[i];
    }
    s[0] = s0;
    s[1] = s1;
    s[2] = s2;
    sq[0] = q0;
    sq[1] = q1;
    sq[2] = q2;
    c[0] = c0;
    c[1] = c1;
    c[2] = c2;
  }

  /** Mean and variance over the trees of the prediction at a configuration, into {@code out[0]}, {@code out[1]}. */
  void predict(int config, double[] out) {
    double sum = 0;
    double sq2 = 0;
    for (int t = 0; t < trees; t++) {
      double v = value[leaf(roots[t], config)];
      sum += v;
      sq2 += v * v;
    }
    double mean = sum / trees;
    out[0] = mean;
    out[1] = Math.max(0.0, sq2 / trees - mean * mean);
  }

  /**
   * {@link #predict} of {@code configs[0..n)} into {@code mean[i]}, {@code variance[i]} (the same sums in the same
   * order, one tree at a time).
   */
  void predict(int[] configs, int n, double[] mean, double[] variance) {
    Arrays.fill(mean, 0, n, 0.0);
    Arrays.fill(variance, 0, n, 0.0);
    for (int t = 0; t < trees; t++) {
      int root = roots[t];
      for (int i = 0; i < n; i++) {
        double v = value[leaf(root, configs[i])];
        mean[i] += v;
        variance[i] += v * v;
      }
    }
    for (int i = 0; i < n; i++) {
      double m = mean[i] / trees;
      mean[i] = m;
      variance[i] = Math.max(0.0, variance[i] / trees - m * m);
    }
  }

  private int leaf(int root, int config) {
    int[] nd = node;
    int k = root;
    int fm;
    while ((fm = nd[3 * k]) != 0) {
      k = (config & fm) == nd[3 * k + 1] ? k + 1 : nd[3 * k + 2];
    }
    return k;
  }
}
