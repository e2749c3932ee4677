package nas4j.search.hpo;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import nas4j.bench.Observation;
import nas4j.bench.Oracle;
import nas4j.search.InvalidHandling;
import nas4j.search.SearchStrategy;
import org.apache.commons.math3.special.Erf;

/**
 * SMAC (Hutter et al. 2011) on encoding A as automl/nas_benchmarks {@code run_smac.py} configures SMAC3:
 * non-deterministic scenario, a random initial incumbent, a {@link RandomForest} of 10 trees on the mean loss of
 * every evaluated configuration, expected improvement, random configurations interleaved with probability 0.33,
 * intensification with at most {@code maxEvaluations} (4) evaluations per configuration, each a fresh query of
 * the oracle (a new sampled repeat). Loss = 1 − returned validation accuracy, 1 for an invalid cell.
 *
 * <p>One iteration: (1) if the incumbent has fewer than {@code maxEvaluations} runs it is evaluated once more;
 * (2) {@code challengersPerIteration} challengers race it: a challenger gets 1, 2, 4, … new runs until it has as
 * many as the incumbent; it is rejected as soon as its mean loss exceeds the incumbent's mean over the same number
 * of runs, and becomes the incumbent if it survives to the incumbent's run count. Challengers come from a list:
 * with probability {@code randomProbability} a uniform configuration, otherwise the next entry of the list sorted
 * by expected improvement (EI, minimisation, against η = the lowest predicted mean over the evaluated
 * configurations) of the local optima of first-improvement local searches (one-variable changes, random order)
 * started from the {@code localSearchStarts} evaluated configurations with the highest EI, pooled with
 * {@code randomCandidates} uniform configurations.
 *
 * <p>One deviation, for speed: SMAC3 refits the forest and rebuilds the challenger list every iteration; here
 * both happen when the number of evaluated configurations has grown by {@code refitGrowth} (5 %) since the last
 * fit (and whenever the list runs out), and in between the list is consumed in order, skipping configurations
 * already evaluated. With 10^7 simulated seconds (some thousand configurations) that is a few hundred fits
 * instead of thousands.
 *
 * <p>Speed-ups that change no result (same queries, same values): the lists are ordered lazily by an
 * {@link EiQueue}, which computes the exact EI (commons-math's erfc, the costly part) only for the entries that
 * reach the top, ordering the rest by a proven upper bound ({@link #expectedImprovementBound}); the local search
 * skips a neighbour whose bound does not exceed the current EI; configurations are indexed by an {@link IntIntMap}.
 */
public final class Smac implements SearchStrategy {
  static final int MAX_REDRAWS = 10_000_000;

  private final SmacParameters p;

  public Smac(SmacParameters p) {
    this.p = p;
  }

  @Override
  public void run(Oracle oracle, RandomGenerator rng) {
    new State(oracle, rng).run();
  }

  /** One run's history and model. Package-private for tests. */
  final class State {
    final Oracle oracle;
    final RandomGenerator rng;
    final IntIntMap index = new IntIntMap(256); // configuration -> slot
    final IntIntMap seen = new IntIntMap(8192); // the candidates of the list being built
    int[] configs = new int[256];
    double[] lossSum = new double[256];
    double[][] runLosses = new double[256][];
    int[] runs = new int[256];
    int n;
    int incumbent = -1;
    final RandomForest forest;
    int fittedAt = -1;
    int[] list = new int[0];
    EiQueue listOrder;
    final double[] cacheMu = new double[4096];
    final double[] cacheVar = new double[4096];
    final double[] cacheEi = new double[4096];
    double cacheEta = Double.NaN;
    int listPos;

    State(Oracle oracle, RandomGenerator rng) {
      this.oracle = oracle;
      this.rng = rng;
      this.forest = new RandomForest(p.numTrees(), 3, 3, 5.0 / 6);
    }

    void run() {
      incumbent = slot(randomConfig());
      evaluate(incumbent);
      long idle = 0;
      while (true) {
        long before = oracle.queries();
        iterate();
        idle = oracle.queries() == before ? idle + 1 : 0;
        if (idle > MAX_REDRAWS) {
          throw new IllegalStateException("SMAC stalled: " + MAX_REDRAWS + " iterations without a query");
        }
      }
    }

    void iterate() {
      if (runs[incumbent] < p.maxEvaluations()) {
        evaluate(incumbent);
      }
      for (int k = 0; k < p.challengersPerIteration(); k++) {
        int c = nextChallenger();
        if (c != incumbent) {
          race(c);
        }
      }
    }

    /** SMAC's race of a challenger against the incumbent (doubling runs, compared on equal run counts). */
    void race(int c) {
      int add = 1;
      while (true) {
        int target = Math.min(runs[c] + add, runs[incumbent]);
        while (runs[c] < target) {
          evaluate(c);
        }
        Verdict v = verdict(runLosses[c], runs[c], runLosses[incumbent], runs[incumbent]);
        if (v == Verdict.REJECT) {
          return;
        }
        if (v == Verdict.NEW_INCUMBENT) {
          incumbent = c;
          return;
        }
        add *= 2;
      }
    }

    int nextChallenger() {
      if (rng.nextDouble() < p.randomProbability()) {
        return slot(randomConfig());
      }
      if (n >= fittedAt + Math.max(1, (int) (fittedAt * p.refitGrowth())) || listPos >= list.length) {
        refit();
      }
      while (listPos < list.length) {
        int c = pollList();
        int s = index.get(c, -1);
        if (s < 0 || runs[s] == 0) {
          return slot(c);
        }
      }
      return slot(randomConfig());
    }

    int randomConfig() {
      for (int redraws = 0; ; redraws++) {
        int c = EncodingA.random(rng);
        if (p.invalid() != InvalidHandling.RESAMPLE || oracle.isValid(EncodingA.spec(c))) {
          return c;
        }
        if (redraws >= MAX_REDRAWS) {
          throw new IllegalStateException("SMAC stalled: " + MAX_REDRAWS + " invalid draws in a row");
        }
      }
    }

    /** Refits the forest and rebuilds the challenger list (sorted by EI, best first). */
    void refit() {
      int m = 0;
      int[] x = new int[n];
      double[] y = new double[n];
      for (int i = 0; i < n; i++) {
        if (runs[i] > 0) {
          x[m] = configs[i];
          y[m++] = lossSum[i] / runs[i];
        }
      }
      forest.fit(x, y, m, rng);
      fittedAt = n;
      double[] out = new double[2];
      double[] mu = new double[m];
      double[] var = new double[m];
      forest.predict(x, m, mu, var);
      double eta = Double.POSITIVE_INFINITY;
      for (int i = 0; i < m; i++) {
        eta = Math.min(eta, mu[i]);
      }
      // local search starts: the evaluated configurations with the highest EI (ties: the earlier one)
      int starts = Math.min(p.localSearchStarts(), m);
      EiQueue startOrder = new EiQueue(eta, mu, var, m, this::cachedEi);
      int[] pool = new int[starts + p.randomCandidates()];
      seen.clear();
      for (int s = 0; s < starts; s++) {
        int opt = localSearch(x[startOrder.poll()], eta, out);
        if (seen.putIfAbsent(opt, 0, -1) < 0) {
          pool[seen.size() - 1] = opt;
        }
      }
      for (int r = 0; r < p.randomCandidates(); r++) {
        int c = randomConfig();
        if (seen.putIfAbsent(c, 0, -1) < 0) {
          pool[seen.size() - 1] = c;
        }
      }
      list = Arrays.copyOf(pool, seen.size());
      double[] cmu = new double[list.length];
      double[] cvar = new double[list.length];
      forest.predict(list, list.length, cmu, cvar);
      listOrder = new EiQueue(eta, cmu, cvar, list.length, this::cachedEi);
      listPos = 0;
    }

    /**
     * The next challenger of the list in the order of a stable sort by decreasing EI (the highest EI first, ties
     * in list order), taken lazily from {@link #listOrder}: only the few entries used before the next refit are
     * ordered, and only they (and the few whose EI bound reaches theirs) get their exact EI computed.
     */
    int pollList() {
      listPos++;
      return list[listOrder.poll()];
    }

    /**
     * {@link #expectedImprovement}(eta, mu, √var), remembered per (mu, var) for the current eta in a small
     * direct-mapped table: a forest has few distinct leaf combinations, so many configurations share a prediction.
     */
    double cachedEi(double eta, double mu, double var) {
      if (eta != cacheEta) {
        java.util.Arrays.fill(cacheMu, Double.NaN);
        cacheEta = eta;
      }
      long a = Double.doubleToLongBits(mu);
      long b = Double.doubleToLongBits(var);
      long h = (a * 0x9E3779B97F4A7C15L) ^ (b * 0xC2B2AE3D27D4EB4FL);
      int slot = (int) (h >>> 52);
      if (cacheMu[slot] == mu && cacheVar[slot] == var && Double.doubleToLongBits(cacheMu[slot]) == a
          && Double.doubleToLongBits(cacheVar[slot]) == b) {
        return cacheEi[slot];
      }
      double e = expectedImprovement(eta, mu, Math.sqrt(var));
      cacheMu[slot] = mu;
      cacheVar[slot] = var;
      cacheEi[slot] = e;
      return e;
    }

    /** First-improvement local search on EI over the one-variable neighbourhood (random order). */
    int localSearch(int start, double eta, double[] out) {
      int cur = start;
      double curEi = ei(cur, eta, out);
      int[] moves = new int[31];
      boolean improved = true;
      while (improved) {
        improved = false;
        int k = 0;
        for (int d = 0; d < EncodingA.VARIABLES; d++) {
          for (int v = 0; v < EncodingA.cardinality(d); v++) {
            if (v != EncodingA.value(cur, d)) {
              moves[k++] = d * 3 + v;
            }
          }
        }
        for (int i = k - 1; i > 0; i--) {
          int j = rng.nextInt(i + 1);
          int t = moves[i];
          moves[i] = moves[j];
          moves[j] = t;
        }
        for (int i = 0; i < k; i++) {
          int nb = EncodingA.with(cur, moves[i] / 3, moves[i] % 3);
          if (p.invalid() == InvalidHandling.RESAMPLE && !oracle.isValid(EncodingA.spec(nb))) {
            continue;
          }
          forest.predict(nb, out);
          if (!(expectedImprovementBound(eta, out[0], Math.sqrt(out[1])) > curEi)) {
            continue; // its EI is at most the bound: no improvement (decided without the exact EI)
          }
          double e = cachedEi(eta, out[0], out[1]);
          if (e > curEi) {
            cur = nb;
            curEi = e;
            improved = true;
            break;
          }
        }
      }
      return cur;
    }

    /** Expected improvement below eta of the forest's prediction (σ = 0: max(eta − μ, 0)). */
    double ei(int config, double eta, double[] out) {
      forest.predict(config, out);
      return cachedEi(eta, out[0], out[1]);
    }

    int slot(int config) {
      int s = index.get(config, -1);
      if (s >= 0) {
        return s;
      }
      if (n == configs.length) {
        configs = Arrays.copyOf(configs, n * 2);
        lossSum = Arrays.copyOf(lossSum, n * 2);
        runLosses = Arrays.copyOf(runLosses, n * 2);
        runs = Arrays.copyOf(runs, n * 2);
      }
      configs[n] = config;
      runLosses[n] = new double[p.maxEvaluations()];
      index.putIfAbsent(config, n, -1);
      return n++;
    }

    void evaluate(int slot) {
      double loss;
      if (p.invalid() == InvalidHandling.RESAMPLE && !oracle.isValid(EncodingA.spec(configs[slot]))) {
        loss = 1.0; // not queried; recorded for the model as nas_benchmarks' objective reports it
      } else {
        Observation o = oracle.query(EncodingA.spec(configs[slot]));
        loss = o.hasData() ? 1.0 - o.validationAccuracy() : 1.0;
      }
      if (runs[slot] == runLosses[slot].length) {
        runLosses[slot] = Arrays.copyOf(runLosses[slot], runs[slot] * 2);
      }
      runLosses[slot][runs[slot]++] = loss;
      lossSum[slot] += loss;
    }
  }

  /**
   * Indices 0..n-1 in the order of a stable sort by decreasing EI (EI against {@code eta} of mean {@code mu[i]},
   * variance {@code var[i]}; ties: the smaller index first), produced lazily by {@link #poll}: a binary heap keyed by
   * each index's exact EI ({@code exactEi}; {@link State#cachedEi} in a run) once computed, and until then by
   * {@link #expectedImprovementBound}, which is never below it and costs one exp instead of an erfc. Only the
   * indices polled, and the few whose bound reaches their EI, get an exact EI.
   *
   * <p>The order is exactly that of sorting by the exact EI: when an index t with an exact key is at the top, every
   * other index j has key(j) &lt; EI(t), or key(j) = EI(t) and j &gt; t; as EI(j) ≤ key(j), EI(j) &lt; EI(t) or EI(j) =
   * EI(t) with j &gt; t, i.e. t comes first. An index with only a bound at the top gets its exact EI (not above the
   * bound, so it can only sink) and the heap is repaired before the top is looked at again.
   */
  static final class EiQueue {
    /** The exact EI against eta of a prediction with mean mu and variance var. */
    interface ExactEi {
      double of(double eta, double mu, double var);
    }

    private final double eta;
    private final double[] mu;
    private final double[] var;
    private final double[] key;
    private final boolean[] exact;
    private final int[] heap;
    private final ExactEi exactEi;
    private int size;

    EiQueue(double eta, double[] mu, double[] var, int n, ExactEi exactEi) {
      this.eta = eta;
      this.exactEi = exactEi;
      this.mu = mu;
      this.var = var;
      key = new double[n];
      exact = new boolean[n];
      heap = new int[n];
      for (int i = 0; i < n; i++) {
        double bound = expectedImprovementBound(eta, mu[i], Math.sqrt(var[i]));
        if (bound == Double.POSITIVE_INFINITY) { // no cheap bound: the exact EI at once
          key[i] = exactEi.of(eta, mu[i], var[i]);
          exact[i] = true;
        } else {
          key[i] = bound;
        }
        heap[i] = i;
      }
      size = n;
      for (int i = size / 2 - 1; i >= 0; i--) {
        siftDown(i);
      }
    }

    /** The next index (there must be one left). */
    int poll() {
      while (!exact[heap[0]]) {
        int t = heap[0];
        key[t] = exactEi.of(eta, mu[t], var[t]);
        exact[t] = true;
        siftDown(0);
      }
      int top = heap[0];
      heap[0] = heap[--size];
      siftDown(0);
      return top;
    }

    private boolean before(int a, int b) {
      return key[a] > key[b] || (key[a] == key[b] && a < b);
    }

    private void siftDown(int i) {
      int x = heap[i];
      while (true) {
        int c = 2 * i + 1;
        if (c >= size) {
          break;
        }
        if (c + 1 < size && before(heap[c + 1], heap[c])) {
          c++;
        }
        if (!before(heap[c], x)) {
          break;
        }
        heap[i] = heap[c];
        i = c;
      }
      heap[i] = x;
    }
  }

  /** The outcome of one comparison in a race. */
  enum Verdict {
    /** The challenger's mean loss is above the incumbent's over the same number of runs. */
    REJECT,
    /** Not worse, with at least as many runs as the incumbent: it becomes the incumbent. */
    NEW_INCUMBENT,
    /** Not worse so far, fewer runs than the incumbent: run it more (twice as many new runs as last time). */
    MORE_RUNS
  }

  /**
   * SMAC's comparison: the challenger's mean loss over its runs against the incumbent's mean over its first as
   * many runs (SMAC compares on the run pairs both have).
   */
  static Verdict verdict(double[] challenger, int challengerRuns, double[] incumbent, int incumbentRuns) {
    int k = Math.min(challengerRuns, incumbentRuns);
    double c = 0;
    double i = 0;
    for (int r = 0; r < k; r++) {
      c += challenger[r];
      i += incumbent[r];
    }
    if (c / k > i / k) {
      return Verdict.REJECT;
    }
    return challengerRuns >= incumbentRuns ? Verdict.NEW_INCUMBENT : Verdict.MORE_RUNS;
  }

  /** EI for minimisation: (η − μ)Φ(z) + σφ(z), z = (η − μ)/σ; max(η − μ, 0) when σ = 0. */
  static double expectedImprovement(double eta, double mu, double sigma) {
    if (!(sigma > 0)) {
      return Math.max(eta - mu, 0);
    }
    double z = (eta - mu) / sigma;
    double cdf = 0.5 * Erf.erfc(-z / Math.sqrt(2));
    double pdf = StrictMath.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
    return (eta - mu) * cdf + sigma * pdf;
  }

  /** Below this z = (η − μ)/σ {@link #expectedImprovementBound} gives no bound (the exact EI is computed). */
  static final double BOUND_MIN_Z = -30;
  /** The relative margin of {@link #expectedImprovementBound} over the true EI. */
  static final double BOUND_MARGIN = 1e-6;

  /**
   * An upper bound of {@link #expectedImprovement}{@code (eta, mu, sigma)} costing one {@code exp} (no erfc), within
   * about 2.5 % of it; {@code +∞} (no bound) when σ is not positive, z = (η − μ)/σ &lt; {@value #BOUND_MIN_Z} or the
   * bound is below {@link #BOUND_MIN_VALUE}.
   *
   * <p>Why it is a bound. EI = σ·f(z) with f(z) = zΦ(z) + φ(z). For x ≥ 0, f(−x) = φ(x)(1 − x·R(x)) with Mills'
   * ratio R(x) = Φ(−x)/φ(x), and f(x) = x + f(−x) (as Φ(x) = 1 − Φ(−x)). Boyd's inequality (A. V. Boyd, "Inequalities
   * for Mills' ratio", Rep. Statist. Appl. Res. JUSE 6, 1959) R(x) &gt; π/((π − 1)x + √(x² + 2π)) gives, with
   * s = √(x² + 2π) and s − x = 2π/(s + x) (no cancellation), f(−x) &lt; φ(x)·2π/((s + x)((π − 1)x + s)). The few
   * roundings of that formula (relative error ≤ 20 ulp) and the computed EI's own error are covered by the relative
   * margin {@value #BOUND_MARGIN}: for z ≥ 0 the computed EI is a sum of two positive terms, within some ulp of
   * σf(z) plus the relative error of commons-math's erfc (its series and continued fraction stop at 1e-15); for
   * −30 ≤ z &lt; 0 its two terms cancel to about 1/(1 + z²) of their size, which multiplies those errors by at most
   * about 900: still below 1e-9. (When φ underflows, z &gt; 38, the omitted f(−z) &lt; 1e-300·z is covered too.) Below
   * z = −30, erfc approaches the subnormal range, where relative errors are unbounded: no bound there.
   * SmacTest checks the bound against the exact function over z from −30 to 10^300.
   */
  static double expectedImprovementBound(double eta, double mu, double sigma) {
    if (!(sigma > 0)) {
      return Double.POSITIVE_INFINITY;
    }
    double z = (eta - mu) / sigma;
    if (!(z >= BOUND_MIN_Z)) {
      return Double.POSITIVE_INFINITY;
    }
    double x = Math.abs(z);
    double s = Math.sqrt(x * x + 2 * Math.PI);
    double pdf = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI); // Math.exp: within 1 ulp, in the margin
    double tail = pdf * (2 * Math.PI) / ((s + x) * ((Math.PI - 1) * x + s)); // ≥ f(−x)
    double f = z > 0 ? z + tail : tail;
    double bound = sigma * f * (1 + BOUND_MARGIN);
    return bound >= BOUND_MIN_VALUE ? bound : Double.POSITIVE_INFINITY;
  }

  /**
   * Below this value {@link #expectedImprovementBound} gives no bound: products near the subnormal range (from
   * 2^−1022 down) lose relative precision, so the margin would no longer cover them. SMAC's forest never gets there
   * (losses lie in [0, 1], so σ is 0 or at least ≈ 10^−28, and σ·f(z) ≥ 10^−230 for z ≥ −30).
   */
  static final double BOUND_MIN_VALUE = 0x1p-960;

  @Override
  public String toString() {
    return "Smac" + p;
  }
}
