package nas4j.bench;

import java.util.Objects;
import java.util.random.RandomGenerator;
import nas4j.space.CellSpec;
import nas4j.space.ModuleHash;
import nas4j.space.ValidityRule;

/**
 * The official NAS-Bench-101 query API with its budget counters, over any {@link Benchmark}. Not thread-safe
 * (counters); create one per run. The repeat is chosen by a {@link RepeatPolicy} with the caller's own seeded
 * generator, never a global one.
 */
public final class NasBench {
  private final Benchmark benchmark;
  private final RepeatPolicy policy;
  private final RandomGenerator rng;
  private double trainingTimeSpent;
  private long totalEpochsSpent;
  private long queries;

  public NasBench(Benchmark benchmark, RepeatPolicy policy, RandomGenerator rng) {
    this.benchmark = Objects.requireNonNull(benchmark);
    this.policy = Objects.requireNonNull(policy);
    this.rng = Objects.requireNonNull(rng);
  }

  public Benchmark benchmark() {
    return benchmark;
  }

  /**
   * The official {@code query(spec, epochs, stop_halfway)}: checks the budget first, then the domain, picks a
   * repeat and charges the counters. Nothing is charged if it throws.
   *
   * @throws UnknownBudgetException for an epoch budget the table lacks
   * @throws nas4j.space.OutOfDomainException for a cell outside the space
   * @throws UnknownCellException for a valid cell the (partial) table lacks
   */
  public QueryResult query(CellSpec spec, int epochs, boolean stopHalfway) {
    int b = benchmark.budgetIndex(epochs);
    int id = benchmark.idOf(spec);
    return queryId(id, b, epochs, stopHalfway);
  }

  /** {@code query(spec, 108, false)}. */
  public QueryResult query(CellSpec spec) {
    return query(spec, 108, false);
  }

  /** Query by hash (same semantics and charging). */
  public QueryResult query(ModuleHash hash, int epochs, boolean stopHalfway) {
    int b = benchmark.budgetIndex(epochs);
    int id = benchmark.idOf(hash);
    return queryId(id, b, epochs, stopHalfway);
  }

  /** Query by dense cell id (same semantics and charging; the id must have data). */
  public QueryResult query(int cellId, int epochs, boolean stopHalfway) {
    int b = benchmark.budgetIndex(epochs);
    if (!benchmark.contains(cellId)) {
      throw new UnknownCellException("cell id " + cellId + " is not in this table (" + benchmark.identity() + ")");
    }
    return queryId(cellId, b, epochs, stopHalfway);
  }

  private QueryResult queryId(int id, int b, int epochs, boolean halfway) {
    MetricsTable t = benchmark.table();
    int r = policy.pick(t.repeats(), rng);
    double time = t.valueOrMean(id, b, r, Metric.trainingTime(halfway));
    double train = t.valueOrMean(id, b, r, Metric.train(halfway));
    double valid = t.valueOrMean(id, b, r, Metric.validation(halfway));
    double test = t.valueOrMean(id, b, r, Metric.test(halfway));
    trainingTimeSpent += time;
    totalEpochsSpent += halfway ? epochs / 2 : epochs;
    queries++;
    return new QueryResult(benchmark.space().hash(id), id, benchmark.cell(id), benchmark.parameters(id), time, train,
        valid, test, r);
  }

  /** Free: the fixed data and every run of a cell (official {@code get_metrics_from_spec}). */
  public CellMetrics metrics(CellSpec spec) {
    return CellMetrics.of(benchmark, benchmark.idOf(spec));
  }

  /** Free: {@code get_metrics_from_hash}. */
  public CellMetrics metrics(ModuleHash hash) {
    return CellMetrics.of(benchmark, benchmark.idOf(hash));
  }

  /** The official {@code is_valid}: the API domain check; free. */
  public boolean isValid(CellSpec spec) {
    return ValidityRule.API.isValid(spec);
  }

  /** Simulated training seconds charged so far. */
  public double trainingTimeSpent() {
    return trainingTimeSpent;
  }

  /** Epochs charged so far (halfway queries charge epochs/2). */
  public long totalEpochsSpent() {
    return totalEpochsSpent;
  }

  /** Successful queries so far. */
  public long queries() {
    return queries;
  }

  /** Resets the counters to zero. */
  public void resetBudgetCounters() {
    trainingTimeSpent = 0;
    totalEpochsSpent = 0;
    queries = 0;
  }
}
