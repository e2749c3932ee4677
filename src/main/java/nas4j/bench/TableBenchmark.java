package nas4j.bench;

import java.util.Objects;
import nas4j.space.SpaceIndex;

/**
 * A {@link Benchmark} over a {@link MetricsTable}: the official data, or the surrogate's precomputed answers.
 * Immutable and thread-safe; subclasses may add provenance (e.g. the file a table came from).
 */
public class TableBenchmark implements Benchmark {
  private final String identity;
  private final boolean surrogate;
  private final SpaceIndex space;
  private final MetricsTable table;
  private volatile Optimum optimum;

  public TableBenchmark(String identity, boolean surrogate, SpaceIndex space, MetricsTable table) {
    this.identity = Objects.requireNonNull(identity);
    this.surrogate = surrogate;
    this.space = Objects.requireNonNull(space);
    this.table = Objects.requireNonNull(table);
    if (table.capacity() != space.size()) {
      throw new IllegalArgumentException("table sized for " + table.capacity() + " cells, space has " + space.size());
    }
  }

  @Override
  public String identity() {
    return identity;
  }

  @Override
  public boolean isSurrogate() {
    return surrogate;
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
    return identity;
  }
}
