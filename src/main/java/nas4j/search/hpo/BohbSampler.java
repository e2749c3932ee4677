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
  /** Bad points every candidate sums before the candidates are ranked. */
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
    if (cand.length < padded) {
      cand = new int[padded];
      goodSum = new double[padded];
      denominator = new double[padded];
      order = new long[padded];
      badSum = new double[padded];
      partial = new double[padded];
    }
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
    // the good density of every candidate, four at a time
    Arrays.fill(goodSum, 0, padded, 0.0);
    for (int k = 0; k < padded; k += 4) {
      good.accumulate4(cand, k, 0, good.size(), goodSum);
    }
    for (int s = 0; s < samples; s++) {
      denominator[s] = Math.max(goodSum[s] / good.size(), 1e-32);
    }
    return argmin(bad, samples, padded, rng);
  }

  /**
   * The candidate of lowest ratio max(1e−32, bad(x)) / denominator, the first drawn among equal ones: the same
   * choice as scoring them one after another in draw order (each bad sum is the same sum in the same order). First
   * every candidate sums the first {@link #PROBE} bad points; then, in increasing order of that partial ratio (a
   * likely winner first), four at a time, 64 bad points per step, a candidate stops as soon as its partial ratio
   * (which only grows) shows that it cannot win against the best complete one.
   */
  private int argmin(CategoricalKde bad, int samples, int padded, RandomGenerator rng) {
    int n = bad.size();
    int probe = Math.min(PROBE, n);
    Arrays.fill(badSum, 0, padded, 0.0);
    for (int k = 0; k < padded; k += 4) {
      bad.accumulate4(cand, k, 0, probe, badSum);
    }
    for (int s = 0; s < samples; s++) {
      double r = Math.max(1e-32, badSum[s] / n) / denominator[s];
      order[s] = s;
      partial[s] = r;
    }
    sortByPartial(samples);
    double best = Double.POSITIVE_INFINITY;
    int bestIndex = Integer.MAX_VALUE;
    int[] group = new int[4];
    int[] xs = new int[4];
    double[] acc = new double[4];
    boolean[] live = new boolean[4];
    for (int g = 0; g < samples; g += 4) {
      int count = Math.min(4, samples - g);
      int alive = 0;
      for (int k = 0; k < 4; k++) {
        group[k] = (int) order[g + Math.min(k, count - 1)];
        xs[k] = cand[group[k]];
        acc[k] = badSum[group[k]];
        live[k] = k < count && beats(partial[group[k]], group[k], best, bestIndex);
        alive += live[k] ? 1 : 0;
      }
      for (int i = probe; i < n && alive > 0; i += 64) {
        bad.accumulate4(xs, 0, i, Math.min(n, i + 64), acc);
        for (int k = 0; k < count; k++) {
          if (live[k] && !beats(Math.max(1e-32, acc[k] / n) / denominator[group[k]], group[k], best, bestIndex)) {
            live[k] = false;
            alive--;
          }
        }
      }
      for (int k = 0; k < count; k++) {
        if (live[k]) {
          double val = Math.max(1e-32, acc[k] / n) / denominator[group[k]];
          if (beats(val, group[k], best, bestIndex)) {
            best = val;
            bestIndex = group[k];
          }
        }
      }
    }
    return bestIndex != Integer.MAX_VALUE ? cand[bestIndex] : EncodingA.random(rng);
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

  /** Whether a candidate of this ratio and draw index wins against the best so far (ties: the earlier draw). */
  private static boolean beats(double ratio, int index, double best, int bestIndex) {
    return ratio < best || (ratio == best && index < bestIndex);
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
