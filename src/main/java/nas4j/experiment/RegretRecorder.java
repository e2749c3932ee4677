package nas4j.experiment;

import java.util.Arrays;
import nas4j.bench.Benchmark;
import nas4j.bench.MetricsTable;
import nas4j.bench.Observation;
import nas4j.bench.OracleListener;
import nas4j.bench.Optimum;
import nas4j.bench.QueryRecord;

/**
 * Records one run's trace and its incumbent as automl/nas_benchmarks {@code get_results} does (the NAS-Bench-101
 * paper's protocol, docs/search-protocols.md): walking the queries in order, skipping entries without data
 * (invalid, rejected duplicates), the incumbent is the entry with the highest returned validation accuracy so far,
 * replaced only on strict improvement (ties keep the earlier one). Validation regret = y*_valid − incumbent's
 * returned validation accuracy (may be negative); test regret = y*_test − the incumbent's reported test accuracy,
 * by the {@link TestReport} convention (by default the cell's mean over the repeats at the optimum's budget, 108
 * epochs), read from the benchmark (never shown to the strategy); y* is the convention's optimum
 * (docs/protocols.md). Before the first valid query the incumbent and regrets are undefined (NaN). By default
 * ({@link IncumbentRule#FINAL_BUDGET}) only queries at the run's incumbent budget (the oracle's default
 * {@code epochs}, normally 108) are incumbent candidates: a multi-fidelity strategy's cheaper queries are charged and
 * traced (with their budget in {@code query_epochs}) but never become the incumbent; with
 * {@link IncumbentRule#ANY_BUDGET} every query with data is a candidate, as in {@code get_results}. Columns are
 * primitive arrays. Not thread-safe: one per run.
 */
public final class RegretRecorder implements OracleListener {
  static final byte VALID = 1;
  static final byte DUPLICATE = 2;
  static final byte CHANGED = 4;

  private final Benchmark benchmark;
  private final MetricsTable table;
  private final Optimum optimum;
  private final int testBudget;
  private final int incumbentEpochs;
  private final boolean incumbentHalfway;
  private final boolean anyBudget;
  private final TestReport report;
  private final java.util.random.RandomGenerator reportRng;

  int size;
  long[] query = new long[256];
  long[] charged = new long[256];
  double[] time = new double[256];
  long[] epochs = new long[256];
  int[] cell = new int[256];
  int[] queryEpochs = new int[256];
  double[] validAcc = new double[256];
  int[] incumbent = new int[256];
  double[] incValid = new double[256];
  double[] incTest = new double[256];
  byte[] flags = new byte[256];
  long[] cpu = new long[256];

  private int incId = -1;
  private double incVal = Double.NaN;
  private double incTestMean = Double.NaN;

  /**
   * The default convention ({@link TestReport#MEAN}, y* = the benchmark's best means).
   *
   * @param incumbentEpochs the budget whose queries are incumbent candidates (the oracle's default epochs)
   * @param incumbentHalfway whether those are halfway values (the oracle's default)
   */
  public RegretRecorder(Benchmark benchmark, int incumbentEpochs, boolean incumbentHalfway) {
    this(benchmark, incumbentEpochs, incumbentHalfway, TestReport.MEAN, benchmark.optimum(), null);
  }

  /**
   * @param optimum the convention's y* ({@link TestReport#optimum}; computed once per experiment)
   * @param reportRng the run's reporting generator (needed by {@link TestReport#FRESH_REPEAT} only)
   */
  public RegretRecorder(Benchmark benchmark, int incumbentEpochs, boolean incumbentHalfway, TestReport report,
      Optimum optimum, java.util.random.RandomGenerator reportRng) {
    this(benchmark, incumbentEpochs, incumbentHalfway, report, optimum, reportRng, IncumbentRule.FINAL_BUDGET);
  }

  /**
   * @param rule which queries are incumbent candidates: only those at {@code incumbentEpochs} (and halfway flag),
   *     or every query with data ({@link IncumbentRule#ANY_BUDGET}, automl/nas_benchmarks {@code get_results})
   */
  public RegretRecorder(Benchmark benchmark, int incumbentEpochs, boolean incumbentHalfway, TestReport report,
      Optimum optimum, java.util.random.RandomGenerator reportRng, IncumbentRule rule) {
    this.anyBudget = rule == IncumbentRule.ANY_BUDGET;
    this.benchmark = benchmark;
    this.incumbentEpochs = incumbentEpochs;
    this.incumbentHalfway = incumbentHalfway;
    this.table = benchmark.table();
    this.optimum = optimum;
    this.testBudget = table.budgetIndex(optimum.epochs());
    this.report = report;
    this.reportRng = reportRng;
    if (report == TestReport.FRESH_REPEAT && reportRng == null) {
      throw new IllegalArgumentException("the fresh-repeat convention needs the run's reporting generator");
    }
  }

  @Override
  public void onQuery(QueryRecord r) {
    Observation o = r.observation();
    if (size == query.length) {
      grow();
    }
    int i = size++;
    byte f = 0;
    query[i] = o.sequence();
    charged[i] = r.chargedQueries();
    time[i] = r.timeSpent();
    epochs[i] = r.epochsSpent();
    cell[i] = o.valid() ? o.cellId() : -1;
    queryEpochs[i] = o.epochs();
    if (o.valid()) {
      f |= VALID;
    }
    if (o.duplicate()) {
      f |= DUPLICATE;
    }
    if (o.hasData()) {
      validAcc[i] = o.validationAccuracy();
      boolean candidate = anyBudget || o.epochs() == incumbentEpochs && o.halfway() == incumbentHalfway;
      if (candidate && (incId < 0 || o.validationAccuracy() > incVal)) {
        incId = o.cellId();
        incVal = o.validationAccuracy();
        incTestMean = report.reported(table, incId, testBudget, r, reportRng);
        f |= CHANGED;
      }
    } else {
      validAcc[i] = Double.NaN;
    }
    incumbent[i] = incId;
    incValid[i] = incVal;
    incTest[i] = incTestMean;
    flags[i] = f;
    cpu[i] = r.strategyNanos();
  }

  private void grow() {
    int n = query.length * 2;
    query = Arrays.copyOf(query, n);
    charged = Arrays.copyOf(charged, n);
    time = Arrays.copyOf(time, n);
    epochs = Arrays.copyOf(epochs, n);
    cell = Arrays.copyOf(cell, n);
    queryEpochs = Arrays.copyOf(queryEpochs, n);
    validAcc = Arrays.copyOf(validAcc, n);
    incumbent = Arrays.copyOf(incumbent, n);
    incValid = Arrays.copyOf(incValid, n);
    incTest = Arrays.copyOf(incTest, n);
    flags = Arrays.copyOf(flags, n);
    cpu = Arrays.copyOf(cpu, n);
  }

  /** Number of queries recorded. */
  public int size() {
    return size;
  }

  /** The optimum used for regret. */
  public Optimum optimum() {
    return optimum;
  }

  /** Validation regret after query {@code i} (NaN before the first valid query). */
  public double validationRegret(int i) {
    return optimum.bestValidation() - incValid[i];
  }

  /** Test regret after query {@code i} (NaN before the first valid query). */
  public double testRegret(int i) {
    return optimum.bestTest() - incTest[i];
  }

  /** The incumbent's cell id after query {@code i}, or −1. */
  public int incumbentId(int i) {
    return incumbent[i];
  }

  /** True if query {@code i} changed the incumbent. */
  public boolean changed(int i) {
    return (flags[i] & CHANGED) != 0;
  }

  /** True if query {@code i} is kept in a thinned trace: the incumbent changed, or it is the last row. */
  public boolean kept(int i) {
    return changed(i) || i == size - 1;
  }

  /**
   * Total strategy nanoseconds over the valid queries (invalid ones carry −1: their time is in the next valid
   * query's value); −1 if nothing was measured.
   */
  public long cpuNanos() {
    long s = 0;
    boolean any = false;
    for (int i = 0; i < size; i++) {
      if (cpu[i] >= 0) {
        s += cpu[i];
        any = true;
      }
    }
    return any ? s : -1;
  }

  /** Appends the trace rows (all, or only the kept ones) without header. */
  public void appendRows(StringBuilder sb, String label, long seed, boolean thinned) {
    int lastCell = Integer.MIN_VALUE;
    String lastHash = "";
    int lastInc = Integer.MIN_VALUE;
    String lastIncHash = "";
    for (int i = 0; i < size; i++) {
      if (thinned && !kept(i)) {
        continue;
      }
      sb.append(label).append(',').append(seed).append(',').append(query[i]).append(',').append(charged[i])
          .append(',');
      Csv.num(sb, time[i]);
      sb.append(',').append(epochs[i]).append(',');
      if (cell[i] >= 0) {
        if (cell[i] != lastCell) {
          lastCell = cell[i];
          lastHash = benchmark.space().hash(cell[i]).toString();
        }
        sb.append(lastHash);
      }
      sb.append(',').append(queryEpochs[i]).append(',');
      Csv.num(sb, validAcc[i]);
      sb.append(',');
      if (incumbent[i] >= 0) {
        if (incumbent[i] != lastInc) {
          lastInc = incumbent[i];
          lastIncHash = benchmark.space().hash(incumbent[i]).toString();
        }
        sb.append(lastIncHash);
      }
      sb.append(',');
      Csv.num(sb, incValid[i]);
      sb.append(',');
      Csv.num(sb, incTest[i]);
      sb.append(',');
      Csv.num(sb, validationRegret(i));
      sb.append(',');
      Csv.num(sb, testRegret(i));
      sb.append(',').append((flags[i] & VALID) != 0 ? '1' : '0').append(',')
          .append((flags[i] & DUPLICATE) != 0 ? '1' : '0').append(',');
      if (cpu[i] >= 0) {
        sb.append(cpu[i]);
      }
      sb.append('\n');
    }
  }

  /** The trace.csv header (the last column, strategy CPU time, is not deterministic). */
  public static final String TRACE_HEADER = "strategy,seed,query,charged,time,epochs,cell,query_epochs,valid_acc,incumbent,"
      + "incumbent_valid_acc,incumbent_test_acc,valid_regret,test_regret,valid,duplicate,strategy_ns";
}
