package nas4j.bench;

import java.util.stream.IntStream;
import nas4j.space.CellSpec;
import nas4j.space.ModuleHash;
import nas4j.space.SpaceIndex;

/**
 * A NAS-Bench-101 table: for a cell, an epoch budget and a repeat index, the halfway and final
 * train/validation/test accuracy and training time, plus fixed data. Implemented by the tabular data of the
 * official files and by the surrogate. Implementations are immutable and thread-safe; cells are addressed by
 * the dense id of {@link SpaceIndex}.
 */
public interface Benchmark {

  /** What this is, for metadata and output: e.g. {@code nasbench_only108.tfrecord sha256:4c39…} or {@code surrogate nb101 v2}. */
  String identity();

  /** True for the surrogate (never to be reported as the real benchmark). */
  boolean isSurrogate();

  /** The space the ids refer to. */
  SpaceIndex space();

  /** The underlying columnar store. */
  MetricsTable table();

  /** Epoch budgets available, ascending (e.g. [108] or [4, 12, 36, 108]). */
  default int[] epochBudgets() {
    return table().budgets();
  }

  /** Number of repeats per (cell, budget). */
  default int repeats() {
    return table().repeats();
  }

  /** Number of cells with data (423,624 for a complete table). */
  default int cellCount() {
    return table().cellCount();
  }

  /** Ids of the cells with data, ascending. */
  default IntStream cellIds() {
    return table().cellIds();
  }

  /** True if the benchmark has data for this id. */
  default boolean contains(int id) {
    return table().contains(id);
  }

  /** The index of a budget in {@link #epochBudgets()}, or throws {@link UnknownBudgetException}. */
  default int budgetIndex(int epochs) {
    int i = table().budgetIndex(epochs);
    if (i < 0) {
      throw new UnknownBudgetException(epochs, epochBudgets());
    }
    return i;
  }

  /** The id of a cell with data, or throws {@link UnknownCellException} / OutOfDomainException. */
  default int idOf(CellSpec spec) {
    int id = space().idOf(spec);
    requireCell(id, spec.toString());
    return id;
  }

  /** The id of a hash with data, or throws {@link UnknownCellException}. */
  default int idOf(ModuleHash hash) {
    int id = space().idOf(hash);
    requireCell(id, hash.toString());
    return id;
  }

  private void requireCell(int id, String what) {
    if (id < 0) {
      throw new UnknownCellException("no cell of NAS-Bench-101 has hash " + what);
    }
    if (!contains(id)) {
      throw new UnknownCellException("cell " + what + " is not in this table (" + identity() + ", "
          + cellCount() + " cells)");
    }
  }

  /** One value of one run. */
  default double value(int id, int epochs, int repeat, Metric m) {
    return table().value(id, budgetIndex(epochs), repeat, m);
  }

  /** The eight values of one run. */
  default RunMetrics run(int id, int epochs, int repeat) {
    int b = budgetIndex(epochs);
    if (repeat < 0 || repeat >= repeats()) {
      throw new IllegalArgumentException("repeat " + repeat + " not in 0.." + (repeats() - 1));
    }
    double[] v = new double[8];
    for (Metric m : Metric.values()) {
      v[m.ordinal()] = table().value(id, b, repeat, m);
    }
    return RunMetrics.of(v);
  }

  /** Mean over the repeats of one metric. */
  default double mean(int id, int epochs, Metric m) {
    return table().mean(id, budgetIndex(epochs), m);
  }

  /** The canonical representative of cell {@code id}. */
  default CellSpec cell(int id) {
    return space().cell(id);
  }

  /** Trainable parameters of cell {@code id}: the exact count of its canonical cell. */
  default int parameters(int id) {
    return space().parameters(id);
  }

  /**
   * The fixed data as the source stores it (adjacency, ops and parameter count of the first record of each cell,
   * as the official API keeps them); the canonical cell and exact count unless a file stored something else.
   */
  default StoredFixedData stored() {
    return StoredFixedData.CANONICAL;
  }

  /** The best mean validation and test accuracies at the largest budget, over all cells with data. */
  Optimum optimum();

  /** Scans the table for the optimum of the mean over the repeats at one budget (ties: the smallest id). */
  static Optimum scanOptimum(Benchmark b, int epochs) {
    return scanOptimum(b, epochs, MetricsTable::mean);
  }

  /** One number per cell and metric at one budget, e.g. the mean over the repeats. */
  @FunctionalInterface
  interface CellStatistic {
    double of(MetricsTable table, int id, int budgetIndex, Metric m);
  }

  /**
   * Scans the table for the best validation and test value of a per-cell statistic at one budget (ties: the
   * smallest id).
   */
  static Optimum scanOptimum(Benchmark b, int epochs, CellStatistic stat) {
    int bi = b.budgetIndex(epochs);
    MetricsTable t = b.table();
    double[] best = {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY};
    int[] arg = {-1, -1};
    b.cellIds().forEach(id -> {
      double v = stat.of(t, id, bi, Metric.FINAL_VALIDATION_ACCURACY);
      double te = stat.of(t, id, bi, Metric.FINAL_TEST_ACCURACY);
      if (v > best[0]) {
        best[0] = v;
        arg[0] = id;
      }
      if (te > best[1]) {
        best[1] = te;
        arg[1] = id;
      }
    });
    if (arg[0] < 0) {
      throw new IllegalStateException("empty table: no optimum");
    }
    return new Optimum(epochs, best[0], b.space().hash(arg[0]), best[1], b.space().hash(arg[1]));
  }
}
