package nas4j.analysis;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.IntStream;
import nas4j.bench.Benchmark;
import nas4j.bench.Metric;
import nas4j.bench.MetricsTable;
import nas4j.space.SpaceIndex;

/**
 * The per-cell values a landscape statistic looks at, in primitive arrays indexed by the dense cell id: mean
 * final validation accuracy, mean final test accuracy and mean final training time at one epoch budget. Cells
 * without data hold NaN. Built from a {@link Benchmark} (every cell it has) or from a partial table of real
 * values (e.g. {@link SampleCsv}). Immutable and thread-safe.
 */
public final class LandscapeValues {
  private final String source;
  private final SpaceIndex space;
  private final int epochs;
  private final float[] validation;
  private final float[] test;
  private final float[] time;
  private final int[] ids;
  private final boolean hasTest;
  private final boolean hasTime;

  private LandscapeValues(String source, SpaceIndex space, int epochs, float[] validation, float[] test,
      float[] time) {
    this.source = Objects.requireNonNull(source);
    this.space = Objects.requireNonNull(space);
    this.epochs = epochs;
    if (validation.length != space.size() || test.length != space.size() || time.length != space.size()) {
      throw new IllegalArgumentException("value arrays must have one entry per cell of the space ("
          + space.size() + ")");
    }
    this.validation = validation;
    this.test = test;
    this.time = time;
    this.ids = IntStream.range(0, validation.length).filter(i -> !Float.isNaN(validation[i])).toArray();
    this.hasTest = Arrays.stream(ids).anyMatch(i -> !Float.isNaN(test[i]));
    this.hasTime = Arrays.stream(ids).anyMatch(i -> !Float.isNaN(time[i]));
  }

  /**
   * The mean (over repeats) final validation/test accuracy and training time of every cell of a benchmark at
   * one budget.
   *
   * @throws nas4j.bench.UnknownBudgetException if the benchmark lacks the budget
   */
  public static LandscapeValues of(Benchmark b, int epochs) {
    int bi = b.budgetIndex(epochs);
    SpaceIndex space = b.space();
    MetricsTable t = b.table();
    float[] v = nanArray(space.size());
    float[] te = nanArray(space.size());
    float[] ti = nanArray(space.size());
    b.cellIds().parallel().forEach(id -> {
      v[id] = (float) t.mean(id, bi, Metric.FINAL_VALIDATION_ACCURACY);
      te[id] = (float) t.mean(id, bi, Metric.FINAL_TEST_ACCURACY);
      ti[id] = (float) t.mean(id, bi, Metric.FINAL_TRAINING_TIME);
    });
    return new LandscapeValues(b.identity(), space, epochs, v, te, ti);
  }

  /**
   * From raw arrays (copied); a cell is present where its validation accuracy is not NaN. Test accuracy and
   * training time may be NaN throughout (then the statistics that need them are left out).
   */
  public static LandscapeValues of(String source, SpaceIndex space, int epochs, float[] validation, float[] test,
      float[] time) {
    return new LandscapeValues(source, space, epochs, validation.clone(), test.clone(), time.clone());
  }

  /** The same values, kept only for the cells present in {@code other} (e.g. a benchmark on a sample's cells). */
  public LandscapeValues restrictedTo(LandscapeValues other, String newSource) {
    float[] v = nanArray(space.size());
    float[] te = nanArray(space.size());
    float[] ti = nanArray(space.size());
    for (int id : other.ids) {
      v[id] = validation[id];
      te[id] = test[id];
      ti[id] = time[id];
    }
    return new LandscapeValues(newSource, space, epochs, v, te, ti);
  }

  static float[] nanArray(int n) {
    float[] a = new float[n];
    Arrays.fill(a, Float.NaN);
    return a;
  }

  /** Where the values come from (benchmark identity or file). */
  public String source() {
    return source;
  }

  /** The space the ids refer to. */
  public SpaceIndex space() {
    return space;
  }

  /** The epoch budget of the values. */
  public int epochs() {
    return epochs;
  }

  /** True if cell {@code id} has a validation accuracy. */
  public boolean has(int id) {
    return !Float.isNaN(validation[id]);
  }

  /** Number of cells with values. */
  public int count() {
    return ids.length;
  }

  /** Ids with values, ascending (a copy). */
  public int[] ids() {
    return ids.clone();
  }

  int idAt(int k) {
    return ids[k];
  }

  /** Mean final validation accuracy (fraction), NaN if absent. */
  public double validation(int id) {
    return validation[id];
  }

  /** Mean final test accuracy (fraction), NaN if absent or unknown. */
  public double test(int id) {
    return test[id];
  }

  /** Mean final training time (seconds), NaN if absent or unknown. */
  public double time(int id) {
    return time[id];
  }

  /** True if any cell has a test accuracy. */
  public boolean hasTest() {
    return hasTest;
  }

  /** True if any cell has a training time. */
  public boolean hasTime() {
    return hasTime;
  }
}
