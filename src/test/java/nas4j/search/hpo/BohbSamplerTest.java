package nas4j.search.hpo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@link BohbSampler}'s choices against a plain second implementation of hpbandster's {@code BOHB} config generator
 * ({@code new_result}, {@code get_config}): lists of results per budget, a model per budget refitted from a stable
 * sort after every result, every candidate's ratio computed in full with {@link CategoricalKde#pdf} (checked by hand
 * in {@link CategoricalKdeTest}) and the first lowest one kept. The sampler keeps its points sorted incrementally,
 * ranks candidates on sums over distinct points and drops them from partial sums, and computes exact ratios only for
 * the few it cannot tell apart; it must choose exactly the same configuration every time, with the same random
 * draws.
 */
class BohbSamplerTest {

  /** The reference: hpbandster's generator written out directly, no pruning, nothing incremental. */
  static final class Reference {
    final BohbParameters p;
    final int minPoints = EncodingA.VARIABLES + 1;
    final TreeMap<Integer, List<double[]>> results = new TreeMap<>(); // {config, loss} in arrival order
    final TreeMap<Integer, Model> models = new TreeMap<>();

    record Model(int[] goodPoints, CategoricalKde good, CategoricalKde bad) {}

    Reference(BohbParameters p) {
      this.p = p;
    }

    void observe(int config, int budget, double loss) {
      List<double[]> list = results.computeIfAbsent(budget, b -> new ArrayList<>());
      if (!models.isEmpty() && models.lastKey() > budget) {
        return; // "skip model building if we already have a bigger model"
      }
      list.add(new double[] {config, loss});
      int n = list.size();
      if (n <= minPoints - 1) {
        return;
      }
      List<double[]> sorted = new ArrayList<>(list);
      sorted.sort(Comparator.comparingDouble(r -> r[1])); // stable: ties in arrival order
      int nGood = Math.max(minPoints, p.topPercent() * n / 100);
      int nBad = Math.max(minPoints, (100 - p.topPercent()) * n / 100);
      int[] good = configs(sorted, 0, Math.min(nGood, n));
      int[] bad = configs(sorted, Math.min(nGood, n), Math.min(nGood + nBad, n));
      if (good.length <= EncodingA.VARIABLES || bad.length <= EncodingA.VARIABLES) {
        return;
      }
      models.put(budget, new Model(good, kde(good), kde(bad)));
    }

    private static int[] configs(List<double[]> sorted, int from, int to) {
      int[] c = new int[to - from];
      for (int i = from; i < to; i++) {
        c[i - from] = (int) sorted.get(i)[0];
      }
      return c;
    }

    private CategoricalKde kde(int[] points) {
      long[] counts = new long[3 * EncodingA.VARIABLES];
      CategoricalKde.count(points, 0, points.length, counts, 1);
      return new CategoricalKde(points, 0, points.length, counts, p.minBandwidth());
    }

    int next(RandomGenerator rng) {
      if (models.isEmpty() || rng.nextDouble() < p.randomFraction()) {
        return EncodingA.random(rng);
      }
      Model m = models.lastEntry().getValue();
      CategoricalKde good = m.good();
      CategoricalKde bad = m.bad();
      double best = Double.POSITIVE_INFINITY;
      int bestConfig = 0;
      boolean found = false;
      for (int s = 0; s < p.numSamples(); s++) {
        int x = m.goodPoints()[rng.nextInt(good.size())];
        for (int d = 0; d < EncodingA.VARIABLES; d++) {
          double bw = Math.max(good.bandwidth(d), p.minBandwidth());
          if (!(rng.nextDouble() < 1 - bw)) {
            x = EncodingA.with(x, d, rng.nextInt(EncodingA.cardinality(d)));
          }
        }
        double val = Math.max(1e-32, bad.pdf(x)) / Math.max(good.pdf(x), 1e-32);
        if (val < best) {
          best = val;
          bestConfig = x;
          found = true;
        }
      }
      return found ? bestConfig : EncodingA.random(rng);
    }
  }

  /**
   * Results arrive at 4, 12 and 108 epochs (models at a smaller budget are superseded), a fifth of them invalid
   * (loss 1: many equal losses); a configuration is asked for after every result.
   */
  @Test
  void choosesWhatTheFullComputationChooses() {
    BohbParameters p = BohbParameters.defaults();
    compare(p, 1_500, 21, false);
  }

  /**
   * The same on results that are perturbations of a few configurations: the candidates often coincide, so equal
   * ratios are common and the first drawn must win.
   */
  @Test
  void equalCandidatesResolveToTheFirstDrawn() {
    compare(BohbParameters.defaults(), 600, 22, true);
  }

  private static void compare(BohbParameters p, int steps, long seed, boolean clustered) {
    BohbSampler sampler = new BohbSampler(p);
    Reference ref = new Reference(p);
    SplittableRandom data = new SplittableRandom(seed);
    SplittableRandom rngA = new SplittableRandom(seed + 100);
    SplittableRandom rngB = new SplittableRandom(seed + 100);
    int[] budgets = {4, 12, 108};
    int[] centres = {EncodingA.random(data), EncodingA.random(data), EncodingA.random(data)};
    int modelBased = 0;
    for (int step = 0; step < steps; step++) {
      int config;
      if (clustered) {
        config = centres[data.nextInt(centres.length)];
        if (data.nextInt(3) == 0) {
          int d = data.nextInt(EncodingA.VARIABLES);
          config = EncodingA.with(config, d, data.nextInt(EncodingA.cardinality(d)));
        }
      } else {
        config = EncodingA.random(data);
      }
      int budget = budgets[Math.min(2, step * 3 / steps + (data.nextInt(4) == 0 ? 1 : 0))];
      double loss = data.nextInt(5) == 0 ? 1.0 : Math.round(data.nextDouble() * 1000) / 1000.0;
      sampler.observe(config, budget, loss);
      ref.observe(config, budget, loss);
      boolean hasModel = !ref.models.isEmpty();
      int a = sampler.next(budget, rngA);
      int b = ref.next(rngB);
      assertThat(a).as("step %d", step).isEqualTo(b);
      modelBased += hasModel ? 1 : 0;
    }
    assertThat(rngA.nextLong()).as("the same random draws").isEqualTo(rngB.nextLong());
    assertThat(modelBased).as("most steps had a model").isGreaterThan(steps / 2);
  }

  /**
   * Near-ties, where ranking on sums over distinct points (equal to the densities only up to rounding) and the exact
   * ratios disagree: models of a few distinct configurations, each repeated many times, so that most variables are
   * constant and changing one multiplies both densities by the same factor (candidates whose ratios differ only by
   * rounding). The sampler's choice among 64 candidates drawn as {@link BohbSampler#next} draws them must be the
   * exact argmin of max(1e−32, bad.pdf(x)) / max(good.pdf(x), 1e−32), the first drawn on equality, in every set;
   * and the sets must contain cases where the approximate ranking alone would choose another configuration (else
   * this test could not tell the two apart).
   */
  @Test
  void nearTiesAreDecidedByTheExactRatios() {
    BohbParameters p = BohbParameters.defaults();
    SplittableRandom rng = new SplittableRandom(77);
    int disagreements = 0;
    int sets = 3_000;
    for (int set = 0; set < sets; set++) {
      int[] good = repeated(rng, 2 + rng.nextInt(4), 30);
      int[] bad = repeated(rng, 2 + rng.nextInt(4), 40);
      CategoricalKde goodKde = kde(good, p);
      CategoricalKde badKde = kde(bad, p);
      int[] cand = new int[p.numSamples()];
      for (int s = 0; s < cand.length; s++) {
        int x = good[rng.nextInt(good.length)];
        for (int d = 0; d < EncodingA.VARIABLES; d++) {
          if (!(rng.nextDouble() < 1 - Math.max(goodKde.bandwidth(d), p.minBandwidth()))) {
            x = EncodingA.with(x, d, rng.nextInt(EncodingA.cardinality(d)));
          }
        }
        cand[s] = x;
      }
      int exact = firstLowest(cand, x -> Math.max(1e-32, badKde.pdf(x)) / Math.max(goodKde.pdf(x), 1e-32));
      int approx = firstLowest(cand, x -> Math.max(1e-32, grouped(badKde, bad, x)) / Math.max(grouped(goodKde, good, x),
          1e-32));
      int chosen = new BohbSampler(p).choose(goodKde, badKde, cand, new SplittableRandom(0));
      assertThat(chosen).as("set %d", set).isEqualTo(cand[exact]);
      disagreements += cand[approx] != cand[exact] ? 1 : 0;
    }
    assertThat(disagreements).as("sets where ranking on distinct points alone would choose otherwise").isPositive();
  }

  /** {@code size} points drawn from {@code distinct} random configurations. */
  private static int[] repeated(SplittableRandom rng, int distinct, int size) {
    int[] base = new int[distinct];
    for (int i = 0; i < distinct; i++) {
      base[i] = EncodingA.random(rng);
    }
    int[] points = new int[size];
    for (int i = 0; i < size; i++) {
      points[i] = base[i < distinct ? i : rng.nextInt(distinct)];
    }
    return points;
  }

  private static CategoricalKde kde(int[] points, BohbParameters p) {
    long[] counts = new long[3 * EncodingA.VARIABLES];
    CategoricalKde.count(points, 0, points.length, counts, 1);
    return new CategoricalKde(points, 0, points.length, counts, p.minBandwidth());
  }

  /** The density at x summed over the distinct points, each weighted by its count (in first-seen order). */
  private static double grouped(CategoricalKde kde, int[] points, int x) {
    java.util.LinkedHashMap<Integer, Integer> counts = new java.util.LinkedHashMap<>();
    for (int c : points) {
      counts.merge(c, 1, Integer::sum);
    }
    int[] distinct = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
    double[] weight = counts.values().stream().mapToDouble(Integer::doubleValue).toArray();
    double[] acc = new double[4];
    kde.accumulate4(distinct, weight, 0, distinct.length, new int[] {x, x, x, x}, 0, acc);
    return acc[0] / points.length;
  }

  /** The index of the first lowest value. */
  private static int firstLowest(int[] cand, java.util.function.IntToDoubleFunction ratio) {
    int best = 0;
    double lowest = Double.POSITIVE_INFINITY;
    for (int s = 0; s < cand.length; s++) {
      double v = ratio.applyAsDouble(cand[s]);
      if (v < lowest) {
        lowest = v;
        best = s;
      }
    }
    return best;
  }
}
