package nas4j.search.hpo;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.search.InvalidHandling;
import nas4j.search.SearchStrategy;

/**
 * hyperopt's tree-structured Parzen estimator ({@code tpe.suggest}, Bergstra et al. 2011) on encoding A, as
 * automl/nas_benchmarks {@code run_tpe.py} runs it (26 {@code hp.choice} variables, one evaluation per trial at
 * the oracle's budget, loss = 1 − returned validation accuracy, 1 for an invalid cell). hyperopt's rules, which
 * differ from Optuna's where noted:
 * <ul>
 *   <li>the first {@code n_startup_jobs} trials are uniform random;
 *   <li>split ({@code ap_split_trials}): the {@code min(ceil(gamma · sqrt(N)), 25)} trials with the lowest loss
 *       are "below", the rest "above" (ties to the earlier trial). Optuna's default is {@code min(ceil(0.1 · N),
 *       25)}, linear in N;
 *   <li>each variable is modelled and chosen independently (hyperopt's TPE is univariate; Optuna's
 *       {@code multivariate} option is not what hyperopt does);
 *   <li>density of value v in a group of trials (in trial order, oldest first): (w-count of v + prior_weight) /
 *       (Σ w + c · prior_weight), with hyperopt's linear-forgetting weights: all 1 for at most 25 trials,
 *       otherwise the oldest N − 25 ramp linearly from 1/N to 1 and the newest 25 weigh 1;
 *   <li>{@code n_EI_candidates} values drawn from the below density, the one with the largest
 *       log below(v) − log above(v) taken (the first on ties).
 * </ul>
 * Incremental: the below set has at most 25 trials, so a new trial usually just joins the end of the above list;
 * the weighted counts are then updated in O(variables) and rebuilt only when the below set changes.
 */
public final class Tpe implements SearchStrategy {
  /** hyperopt's {@code DEFAULT_LF}: the cap of the below set and the unweighted tail of linear forgetting. */
  static final int LF = 25;
  static final int MAX_REDRAWS = 10_000_000;

  private final TpeParameters p;

  public Tpe(TpeParameters p) {
    this.p = p;
  }

  @Override
  public void run(Oracle oracle, RandomGenerator rng) {
    Model m = new Model(p);
    boolean resample = p.invalid() == InvalidHandling.RESAMPLE;
    for (int skipped = 0; ; ) {
      int c = m.size() < p.nStartupJobs() ? EncodingA.random(rng) : m.suggest(rng);
      if (resample && !oracle.isValid(EncodingA.spec(c))) {
        // not queried; the model still learns loss 1, as nas_benchmarks' objective reports it
        m.add(c, 1.0);
        if (++skipped > MAX_REDRAWS) {
          throw new IllegalStateException("TPE stalled: " + MAX_REDRAWS + " invalid suggestions in a row");
        }
        continue;
      }
      skipped = 0;
      Observation o = oracle.query(EncodingA.spec(c));
      m.add(c, o.hasData() ? 1.0 - o.validationAccuracy() : 1.0);
    }
  }

  /** The trials and the weighted value counts of the below and above groups. Package-private for tests. */
  static final class Model {
    private final TpeParameters p;
    int[] configs = new int[256];
    double[] losses = new double[256];
    int n;
    /** Trial ids of the best (at most LF) trials, by (loss, id). */
    private int[] top = new int[LF];
    private int topSize;
    /** The below set the counts were built for (sorted ids), and the above list (ids in trial order). */
    private int[] below = new int[0];
    private int[] above = new int[256];
    private int aboveSize;
    private int synced; // trials [0, synced) are reflected in the counts
    /** Counts of the above list: ramp part (positions [0, M − LF)) count and position sum, flat part count. */
    private final long[] rampCount = new long[3 * EncodingA.VARIABLES];
    private final double[] rampPos = new double[3 * EncodingA.VARIABLES];
    private final long[] flatCount = new long[3 * EncodingA.VARIABLES];
    private final long[] belowCount = new long[3 * EncodingA.VARIABLES];

    Model(TpeParameters p) {
      this.p = p;
    }

    int size() {
      return n;
    }

    void add(int config, double loss) {
      if (n == configs.length) {
        configs = Arrays.copyOf(configs, n * 2);
        losses = Arrays.copyOf(losses, n * 2);
      }
      configs[n] = config;
      losses[n] = loss;
      int id = n++;
      // keep the best LF trials by (loss, id)
      if (topSize < LF || loss < losses[top[topSize - 1]]) {
        int at = Math.min(topSize, LF - 1);
        if (topSize < LF) {
          topSize++;
        }
        while (at > 0 && losses[top[at - 1]] > loss) {
          top[at] = top[at - 1];
          at--;
        }
        top[at] = id;
      }
    }

    /** hyperopt's below-set size for N trials. */
    int belowSize() {
      return Math.min((int) Math.ceil(p.gamma() * Math.sqrt(n)), LF);
    }

    /** Brings the counts up to date with all trials. */
    void sync() {
      int nb = Math.min(belowSize(), topSize);
      int[] b = Arrays.copyOf(top, nb);
      Arrays.sort(b);
      if (!Arrays.equals(b, below)) {
        below = b;
        rebuild();
        return;
      }
      for (int id = synced; id < n; id++) {
        if (Arrays.binarySearch(below, id) < 0) {
          append(id);
        }
      }
      synced = n;
    }

    private void rebuild() {
      Arrays.fill(rampCount, 0);
      Arrays.fill(rampPos, 0);
      Arrays.fill(flatCount, 0);
      Arrays.fill(belowCount, 0);
      aboveSize = 0;
      for (int id : below) {
        for (int d = 0; d < EncodingA.VARIABLES; d++) {
          belowCount[3 * d + EncodingA.value(configs[id], d)]++;
        }
      }
      for (int id = 0; id < n; id++) {
        if (Arrays.binarySearch(below, id) < 0) {
          append(id);
        }
      }
      synced = n;
    }

    /** Appends a trial to the above list; the trial LF places before the end leaves the flat tail. */
    private void append(int id) {
      if (aboveSize == above.length) {
        above = Arrays.copyOf(above, aboveSize * 2);
      }
      above[aboveSize++] = id;
      int c = configs[id];
      for (int d = 0; d < EncodingA.VARIABLES; d++) {
        flatCount[3 * d + EncodingA.value(c, d)]++;
      }
      if (aboveSize > LF) {
        int pos = aboveSize - LF - 1; // moves from the flat tail to the ramp
        int old = configs[above[pos]];
        for (int d = 0; d < EncodingA.VARIABLES; d++) {
          int k = 3 * d + EncodingA.value(old, d);
          flatCount[k]--;
          rampCount[k]++;
          rampPos[k] += pos;
        }
      }
    }

    /** The above group's weighted count of value v of variable d (hyperopt's linear forgetting). */
    double aboveWeight(int d, int v) {
      int k = 3 * d + v;
      int m = aboveSize;
      int ramp = m - LF;
      if (ramp <= 0) {
        return flatCount[k];
      }
      double a = 1.0 / m;
      double slope = ramp == 1 ? 0 : (1.0 - a) / (ramp - 1);
      return a * rampCount[k] + slope * rampPos[k] + flatCount[k];
    }

    /** The below group's weighted count (at most 25 trials: all weights 1). */
    double belowWeight(int d, int v) {
      return belowCount[3 * d + v];
    }

    /** The below (or above) density of value v of variable d, with the prior pseudo-counts. */
    double density(int d, int v, boolean ofBelow) {
      int card = EncodingA.cardinality(d);
      double total = 0;
      for (int u = 0; u < card; u++) {
        total += ofBelow ? belowWeight(d, u) : aboveWeight(d, u);
      }
      double w = ofBelow ? belowWeight(d, v) : aboveWeight(d, v);
      return (w + p.priorWeight()) / (total + card * p.priorWeight());
    }

    /** One TPE suggestion. */
    int suggest(RandomGenerator rng) {
      sync();
      int c = 0;
      double[] below = new double[3];
      double[] score = new double[3];
      for (int d = 0; d < EncodingA.VARIABLES; d++) {
        int card = EncodingA.cardinality(d);
        for (int v = 0; v < card; v++) {
          below[v] = density(d, v, true);
          score[v] = StrictMath.log(below[v]) - StrictMath.log(density(d, v, false));
        }
        int best = -1;
        for (int s = 0; s < p.nEiCandidates(); s++) {
          double u = rng.nextDouble();
          int v = 0;
          double acc = below[0];
          while (v < card - 1 && u >= acc) {
            acc += below[++v];
          }
          if (best < 0 || score[v] > score[best]) {
            best = v;
          }
        }
        c = EncodingA.with(c, d, best);
      }
      return c;
    }
  }

  @Override
  public String toString() {
    return "Tpe" + p;
  }
}
