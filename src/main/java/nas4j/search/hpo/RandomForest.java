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
  // right child; the value of a leaf (its mean) in value[] (unused for an inner node)
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
  private int[] ri = new int[0];
  private int[] xs2 = new int[0];
  private int[] ri2 = new int[0];
  private final int[] features = new int[EncodingA.VARIABLES];
  // value statistics (sum of w·y, of w·y·y, of w per variable and value, at 3·d + v) of the nodes on the current
  // path: slot 2·depth + side (0 left, 1 right; the root in slot 0)
  private static final int STATS = 3 * EncodingA.VARIABLES;
  private double[][] statS = new double[0][];
  private double[][] statQ = new double[0][];
  private int[][] statC = new int[0][];
  private int side;

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
    ensureRows(n);
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
          ri[m] = m;
          ys[m] = t1;
          ws[m] = w;
          wy[m] = w * t1;
          wyy[m] = w * t1 * t1;
          m++;
        }
      }
      ensureSlots(1);
      allStats(0, m, 0);
      roots[t] = grow(0, m, n, 0, rng); // n: the bootstrap's total multiplicity
    }
  }

  private void ensureRows(int n) {
    if (xs.length < n) {
      xs = new int[n];
      ys = new double[n];
      ws = new int[n];
      wy = new double[n];
      wyy = new double[n];
      ri = new int[n];
      xs2 = new int[n];
      ri2 = new int[n];
    }
  }

  /**
   * For tests: the value statistics a node computes over rows {@code x[0..n)} with targets {@code y} and bootstrap
   * multiplicities {@code w}: for variable d and each of its values v, the sum of w·y into {@code s[3·d + v]}, of
   * w·y·y into {@code q[3·d + v]} and of w into {@code c[3·d + v]}.
   */
  void valueStatistics(int[] x, double[] y, int[] w, int n, double[] s, double[] q, int[] c) {
    ensureRows(n);
    for (int i = 0; i < n; i++) {
      xs[i] = x[i];
      ri[i] = i;
      ys[i] = y[i];
      ws[i] = w[i];
      wy[i] = w[i] * y[i];
      wyy[i] = w[i] * y[i] * y[i];
    }
    ensureSlots(1);
    allStats(0, n, 0);
    System.arraycopy(statS[0], 0, s, 0, STATS);
    System.arraycopy(statQ[0], 0, q, 0, STATS);
    System.arraycopy(statC[0], 0, c, 0, STATS);
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

  /** Makes room for the value statistics of every node down to {@code depth}. */
  private void ensureSlots(int depth) {
    int need = 2 * depth + 2;
    if (statS.length < need) {
      int old = statS.length;
      statS = Arrays.copyOf(statS, need * 2);
      statQ = Arrays.copyOf(statQ, need * 2);
      statC = Arrays.copyOf(statC, need * 2);
      for (int i = old; i < statS.length; i++) {
        statS[i] = new double[STATS];
        statQ[i] = new double[STATS];
        statC[i] = new int[STATS];
      }
    }
  }

  /**
   * Whether a node of this weighted size may split: it needs {@code minSamplesSplit} rows and room for two children
   * of {@code minSamplesLeaf} (a smaller node would try its variables and find no admissible split).
   */
  private boolean canSplit(int size) {
    return size >= minSamplesSplit && size >= 2 * minSamplesLeaf;
  }

  /** The value statistics of every variable over rows [from, to), into slot {@code slot}. */
  private void allStats(int from, int to, int slot) {
    double[] ss = statS[slot];
    double[] qq = statQ[slot];
    int[] cc = statC[slot];
    if (to - from < 64) { // few rows: one pass, row by row (each sum still in row order: the same values)
      Arrays.fill(ss, 0.0);
      Arrays.fill(qq, 0.0);
      Arrays.fill(cc, 0);
      for (int i = from; i < to; i++) {
        int x = xs[i];
        int row = ri[i];
        double a = wy[row];
        double q = wyy[row];
        int w = ws[row];
        for (int d = 0; d < EncodingA.EDGES; d++) {
          int k = 3 * d + (x >>> d & 1);
          ss[k] += a;
          qq[k] += q;
          cc[k] += w;
        }
        for (int d = EncodingA.EDGES; d < EncodingA.VARIABLES; d++) {
          int k = 3 * d + (x >>> shift(d) & 3);
          ss[k] += a;
          qq[k] += q;
          cc[k] += w;
        }
      }
      return;
    }
    // two variables per pass; an odd count ends with an overlapping pair (the shared variable gets the same sums)
    for (int d = 0; d < EncodingA.EDGES; d += 2) {
      edgePairStats(from, to, Math.min(d, EncodingA.EDGES - 2), ss, qq, cc);
    }
    for (int d = EncodingA.EDGES; d < EncodingA.VARIABLES; d += 2) {
      opPairStats(from, to, Math.min(d, EncodingA.VARIABLES - 2), ss, qq, cc);
    }
  }

  /**
   * Per value of edges d and d + 1 over rows [from, to): weighted target sum, weighted square sum and weight, into
   * the statistics arrays at 3·d (value v of variable d at 3·d + v). Each sum runs over the rows in order (a row of
   * the other value adds an exact 0: fma(0, w·y, s) = s, fma(1, w·y, s) = s + w·y), branch-free; two variables per
   * pass give twice the independent sums per row (the additions of one sum wait for each other, those of
   * different sums do not). A weight is the total minus the other value's (integers: exact).
   */
  private void edgePairStats(int from, int to, int d, double[] ss, double[] qq, int[] cc) {
    double s0 = 0;
    double s1 = 0;
    double q0 = 0;
    double q1 = 0;
    double t0 = 0;
    double t1 = 0;
    double r0 = 0;
    double r1 = 0;
    int c1 = 0;
    int e1 = 0;
    int total = 0;
    for (int i = from; i < to; i++) {
      int row = ri[i];
      double a = wy[row];
      double q = wyy[row];
      int w = ws[row];
      int x = xs[i] >>> d;
      int b = x & 1;
      int e = x >>> 1 & 1;
      double f1 = b;
      double f0 = 1 - b;
      double g1 = e;
      double g0 = 1 - e;
      s0 = Math.fma(f0, a, s0);
      s1 = Math.fma(f1, a, s1);
      q0 = Math.fma(f0, q, q0);
      q1 = Math.fma(f1, q, q1);
      t0 = Math.fma(g0, a, t0);
      t1 = Math.fma(g1, a, t1);
      r0 = Math.fma(g0, q, r0);
      r1 = Math.fma(g1, q, r1);
      c1 += b * w;
      e1 += e * w;
      total += w;
    }
    int k = 3 * d;
    ss[k] = s0;
    ss[k + 1] = s1;
    qq[k] = q0;
    qq[k + 1] = q1;
    cc[k] = total - c1;
    cc[k + 1] = c1;
    ss[k + 3] = t0;
    ss[k + 4] = t1;
    qq[k + 3] = r0;
    qq[k + 4] = r1;
    cc[k + 3] = total - e1;
    cc[k + 4] = e1;
  }

  /** As {@link #edgePairStats} for ops d and d + 1 (variables, d ≥ EDGES; values 0, 1, 2 in two bits each). */
  private void opPairStats(int from, int to, int d, double[] ss, double[] qq, int[] cc) {
    int sh = shift(d);
    double s0 = 0;
    double s1 = 0;
    double s2 = 0;
    double q0 = 0;
    double q1 = 0;
    double q2 = 0;
    double t0 = 0;
    double t1 = 0;
    double t2 = 0;
    double r0 = 0;
    double r1 = 0;
    double r2 = 0;
    int c1 = 0;
    int c2 = 0;
    int e1 = 0;
    int e2 = 0;
    int total = 0;
    for (int i = from; i < to; i++) {
      int row = ri[i];
      double a = wy[row];
      double q = wyy[row];
      int w = ws[row];
      int x = xs[i] >>> sh;
      int b1 = x & 1;
      int b2 = x >>> 1 & 1;
      int h1 = x >>> 2 & 1;
      int h2 = x >>> 3 & 1;
      double f0 = 1 - b1 - b2;
      double f1 = b1;
      double f2 = b2;
      double g0 = 1 - h1 - h2;
      double g1 = h1;
      double g2 = h2;
      s0 = Math.fma(f0, a, s0);
      s1 = Math.fma(f1, a, s1);
      s2 = Math.fma(f2, a, s2);
      q0 = Math.fma(f0, q, q0);
      q1 = Math.fma(f1, q, q1);
      q2 = Math.fma(f2, q, q2);
      t0 = Math.fma(g0, a, t0);
      t1 = Math.fma(g1, a, t1);
      t2 = Math.fma(g2, a, t2);
      r0 = Math.fma(g0, q, r0);
      r1 = Math.fma(g1, q, r1);
      r2 = Math.fma(g2, q, r2);
      c1 += b1 * w;
      c2 += b2 * w;
      e1 += h1 * w;
      e2 += h2 * w;
      total += w;
    }
    int k = 3 * d;
    ss[k] = s0;
    ss[k + 1] = s1;
    ss[k + 2] = s2;
    qq[k] = q0;
    qq[k + 1] = q1;
    qq[k + 2] = q2;
    cc[k] = total - c1 - c2;
    cc[k + 1] = c1;
    cc[k + 2] = c2;
    ss[k + 3] = t0;
    ss[k + 4] = t1;
    ss[k + 5] = t2;
    qq[k + 3] = r0;
    qq[k + 4] = r1;
    qq[k + 5] = r2;
    cc[k + 3] = total - e1 - e2;
    cc[k + 4] = e1;
    cc[k + 5] = e2;
  }

  /**
   * Grows the subtree of rows [from, to) (reordered in place), whose value statistics are in slot {@code slot},
   * and returns its node. A child's statistics are summed over its rows if it is the smaller child, else they are
   * its parent's minus its sibling's (the usual histogram subtraction; equal up to rounding).
   */
  private int grow(int from, int to, int size, int depth, RandomGenerator rng) {
    int slot = 2 * depth + (depth == 0 ? 0 : side);
    int nd = newNode();
    node[3 * nd] = 0; // a leaf: no bits, a left value no configuration has, itself as right child
    node[3 * nd + 1] = -1;
    node[3 * nd + 2] = nd;
    if (!canSplit(size) || constant(from, to)) {
      return makeLeaf(nd, from, to, size);
    }
    for (int d = 0; d < features.length; d++) {
      features[d] = d;
    }
    double[] ss = statS[slot];
    double[] qq = statQ[slot];
    int[] cc = statC[slot];
    double bestSse = Double.POSITIVE_INFINITY;
    int bestFeature = -1;
    int bestMask = 0;
    int bestLeft = 0;
    int bestRight = 0;
    for (int k = 0; k < featuresPerSplit; k++) {
      int j = k + rng.nextInt(features.length - k);
      int d = features[j];
      features[j] = features[k];
      features[k] = d;
      int b = 3 * d;
      boolean edge = d < EncodingA.EDGES;
      for (int left = 0; left < (edge ? 1 : 3); left++) { // one value left, the rest right (an edge: 0 | 1)
        // the right side's sums over its values in increasing order, as a sum from 0 (0 + x = x: no sum is −0)
        int o1 = b + (left == 0 ? 1 : 0);
        int o2 = b + (left == 2 ? 1 : 2);
        int cl = cc[b + left];
        int cr = edge ? cc[o1] : cc[o1] + cc[o2];
        if (cl < minSamplesLeaf || cr < minSamplesLeaf) {
          continue;
        }
        double sl = ss[b + left];
        double ql = qq[b + left];
        double sr = edge ? ss[o1] : ss[o1] + ss[o2];
        double qr = edge ? qq[o1] : qq[o1] + qq[o2];
        double sse = (ql - sl * sl / cl) + (qr - sr * sr / cr);
        if (sse < bestSse) {
          bestSse = sse;
          bestFeature = d;
          bestMask = 1 << left;
          bestLeft = cl;
          bestRight = cr;
        }
      }
    }
    if (bestFeature < 0) {
      return makeLeaf(nd, from, to, size);
    }
    // partition rows [from, to): the left value first (stable, via the scratch arrays)
    int sh = shift(bestFeature);
    int fieldMask = (EncodingA.cardinality(bestFeature) == 2 ? 1 : 3) << sh;
    int leftValue = Integer.numberOfTrailingZeros(bestMask) << sh;
    int l = from;
    int r = 0;
    for (int i = from; i < to; i++) { // branch-free: each row is written to both sides, one cursor advances
      int xi = xs[i];
      int rowi = ri[i];
      int diff = (xi & fieldMask) ^ leftValue;
      int b = ((diff | -diff) >>> 31) ^ 1; // 1: the row goes left
      xs[l] = xi;
      ri[l] = rowi;
      xs2[r] = xi;
      ri2[r] = rowi;
      l += b;
      r += 1 - b;
    }
    System.arraycopy(xs2, 0, xs, l, r);
    System.arraycopy(ri2, 0, ri, l, r);
    node[3 * nd] = fieldMask;
    node[3 * nd + 1] = leftValue;
    ensureSlots(depth + 1);
    int left = 2 * depth + 2;
    int small = l - from <= to - l ? left : left + 1;
    int large = small == left ? left + 1 : left;
    boolean smallSplits = canSplit(small == left ? bestLeft : bestRight);
    boolean largeSplits = canSplit(small == left ? bestRight : bestLeft);
    if (smallSplits || largeSplits) { // (a child that cannot split needs no statistics)
      if (small == left) {
        allStats(from, l, small);
      } else {
        allStats(l, to, small);
      }
    }
    if (largeSplits) {
      double[] ls = statS[large];
      double[] lq = statQ[large];
      int[] lc = statC[large];
      double[] sms = statS[small];
      double[] smq = statQ[small];
      int[] smc = statC[small];
      for (int i = 0; i < STATS; i++) {
        ls[i] = ss[i] - sms[i];
        lq[i] = qq[i] - smq[i];
        lc[i] = cc[i] - smc[i];
      }
    }
    side = 0;
    grow(from, l, bestLeft, depth + 1, rng); // the left child is node nd + 1
    side = 1;
    int b = grow(l, to, bestRight, depth + 1, rng);
    node[3 * nd + 2] = b;
    return nd;
  }

  /**
   * Whether the targets of rows [from, to) are all equal (to the first; stops at the first that differs, which in
   * a node worth splitting comes early). The same answer as comparing their minimum and maximum: no target is NaN.
   */
  private boolean constant(int from, int to) {
    double first = ys[ri[from]];
    for (int i = from + 1; i < to; i++) {
      if (ys[ri[i]] != first) {
        return false;
      }
    }
    return true;
  }

  /**
   * Makes node {@code nd} a leaf predicting the mean target of rows [from, to) (weighted; the sum in row order).
   * Only leaves need the mean: a prediction reads leaf values only.
   */
  private int makeLeaf(int nd, int from, int to, int size) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += wy[ri[i]];
    }
    value[nd] = sum / size;
    return nd;
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
    int[] nd = node;
    for (int t = 0; t < trees; t++) {
      int root = roots[t];
      int i = 0;
      for (; i + 4 <= n; i += 4) { // four independent branch-free walks down the same tree
        int c0 = configs[i];
        int c1 = configs[i + 1];
        int c2 = configs[i + 2];
        int c3 = configs[i + 3];
        int k0 = root;
        int k1 = root;
        int k2 = root;
        int k3 = root;
        while ((nd[3 * k0] | nd[3 * k1] | nd[3 * k2] | nd[3 * k3]) != 0) {
          k0 = step(nd, k0, c0);
          k1 = step(nd, k1, c1);
          k2 = step(nd, k2, c2);
          k3 = step(nd, k3, c3);
        }
        double v0 = value[k0];
        double v1 = value[k1];
        double v2 = value[k2];
        double v3 = value[k3];
        mean[i] += v0;
        variance[i] += v0 * v0;
        mean[i + 1] += v1;
        variance[i + 1] += v1 * v1;
        mean[i + 2] += v2;
        variance[i + 2] += v2 * v2;
        mean[i + 3] += v3;
        variance[i + 3] += v3 * v3;
      }
      for (; i < n; i++) {
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

  /**
   * The child of node k that a configuration goes to, without a branch: the left child k + 1 if its bits equal the
   * node's left value, else the right child (a leaf stays where it is).
   */
  private static int step(int[] nd, int k, int config) {
    int d = (config & nd[3 * k]) ^ nd[3 * k + 1];
    int right = nd[3 * k + 2];
    int left = ~((d | -d) >> 31); // −1 when d == 0
    return right + ((k + 1 - right) & left);
  }

  private int leaf(int root, int config) {
    int[] nd = node;
    int k = root;
    while (nd[3 * k] != 0) {
      k = step(nd, k, config);
    }
    return k;
  }
}
