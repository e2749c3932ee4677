package nas4j.bench;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;
import nas4j.space.CellSpec;
import nas4j.space.DomainRule;
import nas4j.space.ModuleHash;
import nas4j.space.SpaceIndex;

/**
 * What a search strategy sees: a budgeted, seeded view of a {@link Benchmark}. A query returns the sampled
 * validation accuracy, the training time and the canonical hash; test accuracy reaches only the
 * {@link OracleListener}s. The oracle owns the accounting (budget, duplicates, invalid cells, counts).
 *
 * <p>Not thread-safe: one oracle per run, used from the run's thread. Validity checks and hashing are free.
 */
public final class Oracle {
  /** Free queries (invalid, replayed, rejected) in a row after which the run is stopped as stalled. */
  public static final int MAX_CONSECUTIVE_FREE = 1_000_000;

  private final Benchmark benchmark;
  private final OracleConfig config;
  private final RandomGenerator repeatRng;
  private final MetricsTable table;
  private final SpaceIndex space;
  private final int defaultBudgetIndex;
  private final int budgetCount;
  private OracleListener[] listeners = new OracleListener[0];
  private final boolean cpu;

  private final BitSet seen;
  private final Map<Integer, Observation> replay;
  private final Map<Integer, Double> replayTest;

  private long sequence;
  private long charged;
  private long valid;
  private long invalid;
  private long duplicates;
  private double timeSpent;
  private long epochsSpent;
  private int consecutiveFree;
  private long lastExitNanos;
  private long pendingStrategyNanos;

  /**
   * @param repeatRng the oracle's own seeded stream for repeat sampling (not the strategy's)
   */
  public Oracle(Benchmark benchmark, OracleConfig config, RandomGenerator repeatRng) {
    this.benchmark = Objects.requireNonNull(benchmark, "benchmark");
    this.config = Objects.requireNonNull(config, "config");
    this.repeatRng = Objects.requireNonNull(repeatRng, "repeatRng");
    this.table = benchmark.table();
    this.space = benchmark.space();
    this.defaultBudgetIndex = benchmark.budgetIndex(config.epochs());
    this.budgetCount = table.budgets().length;
    this.cpu = config.measureCpu();
    this.lastExitNanos = System.nanoTime();
    this.seen = new BitSet();
    this.replay = config.duplicates() == DuplicatePolicy.REPLAY ? new HashMap<>() : null;
    this.replayTest = config.duplicates() == DuplicatePolicy.REPLAY ? new HashMap<>() : null;
  }

  /** Adds a listener that sees every {@link QueryRecord} (trace recorders). */
  public void addListener(OracleListener listener) {
    listeners = Arrays.copyOf(listeners, listeners.length + 1);
    listeners[listeners.length - 1] = Objects.requireNonNull(listener);
  }

  /** The configuration. */
  public OracleConfig config() {
    return config;
  }

  /** The space (for samplers and neighbourhoods; holds no performance data). */
  public SpaceIndex space() {
    return space;
  }

  /** The default epoch budget of queries. */
  public int epochs() {
    return config.epochs();
  }

  /** Budgets a strategy may query (multi-fidelity strategies). */
  public int[] epochBudgets() {
    return benchmark.epochBudgets();
  }

  /** True if the spec passes the oracle's validity rule. Free. */
  public boolean isValid(CellSpec spec) {
    return config.validity().violation(spec) == null;
  }

  /** The canonical hash of a valid spec, or null if invalid. Free. */
  public ModuleHash hashOf(CellSpec spec) {
    int id = idOf(spec);
    return id < 0 ? null : space.hash(id);
  }

  /** The dense id of a spec valid under the oracle's rule, or −1. Free. */
  public int idOf(CellSpec spec) {
    if (config.validity().violation(spec) != null) {
      return -1;
    }
    return space.idOfValid(spec);
  }

  /** True if this run already queried the cell at the default budget. */
  public boolean hasQueried(int cellId) {
    return cellId >= 0 && seen.get(key(cellId, defaultBudgetIndex, config.stopHalfway()));
  }

  /** Queries at the default budget. */
  public Observation query(CellSpec spec) {
    return query(spec, config.epochs(), config.stopHalfway());
  }

  /** Queries at the given budget (final values). */
  public Observation query(CellSpec spec, int epochs) {
    return query(spec, epochs, false);
  }

  /**
   * Queries a cell.
   *
   * @throws BudgetExhaustedException if the budget was already spent before this query
   * @throws UnknownBudgetException for a budget the benchmark lacks (nothing is charged)
   */
  public Observation query(CellSpec spec, int epochs, boolean halfway) {
    if (cpu) {
      pendingStrategyNanos += System.nanoTime() - lastExitNanos;
    }
    try {
      return evaluate(spec, epochs, halfway);
    } finally {
      if (cpu) {
        lastExitNanos = System.nanoTime();
      }
    }
  }

  private Observation evaluate(CellSpec spec, int epochs, boolean halfway) {
    if (exhausted()) {
      throw new BudgetExhaustedException("budget of " + config.budget() + " spent");
    }
    int bi = epochs == config.epochs() ? defaultBudgetIndex : benchmark.budgetIndex(epochs);
    DomainRule violation = config.validity().violation(spec);
    int id = violation == null ? space.idOfValid(spec) : -1;
    Observation obs;
    QueryRecord rec;
    if (id < 0) {
      if (violation == null) {
        violation = DomainRule.DISCONNECTED; // cannot happen for the API rule; defensive
      }
      invalid++;
      obs = new Observation(sequence++, Observation.Status.INVALID, null, -1, epochs, halfway, 0.0, 0.0, 0.0);
      rec = new QueryRecord(obs, -1, 0.0, timeSpent, epochsSpent, charged, violation, -1);
      free();
    } else {
      if (!table.contains(id)) {
        throw new UnknownCellException("cell " + space.hash(id) + " is not in this table (" + benchmark.identity()
            + ")");
      }
      valid++;
      int k = key(id, bi, halfway);
      boolean dup = seen.get(k);
      seen.set(k);
      if (dup) {
        duplicates++;
      }
      if (dup && config.duplicates() == DuplicatePolicy.REJECT) {
        obs = new Observation(sequence++, Observation.Status.REJECTED_DUPLICATE, space.hash(id), id, epochs, halfway,
            0.0, 0.0, 0.0);
        rec = new QueryRecord(obs, -1, 0.0, timeSpent, epochsSpent, charged, null, strategyTimeSinceLastValid());
        free();
      } else if (dup && config.duplicates() == DuplicatePolicy.REPLAY) {
        Observation first = replay.get(k);
        obs = new Observation(sequence++, Observation.Status.REPLAYED, first.hash(), id, epochs, halfway,
            first.validationAccuracy(), first.trainingTime(), 0.0);
        rec = new QueryRecord(obs, -1, replayTest.get(k), timeSpent, epochsSpent, charged, null,
            strategyTimeSinceLastValid());
        free();
      } else {
        int r = config.repeatPolicy().pick(table.repeats(), repeatRng);
        double val = table.valueOrMean(id, bi, r, Metric.validation(halfway));
        double time = table.valueOrMean(id, bi, r, Metric.trainingTime(halfway));
        double test = table.valueOrMean(id, bi, r, Metric.test(halfway));
        timeSpent += time;
        epochsSpent += halfway ? epochs / 2 : epochs;
        charged++;
        consecutiveFree = 0;
        obs = new Observation(sequence++, dup ? Observation.Status.EVALUATED_DUPLICATE : Observation.Status.EVALUATED,
            space.hash(id), id, epochs, halfway, val, time, time);
        if (replay != null) {
          replay.put(k, obs);
          replayTest.put(k, test);
        }
        rec = new QueryRecord(obs, r, test, timeSpent, epochsSpent, charged, null, strategyTimeSinceLastValid());
      }
    }
    for (OracleListener l : listeners) {
      l.onQuery(rec);
    }
    return obs;
  }

  /**
   * The strategy's own time since the previous valid query: time on the run's thread outside the oracle (and
   * its listeners), measured with {@code System.nanoTime} at every entry and exit (about 25 ns per read; the
   * thread CPU clock costs microseconds per read in virtual machines, more than a strategy step). Time before
   * invalid queries accumulates into the next valid one. Runs are single-threaded with at most one run per core,
   * so this is the strategy's CPU time up to preemption by other processes.
   */
  private long strategyTimeSinceLastValid() {
    if (!cpu) {
      return -1;
    }
    long d = pendingStrategyNanos;
    pendingStrategyNanos = 0;
    return d;
  }

  private void free() {
    if (++consecutiveFree > MAX_CONSECUTIVE_FREE) {
      throw new BudgetExhaustedException("stalled: " + MAX_CONSECUTIVE_FREE
          + " free queries (invalid or duplicate) in a row without a charged one");
    }
  }

  private int key(int id, int budgetIndex, boolean halfway) {
    return (id * budgetCount + budgetIndex) * 2 + (halfway ? 1 : 0);
  }

  /** True once the budget is spent (a further query would throw). */
  public boolean exhausted() {
    return used() >= config.budget().limit();
  }

  /** Budget used, in the budget's unit. */
  public double used() {
    switch (config.budget().kind()) {
      case SECONDS:
        return timeSpent;
      case QUERIES:
        return charged;
      default:
        return epochsSpent;
    }
  }

  /** Budget left, in the budget's unit (≤ 0 when spent). */
  public double remaining() {
    return config.budget().limit() - used();
  }

  /** All queries made (valid, invalid, duplicates). */
  public long queries() {
    return sequence;
  }

  /** Charged queries. */
  public long chargedQueries() {
    return charged;
  }

  /** Queries of valid cells. */
  public long validQueries() {
    return valid;
  }

  /** Queries of invalid cells. */
  public long invalidQueries() {
    return invalid;
  }

  /** Queries of cells queried before in this run. */
  public long duplicateQueries() {
    return duplicates;
  }

  /** Simulated training seconds charged. */
  public double timeSpent() {
    return timeSpent;
  }

  /** Epochs charged. */
  public long epochsSpent() {
    return epochsSpent;
  }
}
