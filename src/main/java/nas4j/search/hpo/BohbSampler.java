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
    double best = Double.POSITIVE_INFINITY;
    int bestConfig = 0;
    boolean found = false;
    for (int s = 0; s < p.numSamples(); s++) {
      int datum = goodData.configs[rng.nextInt(good.size())];
      int x = datum;
      for (int d = 0; d < EncodingA.VARIABLES; d++) {
        double bw = Math.max(good.bandwidth(d), p.minBandwidth());
        if (!(rng.nextDouble() < 1 - bw)) {
          x = EncodingA.with(x, d, rng.nextInt(EncodingA.cardinality(d)));
        }
      }
      double val = bad.ratioBelow(x, Math.max(good.pdf(x), 1e-32), best);
      if (val < best) {
        best = val;
        bestConfig = x;
        found = true;
      }
    }
    return found ? bestConfig : EncodingA.random(rng);
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
