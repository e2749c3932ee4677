package nas4j.bench;

import java.util.Arrays;
import java.util.BitSet;
import java.util.stream.IntStream;
import nas4j.space.SpaceIndex;

/**
 * The columnar store: every metric of every run in primitive {@code float} arrays indexed by the dense cell id
 * of {@link SpaceIndex} (all official values are float32, so nothing is lost). One array per (budget, metric),
 * holding {@code repeats} consecutive values per cell. Immutable once built; thread-safe.
 *
 * <p>Size: 4 bytes × 8 metrics × repeats × budgets per cell: ≈ 41 MB for only-108, ≈ 163 MB for the full table.
 */
public final class MetricsTable {
  private final int[] budgets;
  private final int repeats;
  private final int capacity;
  private final float[][] columns; // [budgetIndex * 8 + metric][id * repeats + repeat]
  private final BitSet present;
  private final int cellCount;

  private MetricsTable(int[] budgets, int repeats, int capacity, float[][] columns, BitSet present) {
    this.budgets = budgets;
    this.repeats = repeats;
    this.capacity = capacity;
    this.columns = columns;
    this.present = present;
    this.cellCount = present.cardinality();
  }

  /**
   * A table that adopts (does not copy) fully built columns: {@code columns[budgetIndex * 8 + metric]} holds
   * {@code capacity × repeats} values; {@code budgets} ascending. For loaders and caches that fill arrays directly.
   */
  public static MetricsTable ofColumns(int capacity, int[] budgets, int repeats, float[][] columns, BitSet present) {
    if (budgets.length == 0 || repeats < 1) {
      throw new IllegalArgumentException("a table needs at least one budget and one repeat");
    }
    for (int i = 1; i < budgets.length; i++) {
      if (budgets[i] <= budgets[i - 1]) {
        throw new IllegalArgumentException("budgets must be ascending and distinct: " + Arrays.toString(budgets));
      }
    }
    if (columns.length != budgets.length * 8) {
      throw new IllegalArgumentException(columns.length + " columns for " + budgets.length + " budgets; need "
          + budgets.length * 8);
    }
    for (float[] c : columns) {
      if (c == null || c.length != (long) capacity * repeats) {
        throw new IllegalArgumentException("every column must hold capacity × repeats = " + (long) capacity * repeats
            + " values");
      }
    }
    if (present.length() > capacity) {
      throw new IllegalArgumentException("present cell id " + (present.length() - 1) + " ≥ capacity " + capacity);
    }
    return new MetricsTable(budgets.clone(), repeats, capacity, columns, (BitSet) present.clone());
  }

  /** A builder for a table of {@code capacity} cell ids, the given budgets and repeats. */
  public static Builder builder(int capacity, int[] budgets, int repeats) {
    return new Builder(capacity, budgets, repeats);
  }

  /** Epoch budgets held, ascending. */
  public int[] budgets() {
    return budgets.clone();
  }

  /** Repeats per (cell, budget). */
  public int repeats() {
    return repeats;
  }

  /** Number of cell ids the table is sized for (the space size). */
  public int capacity() {
    return capacity;
  }

  /** Number of cells with data. */
  public int cellCount() {
    return cellCount;
  }

  /** True if the table holds data for this cell id. */
  public boolean contains(int id) {
    return id >= 0 && id < capacity && present.get(id);
  }

  /** The ids with data, ascending. */
  public IntStream cellIds() {
    return present.stream();
  }

  /** Index of a budget in {@link #budgets()}, or −1. */
  public int budgetIndex(int epochs) {
    for (int i = 0; i < budgets.length; i++) {
      if (budgets[i] == epochs) {
        return i;
      }
    }
    return -1;
  }

  /** One value; no checks beyond array bounds (hot path). */
  public float value(int id, int budgetIndex, int repeat, Metric m) {
    return columns[budgetIndex * 8 + m.ordinal()][id * repeats + repeat];
  }

  /**
   * One repeat's value, or for {@link RepeatPolicy#PICK_MEAN} the mean over the repeats, or for
   * {@link RepeatPolicy#PICK_MEAN_DISTINCT} naszilla's objective: the mean over the distinct values, accuracies
   * passed through a loss {@code 100·(1 − acc)} rounded to 4 decimals (half-even, as NumPy), times unrounded.
   */
  public double valueOrMean(int id, int budgetIndex, int repeat, Metric m) {
    if (repeat >= 0) {
      return value(id, budgetIndex, repeat, m);
    }
    if (repeat == RepeatPolicy.PICK_MEAN) {
      return mean(id, budgetIndex, m);
    }
    float[] col = columns[budgetIndex * 8 + m.ordinal()];
    int base = id * repeats;
    double s = 0;
    int n = 0;
    for (int r = 0; r < repeats; r++) {
      boolean seen = false;
      for (int q = 0; q < r; q++) {
        seen |= col[base + q] == col[base + r];
      }
      if (!seen) {
        s += col[base + r];
        n++;
      }
    }
    double mean = s / n;
    if (m == Metric.FINAL_TRAINING_TIME || m == Metric.HALFWAY_TRAINING_TIME) {
      return mean;
    }
    double loss = Math.rint(100 * (1 - mean) * 1e4) / 1e4;
    return 1 - loss / 100;
  }

  /** Mean over the repeats of one metric. */
  public double mean(int id, int budgetIndex, Metric m) {
    float[] col = columns[budgetIndex * 8 + m.ordinal()];
    int base = id * repeats;
    double s = 0;
    for (int r = 0; r < repeats; r++) {
      s += col[base + r];
    }
    return s / repeats;
  }

  /** The raw column of one (budget, metric): {@code repeats} values per cell id. Do not modify. */
  public float[] column(int budgetIndex, Metric m) {
    return columns[budgetIndex * 8 + m.ordinal()];
  }

  /** Approximate heap bytes held by the value arrays. */
  public long bytes() {
    long b = 0;
    for (float[] c : columns) {
      b += 4L * c.length;
    }
    return b + capacity / 8;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof MetricsTable)) {
      return false;
    }
    MetricsTable t = (MetricsTable) o;
    return repeats == t.repeats && capacity == t.capacity && Arrays.equals(budgets, t.budgets)
        && present.equals(t.present) && Arrays.deepEquals(columns, t.columns);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(budgets) * 31 + present.hashCode();
  }

  /** Fills a table; not thread-safe except that distinct cell ids may be set from different threads. */
  public static final class Builder {
    private final int[] budgets;
    private final int repeats;
    private final int capacity;
    private final float[][] columns;
    private final BitSet present;

    private Builder(int capacity, int[] budgets, int repeats) {
      if (budgets.length == 0 || repeats < 1) {
        throw new IllegalArgumentException("a table needs at least one budget and one repeat");
      }
      this.budgets = budgets.clone();
      Arrays.sort(this.budgets);
      this.repeats = repeats;
      this.capacity = capacity;
      this.columns = new float[this.budgets.length * 8][];
      for (int i = 0; i < columns.length; i++) {
        columns[i] = new float[capacity * repeats];
      }
      this.present = new BitSet(capacity);
    }

    /** Index of a budget, or −1. */
    public int budgetIndex(int epochs) {
      return Arrays.binarySearch(budgets, epochs) < 0 ? -1 : Arrays.binarySearch(budgets, epochs);
    }

    /** Sets one value and marks the cell present. */
    public Builder set(int id, int budgetIndex, int repeat, Metric m, double value) {
      columns[budgetIndex * 8 + m.ordinal()][id * repeats + repeat] = (float) value;
      return this;
    }

    /** Sets the eight values of one run. */
    public Builder set(int id, int budgetIndex, int repeat, RunMetrics run) {
      for (Metric m : Metric.values()) {
        set(id, budgetIndex, repeat, m, run.get(m));
      }
      return this;
    }

    /** Marks a cell as present (call once its values are set; synchronized for parallel fills). */
    public synchronized Builder markPresent(int id) {
      present.set(id);
      return this;
    }

    /** The raw column for bulk fills. */
    public float[] column(int budgetIndex, Metric m) {
      return columns[budgetIndex * 8 + m.ordinal()];
    }

    public MetricsTable build() {
      return new MetricsTable(budgets, repeats, capacity, columns, (BitSet) present.clone());
    }
  }
}
