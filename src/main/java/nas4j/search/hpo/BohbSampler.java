package nas4j.search.hpo;

import java.util.Arrays;
import java.util.TreeMap;
import java.util.random.RandomGenerator;

/**
 * BOHB's configuration generator (hpbandster {@code config_generators/bohb.py}, Falkner et al. 2018) on
 * encoding A. Results are kept per budget; once a model exists for a budget, results at smaller budgets are no
 * longer added. After each added result with at least {@code min_points_in_model} points at its budget, the
 * points are sorted by loss (ties in arrival order), the best max(min_points, top_n_percent·N/100) form the "good" set, the next
 * max(min_points, (100−top_n_percent)·N/100) the "bad" set; each gets a {@link CategoricalKde} (kept only if both
 * sets have more points than variables). A new configuration is uniform if there is no model yet or with
 * probability {@code random_fraction}; otherwise, with the model of the largest budget, {@code num_samples}
 * candidates are drawn, each from a uniformly chosen good point keeping every variable with probability
 * 1 − max(bw, min_bandwidth) and redrawing it uniformly otherwise, and the candidate minimising
 * max(1e−32, bad(x)) / max(good(x), 1e−32) is returned. {@code bandwidth_factor} widens only continuous kernels,
 * so it has no effect on encoding A. One per run; not thread-safe.
 */
final class BohbSampler implements ConfigSampler {
  private final BohbParameters p;
  private final int minPoints;
  private final TreeMap<Integer, Points> data = new TreeMap<>();
  private final TreeMap<Integer, CategoricalKde[]> models = new TreeMap<>();
  // per model-based configuration: the candidates, their good sums, denominators, scoring order; reused
  private int[] cand = new int[0];
  private double[] goodSum = new double[0];
  private double[] denominator = new double[0];
  private long[] order = new long[0];
  private double[] badSum = new double[0];
  private double[] partial = new double[0];
  private double[] approx = new double[0];
  private int[] contender = new int[0];
  private final Groups grouped = new Groups();
  /**
   * Relative margin within which approximate ratios (sums over distinct points) are treated as possibly equal:
   * twenty times their largest rounding difference from the exact ones (see {@link #argmin}).
   */
  static final double MARGIN = 1e-7;
  /** Distinct bad points every candidate sums before the candidates are ranked. */
  static final int PROBE = 32;

  BohbSampler(BohbParameters p) {
    this.p = p;
    this.minPoints = p.minPointsInModel() == 0 ? EncodingA.VARIABLES + 1 : p.minPointsInModel();
  }

  /** The results at one budget, kept sorted by loss (ties in arrival order), with value counts. */
  private static final class Points {
    int[] configs = new int[64];
    double[] losses = new double[64];
    int size;
    final long[] counts = new long[3 * EncodingA.VARIABLES];

    void add(int c, double l) {
      if (size == configs.length) {
        configs = Arrays.copyOf(configs, size * 2);
        losses = Arrays.copyOf(losses, size * 2);
      }
      int at = size;
      while (at > 0 && losses[at - 1] > l) {
        at--;
      }
      System.arraycopy(configs, at, configs, at + 1, size - at);
      System.arraycopy(losses, at, losses, at + 1, size - at);
      configs[at] = c;
      losses[at] = l;
      size++;
      for (int d = 0; d < EncodingA.VARIABLES; d++) {
        counts[3 * d + EncodingA.value(c, d)]++;
      }
    }
  }

  @Override
  public int next(int budget, RandomGenerator rng) {
    if (models.isEmpty() || rng.nextDouble() < p.randomFraction()) {
      return EncodingA.random(rng);
    }
    CategoricalKde[] m = models.lastEntry().getValue();
    CategoricalKde good = m[0];
    CategoricalKde bad = m[1];
    Points goodData = data.get(models.lastKey());
    int samples = p.numSamples();
    int padded = (samples + 3) & ~3;
    ensureCapacity(padded);
    for (int s = 0; s < samples; s++) {
      int x = goodData.configs[rng.nextInt(good.size())];
      for (int d = 0; d < EncodingA.VARIABLES; d++) {
        double bw = Math.max(good.bandwidth(d), p.minBandwidth());
        if (!(rng.nextDouble() < 1 - bw)) {
          x = EncodingA.with(x, d, rng.nextInt(EncodingA.cardinality(d)));
        }
      }
      cand[s] = x;
    }
    for (int s = samples; s < padded; s++) {
      cand[s] = cand[0];
    }
    return argmin(good, bad, samples, padded, rng);
  }

  /**
   * {@link #argmin} of the given candidates under the given densities (for tests: the choice among fixed
   * candidates). The random generator is drawn from only when no candidate has a finite ratio.
   */
  int choose(CategoricalKde good, CategoricalKde bad, int[] candidates, RandomGenerator rng) {
    int samples = candidates.length;
    int padded = (samples + 3) & ~3;
    ensureCapacity(padded);
    System.arraycopy(candidates, 0, cand, 0, samples);
    for (int s = samples; s < padded; s++) {
      cand[s] = cand[0];
    }
    return argmin(good, bad, samples, padded, rng);
  }

  /**
   * The candidate of lowest ratio max(1e−32, bad(x)) / max(good(x), 1e−32), the first drawn among equal ones, where
   * every ratio that decides is computed exactly as {@link CategoricalKde#pdf} sums it (each density's points in
   * their own order): the same choice as scoring the candidates one after another in draw order.
   *
   * <p>The model's points repeat (BOHB samples the good configurations again and again), so the candidates are
   * first scored on each density's distinct points weighted by their multiplicity ({@link Groups}). Such a sum of
   * n positive terms and the ordered one are both within (n + 1)·u of the exact real sum (u = 2^−53; one more
   * rounding per weighted term), so an approximate ratio is within a relative ε < 5·10^−9 of the exact one for any
   * n < 10^7. On the approximate ratios: every candidate sums the first {@link #PROBE} distinct bad points (the
   * most repeated first); then, in increasing order of that partial ratio (a likely winner first), four at a time,
   * 64 points per step, a candidate is dropped as soon as its partial ratio (a lower bound: the terms are positive)
   * exceeds the best complete approximate ratio by the relative {@link #MARGIN} (≥ 3ε: the exact best is never
   * dropped; with 10^7 points or more the margin grows with n to stay twenty times the rounding bound). Last, every complete candidate within {@link #MARGIN} of the best approximate ratio (as a rule one
   * configuration) gets its exact ratio, and the lowest exact ratio wins, the earlier draw on equality.
   */
  private int argmin(CategoricalKde good, CategoricalKde bad, int samples, int padded, RandomGenerator rng) {
    Groups g = groups(good, bad);
    int ng = good.size();
    int n = bad.size();
    // MARGIN covers fewer than 10^7 points; beyond, twenty times the rounding bound 2(n_bad + n_good + 5)·2^−53
    double margin = Math.max(MARGIN, 40.0 * (n + ng + 5) * 0x1p-53);
    Arrays.fill(goodSum, 0, padded, 0.0);
    for (int k = 0; k < padded; k += 4) {
      good.accumulate4(g.goodPoints, g.goodWeights, 0, g.goodSize, cand, k, goodSum);
    }
    for (int s = 0; s < samples; s++) {
      denominator[s] = Math.max(goodSum[s] / ng, 1e-32);
    }
    int probe = Math.min(PROBE, g.badSize);
    Arrays.fill(badSum, 0, padded, 0.0);
    for (int k = 0; k < padded; k += 4) {
      bad.accumulate4(g.badPoints, g.badWeights, 0, probe, cand, k, badSum);
    }
    for (int s = 0; s < samples; s++) {
      double r = Math.max(1e-32, badSum[s] / n) / denominator[s];
      order[s] = s;
      partial[s] = r;
      approx[s] = Double.POSITIVE_INFINITY;
    }
    sortByPartial(samples);
    double best = Double.POSITIVE_INFINITY;
    int[] group = new int[4];
    int[] xs = new int[4];
    double[] acc = new double[4];
    boolean[] live = new boolean[4];
    for (int gi = 0; gi < samples; gi += 4) {
      int count = Math.min(4, samples - gi);
      int alive = 0;
      for (int k = 0; k < 4; k++) {
        group[k] = (int) order[gi + Math.min(k, count - 1)];
        xs[k] = cand[group[k]];
        acc[k] = badSum[group[k]];
        live[k] = k < count && !(partial[group[k]] * (1 - margin) > best);
        alive += live[k] ? 1 : 0;
      }
      for (int i = probe; i < g.badSize && alive > 0; i += 64) {
        bad.accumulate4(g.badPoints, g.badWeights, i, Math.min(g.badSize, i + 64), xs, 0, acc);
        for (int k = 0; k < count; k++) {
          if (live[k] && Math.max(1e-32, acc[k] / n) / denominator[group[k]] * (1 - margin) > best) {
            live[k] = false;
            alive--;
          }
        }
      }
      for (int k = 0; k < count; k++) {
        if (live[k]) {
          double r = Math.max(1e-32, acc[k] / n) / denominator[group[k]];
          approx[group[k]] = r;
          best = Math.min(best, r);
        }
      }
    }
    // the exact ratios of the candidates within MARGIN of the best approximate one, in draw order
    int m = 0;
    for (int s = 0; s < samples; s++) {
      if (approx[s] <= best * (1 + margin)) {
        boolean repeat = false; // an equal configuration drawn earlier has the same ratio and wins the tie
        for (int j = 0; j < m && !repeat; j++) {
          repeat = cand[contender[j]] == cand[s];
        }
        if (!repeat) {
          contender[m++] = s;
        }
      }
    }
    double bestExact = Double.POSITIVE_INFINITY;
    int bestIndex = Integer.MAX_VALUE;
    for (int j = 0; j < m; j++) { // contenders are in draw order: on equality the earlier stays
      int x = cand[contender[j]];
      double val = Math.max(1e-32, bad.pdf(x)) / Math.max(good.pdf(x), 1e-32);
      if (val < bestExact) {
        bestExact = val;
        bestIndex = contender[j];
      }
    }
    return bestIndex != Integer.MAX_VALUE ? cand[bestIndex] : EncodingA.random(rng);
  }

  /**
   * A model's good and bad points, each distinct configuration once with its multiplicity: the good ones in
   * first-seen order, the bad ones by decreasing multiplicity (ties in first-seen order).
   */
  private static final class Groups {
    CategoricalKde bad;
    int[] goodPoints = new int[0];
    double[] goodWeights = new double[0];
    int goodSize;
    int[] badPoints = new int[0];
    double[] badWeights = new double[0];
    int badSize;
    int[] table = new int[0]; // open addressing: 1 + index into the points being grouped, 0 = empty
    long[] keys = new long[0]; // sorting scratch
    int[] scratchPoints = new int[0];
    double[] scratchWeights = new double[0];
  }

  /** The groups of the model whose bad density is {@code bad}, computed once per model. */
  private Groups groups(CategoricalKde good, CategoricalKde bad) {
    Groups g = grouped;
    if (g.bad == bad) {
      return g;
    }
    g.bad = bad;
    if (g.goodPoints.length < good.size()) { // grown by doubling: the models grow one point at a time
      g.goodPoints = new int[Math.max(good.size(), 2 * g.goodPoints.length)];
      g.goodWeights = new double[g.goodPoints.length];
    }
    if (g.badPoints.length < bad.size()) {
      g.badPoints = new int[Math.max(bad.size(), 2 * g.badPoints.length)];
      g.badWeights = new double[g.badPoints.length];
    }
    g.goodSize = group(good, g.goodPoints, g.goodWeights, g);
    g.badSize = group(bad, g.badPoints, g.badWeights, g);
    // the bad points of highest multiplicity first (stable), so that partial sums grow fast
    if (g.keys.length < g.badSize) {
      g.keys = new long[g.badPoints.length];
      g.scratchPoints = new int[g.badPoints.length];
      g.scratchWeights = new double[g.badPoints.length];
    }
    for (int i = 0; i < g.badSize; i++) {
      g.keys[i] = (long) -g.badWeights[i] << 32 | i;
    }
    Arrays.sort(g.keys, 0, g.badSize);
    for (int i = 0; i < g.badSize; i++) {
      g.scratchPoints[i] = g.badPoints[(int) g.keys[i]];
      g.scratchWeights[i] = g.badWeights[(int) g.keys[i]];
    }
    System.arraycopy(g.scratchPoints, 0, g.badPoints, 0, g.badSize);
    System.arraycopy(g.scratchWeights, 0, g.badWeights, 0, g.badSize);
    return g;
  }

  private static int group(CategoricalKde kde, int[] points, double[] weights, Groups g) {
    int n = kde.size();
    int cap = Integer.highestOneBit(Math.max(4, 2 * n)) << 1;
    if (g.table.length < cap) {
      g.table = new int[cap];
    } else {
      Arrays.fill(g.table, 0, cap, 0);
    }
    int mask = cap - 1;
    int shift = 32 - Integer.numberOfTrailingZeros(cap);
    int size = 0;
    for (int i = 0; i < n; i++) {
      int c = kde.point(i);
      int h = (c * 0x9E3779B9) >>> shift;
      while (g.table[h] != 0 && points[g.table[h] - 1] != c) {
        h = (h + 1) & mask;
      }
      if (g.table[h] == 0) {
        points[size] = c;
        weights[size] = 0;
        g.table[h] = ++size;
      }
      weights[g.table[h] - 1]++;
    }
    return size;
  }

  private void ensureCapacity(int padded) {
    if (cand.length < padded) {
      cand = new int[padded];
      goodSum = new double[padded];
      denominator = new double[padded];
      order = new long[padded];
      badSum = new double[padded];
      partial = new double[padded];
      approx = new double[padded];
      contender = new int[padded];
    }
  }

  /** Sorts order[0..samples) by partial ratio (insertion sort: a few dozen entries). */
  private void sortByPartial(int samples) {
    for (int i = 1; i < samples; i++) {
      long o = order[i];
      double r = partial[(int) o];
      int j = i - 1;
      while (j >= 0 && partial[(int) order[j]] > r) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = o;
    }
  }

  @Override
  public void observe(int config, int budget, double loss) {
    Points pts = data.computeIfAbsent(budget, b -> new Points());
    if (!models.isEmpty() && models.lastKey() > budget) {
      return;
    }
    pts.add(config, loss);
    if (pts.size <= minPoints - 1) {
      return;
    }
    int n = pts.size;
    int nGood = Math.max(minPoints, p.topPercent() * n / 100);
    int nBad = Math.max(minPoints, (100 - p.topPercent()) * n / 100);
    int goodEnd = Math.min(nGood, n);
    int badEnd = Math.min(nGood + nBad, n);
    if (goodEnd <= EncodingA.VARIABLES || badEnd - goodEnd <= EncodingA.VARIABLES) {
      return;
    }
    long[] goodCounts = new long[3 * EncodingA.VARIABLES];
    CategoricalKde.count(pts.configs, 0, goodEnd, goodCounts, 1);
    long[] badCounts = pts.counts.clone();
    CategoricalKde.count(pts.configs, 0, goodEnd, badCounts, -1);
    CategoricalKde.count(pts.configs, badEnd, n, badCounts, -1);
    CategoricalKde good = new CategoricalKde(pts.configs, 0, goodEnd, goodCounts, p.minBandwidth());
    CategoricalKde bad = new CategoricalKde(pts.configs, goodEnd, badEnd, badCounts, p.minBandwidth());
    models.put(budget, new CategoricalKde[] {good, bad});
  }
}
