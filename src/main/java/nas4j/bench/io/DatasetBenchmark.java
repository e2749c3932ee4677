package nas4j.bench.io;

import java.util.Objects;
import nas4j.bench.Benchmark;
import nas4j.bench.MetricsTable;
import nas4j.bench.Optimum;
import nas4j.space.SpaceIndex;

/**
 * The tabular benchmark of an official (or official-layout) file, with the identity of the file it came from.
 * Immutable and thread-safe.
 */
public final class DatasetBenchmark implements Benchmark {
  private final DatasetIdentity dataset;
  private final SpaceIndex space;
  private final MetricsTable table;
  private volatile Optimum optimum;

  public DatasetBenchmark(DatasetIdentity dataset, SpaceIndex space, MetricsTable table) {
    this.dataset = Objects.requireNonNull(dataset);
    this.space = Objects.requireNonNull(space);
    this.table = Objects.requireNonNull(table);
    if (table.capacity() != space.size()) {
      throw new IllegalArgumentException("table sized for " + table.capacity() + " cells, space has " + space.size());
    }
  }

  /** File name, size, full SHA-256 and official status, for metadata. */
  public DatasetIdentity dataset() {
    return dataset;
  }

  @Override
  public String identity() {
    return dataset.identity();
  }

  @Override
  public boolean isSurrogate() {
    return false;
  }

  @Override
  public SpaceIndex space() {
    return space;
  }

  @Override
  public MetricsTable table() {
    return table;
  }

  @Override
  public Optimum optimum() {
    Optimum o = optimum;
    if (o == null) {
      int[] budgets = table.budgets();
      o = Benchmark.scanOptimum(this, budgets[budgets.length - 1]);
      optimum = o;
    }
    return o;
  }

  @Override
  public String toString() {
    return identity();
  }
}
