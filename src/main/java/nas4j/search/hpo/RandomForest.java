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

  // nodes of all trees: feature (−1 = leaf), mask of values going left, children, leaf value
  private int[] feature = new int[1024];
  private int[] leftMask = new int[1024];
  private int[] left = new int[1024];
  private int[] right = new int[1024];
  private double[] value = new double[1024];
  private int nodes;
  private int[] roots;

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
    int[] rows = new int[n];
    int[] scratch = new int[n];
    int[] features = new int[EncodingA.VARIABLES];
    for (int t = 0; t < trees; t++) {
      // a bootstrap sample of n rows, kept as multiplicities of the distinct rows (same sums, less work)
      Arrays.fill(weight, 0);
      for (int i = 0; i < n; i++) {
        weight[rng.nextInt(n)]++;
      }
      int m = 0;
      for (int i = 0; i < n; i++) {
        if (weight[i] > 0) {
          rows[m++] = i;
        }
      }
      roots[t] = grow(x, y, weight, rows, scratch, 0, m, features, rng);
    }
  }

  private int newNode() {
    if (nodes == feature.length) {
      int m = nodes * 2;
      feature = Arrays.copyOf(feature, m);
      leftMask = Arrays.copyOf(leftMask, m);
      left = Arrays.copyOf(left, m);
      right = Arrays.copyOf(right, m);
      value = Arrays.copyOf(value, m);
    }
    return nodes++;
  }

  /** Grows the subtree of rows[from..to) (reordered in place) and returns its node. */
  private int grow(int[] x, double[] y, int[] weight, int[] rows, int[] scratch, int from, int to,
      int[] features, RandomGenerator rng) {
    int node = newNode();
    int size = 0;
    double sum = 0;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int i = from; i < to; i++) {
      double v = y[rows[i]];
      int w = weight[rows[i]];
      size += w;
      sum += w * v;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
    value[node] = sum / size;
    feature[node] = -1;
    if (size < minSamplesSplit || min == max) {
      return node;
    }
    for (int d = 0; d < features.length; d++) {
      features[d] = d;
    }
    double bestSse = Double.POSITIVE_INFINITY;
    int bestFeature = -1;
    int bestMask = 0;
    double[] s = new double[3];
    double[] sq = new double[3];
    int[] c = new int[3];
    for (int k = 0; k < featuresPerSplit; k++) {
      int j = k + rng.nextInt(features.length - k);
      int d = features[j];
      features[j] = features[k];
      features[k] = d;
      Arrays.fill(s, 0);
      Arrays.fill(sq, 0);
      Arrays.fill(c, 0);
      for (int i = from; i < to; i++) {
        int row = rows[i];
        int v = EncodingA.value(x[row], d);
        double t = y[row];
        int w = weight[row];
        s[v] += w * t;
        sq[v] += w * t * t;
        c[v] += w;
      }
      int card = EncodingA.cardinality(d);
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
      return node;
    }
    // partition rows[from..to): left values first (stable, via scratch)
    int l = from;
    int r = 0;
    for (int i = from; i < to; i++) {
      int row = rows[i];
      if ((bestMask >>> EncodingA.value(x[row], bestFeature) & 1) != 0) {
        rows[l++] = row;
      } else {
        scratch[r++] = row;
      }
    }
    System.arraycopy(scratch, 0, rows, l, r);
    feature[node] = bestFeature;
    leftMask[node] = bestMask;
    int a = grow(x, y, weight, rows, scratch, from, l, features, rng);
    left[node] = a;
    int b = grow(x, y, weight, rows, scratch, l, to, features, rng);
    right[node] = b;
    return node;
  }

  /** Mean and variance over the trees of the prediction at a configuration, into {@code out[0]}, {@code out[1]}. */
  void predict(int config, double[] out) {
    double sum = 0;
    double sq = 0;
    for (int t = 0; t < trees; t++) {
      int nd = roots[t];
      while (feature[nd] >= 0) {
        nd = (leftMask[nd] >>> EncodingA.value(config, feature[nd]) & 1) != 0 ? left[nd] : right[nd];
      }
      double v = value[nd];
      sum += v;
      sq += v * v;
    }
    double mean = sum / trees;
    out[0] = mean;
    out[1] = Math.max(0.0, sq / trees - mean * mean);
  }
}
